import { sql, type Insertable, type Selectable } from 'kysely'
import type { TDb } from '../../db/transaction.ts'
import type { StoredFileTable } from './files.tables.ts'

/** A stored_file row with its size as a number. */
export type TFileRow = Omit<Selectable<StoredFileTable>, 'size_bytes'> & { size_bytes: number }

/** A resource a file is attached to, with what the download rule needs. */
export type TAttachedResource = { status: string; audience: string; ownerOrgId: string; nodePath: string }

/** Advisory-lock namespace of file contents (first key of pg_advisory_xact_lock(int, int)). */
const CONTENT_LOCK_SPACE = 7301

function toRow(row: Selectable<StoredFileTable>): TFileRow {
  return { ...row, size_bytes: Number(row.size_bytes) }
}

/** Inserts one file row. */
export async function insertFile(db: TDb, row: Insertable<StoredFileTable>): Promise<TFileRow> {
  return toRow(await db.insertInto('stored_file').values(row).returningAll().executeTakeFirstOrThrow())
}

/** One file row, or null. */
export async function findFile(db: TDb, id: string): Promise<TFileRow | null> {
  const row = await db.selectFrom('stored_file').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toRow(row) : null
}

/** The rows of these files, locked until the transaction ends (claims must not race). */
export async function findFilesForUpdate(trx: TDb, ids: readonly string[]): Promise<TFileRow[]> {
  if (ids.length === 0) return []
  const rows = await trx.selectFrom('stored_file').selectAll().where('id', 'in', ids).forUpdate().execute()
  return rows.map(toRow)
}

/** Sets the record that uses these files. */
export async function setSubject(
  trx: TDb,
  ids: readonly string[],
  subject: { type: string; id: string },
): Promise<void> {
  if (ids.length === 0) return
  await trx
    .updateTable('stored_file')
    .set({ subject_type: subject.type, subject_id: subject.id })
    .where('id', 'in', ids)
    .execute()
}

/** Files used by these records, oldest first. */
export async function listFilesOfSubjects(
  db: TDb,
  subjectType: string,
  subjectIds: readonly string[],
): Promise<TFileRow[]> {
  if (subjectIds.length === 0) return []
  const rows = await db
    .selectFrom('stored_file')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', 'in', subjectIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map(toRow)
}

/** Unclaimed files uploaded before `before`, oldest first, at most `limit`. */
export async function listUnclaimedBefore(
  db: TDb,
  before: Date,
  limit: number,
): Promise<Pick<TFileRow, 'id' | 'sha256'>[]> {
  return db
    .selectFrom('stored_file')
    .select(['id', 'sha256'])
    .where('subject_id', 'is', null)
    .where('created_at', '<', before)
    .orderBy('created_at')
    .limit(limit)
    .execute()
}

/** Deletes a file row if it is still unclaimed; true when it was deleted. */
export async function deleteUnclaimedFile(trx: TDb, id: string): Promise<boolean> {
  const result = await trx
    .deleteFrom('stored_file')
    .where('id', '=', id)
    .where('subject_id', 'is', null)
    .executeTakeFirst()
  return result.numDeletedRows > 0n
}

/** How many file rows have this content. */
export async function countRowsWithContent(db: TDb, sha256: string): Promise<number> {
  const row = await db
    .selectFrom('stored_file')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('sha256', '=', sha256)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Serialises writers of one content (an upload storing it, the clean-up removing it) until the
 * transaction ends, so the clean-up never deletes bytes a new row has just come to rely on.
 */
export async function lockContent(trx: TDb, sha256: string): Promise<void> {
  // The first 8 hex digits as a signed 32-bit key: collisions only make unrelated contents wait briefly.
  const key = Number.parseInt(sha256.slice(0, 8), 16) | 0
  await sql`select pg_advisory_xact_lock(${CONTENT_LOCK_SPACE}::int, ${key}::int)`.execute(trx)
}

/**
 * The resources that use a file: those it is attached to (resource_attachment) and the one that claimed it,
 * with their status, audience, owner and node path.
 */
export async function listResourcesUsingFile(
  db: TDb,
  fileId: string,
  claimedBy: string | null,
): Promise<TAttachedResource[]> {
  return db
    .selectFrom('resource as r')
    .innerJoin('platform_node as n', 'n.id', 'r.node_id')
    .select(['r.status as status', 'r.audience as audience', 'r.owner_org_id as ownerOrgId', 'n.path as nodePath'])
    .where((eb) =>
      eb.or([
        eb('r.id', 'in', eb.selectFrom('resource_attachment').select('resource_id').where('file_id', '=', fileId)),
        ...(claimedBy ? [eb('r.id', '=', claimedBy)] : []),
      ]),
    )
    .execute()
}

/** The node paths of an organisation: the node it registered with and every node it has joined. */
export async function listOrganisationNodePaths(db: TDb, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('organisation as o')
    .innerJoin('platform_node as n', 'n.id', 'o.node_id')
    .select('n.path')
    .where('o.id', '=', orgId)
    .union(
      db
        .selectFrom('organisation_node_membership as m')
        .innerJoin('platform_node as n', 'n.id', 'm.node_id')
        .select('n.path')
        .where('m.org_id', '=', orgId),
    )
    .execute()
  return rows.map((r) => r.path)
}
