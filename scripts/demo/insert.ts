import { type Insertable, sql, type Transaction } from 'kysely'
import type { DB, ResourceTable } from '#server/db/schema.ts'
import type { TDemoDataset } from './build-dataset.ts'
import { demoLifecycle, demoRevisions, demoVersionRows } from './lifecycle.ts'
import type { TDemoResource } from './resource-base.ts'

/** Rows per INSERT statement: 500 rows × 22 columns stays far below PostgreSQL's 65,535 parameters. */
export const INSERT_BATCH = 500

function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size))
  return out
}

/**
 * The resource row as the driver should send it: JSON columns as JSON text, so that `pg` never mistakes
 * an array inside them for a PostgreSQL array literal.
 * @param row a built resource
 */
export function toResourceInsert(row: TDemoResource): Insertable<ResourceTable> {
  return {
    ...row,
    contact: row.contact === null ? null : JSON.stringify(row.contact),
    attributes: JSON.stringify(row.attributes),
  }
}

/**
 * Inserts a built dataset through the given transaction, parents before children, in batches of
 * INSERT_BATCH rows. Plain multi-row INSERTs only, so it runs the same on PGlite and PostgreSQL.
 * @param trx the open transaction (use nothing else inside it: PGlite has one connection)
 * @param dataset rows from buildDemoDataset
 * @param passwordHash one argon2id hash shared by every demo account
 */
export async function insertDemoDataset(
  trx: Transaction<DB>,
  dataset: TDemoDataset,
  passwordHash: string,
): Promise<void> {
  // one statement for the nodes: foreign keys to parents in the same statement are checked at its end
  for (const batch of chunks(dataset.nodes, INSERT_BATCH)) await trx.insertInto('platform_node').values(batch).execute()
  for (const batch of chunks(dataset.organisations, INSERT_BATCH)) {
    await trx.insertInto('organisation').values(batch).execute()
  }
  const users = dataset.users.map((u) => ({ ...u, password_hash: passwordHash }))
  for (const batch of chunks(users, INSERT_BATCH)) await trx.insertInto('app_user').values(batch).execute()
  for (const batch of chunks(dataset.grants, INSERT_BATCH)) await trx.insertInto('role_grant').values(batch).execute()
  const lifecycle = demoLifecycle(dataset.resources)
  const revised = demoRevisions(dataset.resources, dataset.nodes)
  for (const batch of chunks(dataset.resources, INSERT_BATCH)) {
    const rows = batch.map((r) => ({
      ...toResourceInsert(r),
      ...lifecycle.byId.get(r.id),
      version: revised.revisedIds.has(r.id) ? 3 : 1,
    }))
    await trx.insertInto('resource').values(rows).execute()
  }
  // the identifiers handed out above are 1…n: the sequence continues after them
  if (lifecycle.cstrCount > 0) await sql`select setval('resource_cstr_seq', ${lifecycle.cstrCount})`.execute(trx)
  for (const batch of chunks([...demoVersionRows(dataset.resources), ...revised.versions], INSERT_BATCH)) {
    await trx.insertInto('resource_version').values(batch).execute()
  }
  if (revised.revisions.length > 0) await trx.insertInto('resource_revision').values(revised.revisions).execute()
  for (const batch of chunks(dataset.demands, INSERT_BATCH)) await trx.insertInto('demand').values(batch).execute()
}
