import { type ExpressionBuilder, type Insertable, type Selectable, type Transaction, sql } from 'kysely'
import type { AuditLogTable, DB } from '../../db/schema.ts'
import type { TDb } from '../../db/transaction.ts'

/** A row of audit_log as the database returns it. */
export type TAuditRow = Selectable<AuditLogTable>

/** Search criteria on audit_log; every field optional, all given ones must match. */
export type TAuditRowFilter = {
  actorId?: string | undefined
  action?: string | undefined
  targetType?: string | undefined
  targetId?: string | undefined
  result?: string | undefined
  from?: Date | undefined
  to?: Date | undefined
}

function matches(eb: ExpressionBuilder<DB, 'audit_log'>, filter: TAuditRowFilter) {
  const conditions = []
  if (filter.actorId !== undefined) conditions.push(eb('actor_id', '=', filter.actorId))
  if (filter.action !== undefined) conditions.push(eb('action', '=', filter.action))
  if (filter.targetType !== undefined) conditions.push(eb('target_type', '=', filter.targetType))
  if (filter.targetId !== undefined) conditions.push(eb('target_id', '=', filter.targetId))
  if (filter.result !== undefined) conditions.push(eb('result', '=', filter.result))
  if (filter.from !== undefined) conditions.push(eb('occurred_at', '>=', filter.from))
  if (filter.to !== undefined) conditions.push(eb('occurred_at', '<', filter.to))
  return eb.and(conditions)
}

/**
 * Appends one record. Without `actor_name`, the name is looked up from app_user (read only) so the record
 * still names the person after they are renamed or deleted. The insert trigger links it into the chain.
 */
export async function insertAuditRow(
  db: TDb,
  row: Omit<Insertable<AuditLogTable>, 'chain_seq' | 'prev_hash' | 'row_hash' | 'actor_name'> & { actor_name?: string },
): Promise<void> {
  const actorId = row.actor_id ?? null
  const actorName =
    row.actor_name ??
    (actorId === null ? '' : sql<string>`coalesce((select display_name from app_user where id = ${actorId}), '')`)
  await db
    .insertInto('audit_log')
    .values({ ...row, actor_name: actorName })
    .execute()
}

/** One page of matching records, newest first. */
export async function listAuditRows(
  db: TDb,
  filter: TAuditRowFilter,
  page: { limit: number; offset: number },
): Promise<TAuditRow[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) => matches(eb, filter))
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

/** How many records match. */
export async function countAuditRows(db: TDb, filter: TAuditRowFilter): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => matches(eb, filter))
    .executeTakeFirstOrThrow()
  return row.n
}

/**
 * Deletes the oldest stretch of the chain whose records all occurred before `cutoff` (and, as the trigger
 * insists, before the database's own now() − 180 days). Deleting a prefix of the chain, never rows in the
 * middle, keeps what remains verifiable; a record written late with an early time (clock skew between app
 * copies) simply waits until the records chained before it expire too. Must run in a transaction: it sets
 * the transaction-local switch that the append-only trigger checks, so the switch ends with it.
 * @returns how many rows were removed
 */
export async function deleteAuditRowsBefore(trx: Transaction<DB>, cutoff: Date): Promise<number> {
  await sql`select set_config('kexiang.audit_purge', 'on', true)`.execute(trx)
  const firstKept = sql<number>`coalesce(
    (select min(chain_seq) from audit_log where occurred_at >= least(${cutoff}::timestamptz, now() - interval '180 days')),
    (select max(chain_seq) + 1 from audit_log))`
  const result = await trx.deleteFrom('audit_log').where('chain_seq', '<', firstKept).executeTakeFirst()
  await sql`select set_config('kexiang.audit_purge', 'off', true)`.execute(trx)
  return Number(result.numDeletedRows)
}

/**
 * Recomputes every kept row's hash and its link to the row before it (the oldest kept row is the anchor:
 * older rows may have been purged).
 */
export async function checkAuditChain(
  db: TDb,
): Promise<{ checked: number; firstBrokenSeq: number | null; lastHash: string | null }> {
  const { rows } = await sql<{ checked: number; first_broken_seq: number | null; last_hash: string | null }>`
    with c as (
      select a.chain_seq, a.prev_hash, a.row_hash,
             audit_log_row_hash(a) as recomputed,
             lag(a.row_hash) over w as before_hash,
             lag(a.chain_seq) over w as before_seq
      from audit_log a
      window w as (order by a.chain_seq)
    )
    select count(*)::int as checked,
           min(chain_seq) filter (where recomputed <> row_hash
             or (before_seq is not null and (before_seq <> chain_seq - 1 or before_hash <> prev_hash))) as first_broken_seq,
           (select row_hash from audit_log order by chain_seq desc limit 1) as last_hash
    from c`.execute(db)
  const row = rows[0]
  return { checked: row?.checked ?? 0, firstBrokenSeq: row?.first_broken_seq ?? null, lastHash: row?.last_hash ?? null }
}
