import { sql, type Insertable } from 'kysely'
import type { OrganisationJoinRequestTable } from '../../db/schema.ts'
import type { TDb } from '../../db/transaction.ts'

const COLUMNS = [
  'id',
  'org_id',
  'user_id',
  'message',
  'status',
  'reason',
  'decided_by',
  'decided_at',
  'created_at',
] as const

/** A join request row. */
export type TJoinRequestRow = NonNullable<Awaited<ReturnType<typeof findJoinRequest>>>

/** The person's open (pending) request to join the unit, or undefined. */
export async function findOpenJoinRequest(db: TDb, orgId: string, userId: string) {
  return db
    .selectFrom('organisation_join_request')
    .select(COLUMNS)
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .executeTakeFirst()
}

/** Stores a new request. */
export async function insertJoinRequest(db: TDb, row: Insertable<OrganisationJoinRequestTable>) {
  return db.insertInto('organisation_join_request').values(row).returning(COLUMNS).executeTakeFirstOrThrow()
}

/** One request of the unit, or undefined (a request of another unit is not found). */
export async function findJoinRequest(db: TDb, orgId: string, id: string) {
  return db
    .selectFrom('organisation_join_request')
    .select(COLUMNS)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** One page of a unit's requests, oldest first, optionally of one status. */
export async function listJoinRequests(
  db: TDb,
  orgId: string,
  status: string | undefined,
  page: { limit: number; offset: number },
) {
  let query = db.selectFrom('organisation_join_request').select(COLUMNS).where('org_id', '=', orgId)
  if (status) query = query.where('status', '=', status)
  return query.orderBy('created_at').orderBy('id').limit(page.limit).offset(page.offset).execute()
}

/** How many requests listJoinRequests would return without paging. */
export async function countJoinRequests(db: TDb, orgId: string, status: string | undefined): Promise<number> {
  let query = db
    .selectFrom('organisation_join_request')
    .select(sql<number>`count(*)`.as('n'))
    .where('org_id', '=', orgId)
  if (status) query = query.where('status', '=', status)
  return (await query.executeTakeFirstOrThrow()).n
}

/** Records the admins' decision; returns the updated row, or undefined when it was no longer pending. */
export async function markDecided(
  db: TDb,
  id: string,
  decision: { status: 'approved' | 'rejected'; decidedBy: string; decidedAt: Date; reason: string | null },
) {
  return db
    .updateTable('organisation_join_request')
    .set({
      status: decision.status,
      decided_by: decision.decidedBy,
      decided_at: decision.decidedAt,
      reason: decision.reason,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returning(COLUMNS)
    .executeTakeFirst()
}

/** One page of a person's own requests with the units' names, newest first. */
export async function listRequestsOfUser(db: TDb, userId: string, page: { limit: number; offset: number }) {
  return db
    .selectFrom('organisation_join_request as r')
    .innerJoin('organisation as o', 'o.id', 'r.org_id')
    .select(COLUMNS.map((c) => `r.${c}` as const))
    .select('o.name as org_name')
    .where('r.user_id', '=', userId)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

/** How many requests listRequestsOfUser would return without paging. */
export async function countRequestsOfUser(db: TDb, userId: string): Promise<number> {
  const row = await db
    .selectFrom('organisation_join_request')
    .select(sql<number>`count(*)`.as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow()
  return row.n
}

/** One of the person's own requests, or undefined (someone else's request is not found). */
export async function findRequestOfUser(db: TDb, userId: string, id: string) {
  return db
    .selectFrom('organisation_join_request')
    .select(COLUMNS)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** Deletes a request while it is still pending; false when it was decided (or gone) meanwhile. */
export async function deletePendingRequest(db: TDb, id: string): Promise<boolean> {
  const row = await db
    .deleteFrom('organisation_join_request')
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}
