import { sql, type Insertable } from 'kysely'
import type { OrganisationNodeMembershipTable, OrganisationTable } from '../../db/schema.ts'
import type { TDb } from '../../db/transaction.ts'

/** The node a unit applies to, with its materialised path (for the node rules). */
export async function findNode(db: TDb, id: string) {
  return db.selectFrom('platform_node').select(['id', 'name', 'path']).where('id', '=', id).executeTakeFirst()
}

/** True when a unit already holds this credit code. */
export async function isCreditCodeTaken(db: TDb, creditCode: string): Promise<boolean> {
  const row = await db.selectFrom('organisation').select('id').where('credit_code', '=', creditCode).executeTakeFirst()
  return row !== undefined
}

/** Inserts a unit; returns its id. */
export async function insertOrganisation(db: TDb, row: Insertable<OrganisationTable>): Promise<string> {
  return (await db.insertInto('organisation').values(row).returning('id').executeTakeFirstOrThrow()).id
}

/** Records a joining agreement between a unit and a node. */
export async function insertMembership(db: TDb, row: Insertable<OrganisationNodeMembershipTable>): Promise<void> {
  await db.insertInto('organisation_node_membership').values(row).execute()
}

function organisationQuery(db: TDb) {
  return db
    .selectFrom('organisation as o')
    .innerJoin('platform_node as n', 'n.id', 'o.node_id')
    .leftJoin('organisation_node_membership as m', (join) =>
      join.onRef('m.org_id', '=', 'o.id').onRef('m.node_id', '=', 'o.node_id'),
    )
    .select([
      'o.id',
      'o.name',
      'o.kind',
      'o.credit_code',
      'o.credit_code_check',
      'o.region_code',
      'o.address',
      'o.status',
      'o.node_id',
      'n.name as node_name',
      'n.path as node_path',
      'o.contact_name',
      'o.contact_phone',
      'o.registered_by',
      'o.reviewed_by',
      'o.reviewed_at',
      'o.review_reason',
      'o.created_at',
      'm.agreement_version',
      'm.accepted_at',
    ])
}

/** A unit row as the service presents it: with its node's name and path and its joining agreement. */
export type TOrganisationRow = NonNullable<Awaited<ReturnType<typeof findOrganisation>>>

/** One unit with its node and agreement, or undefined. */
export async function findOrganisation(db: TDb, id: string) {
  return organisationQuery(db).where('o.id', '=', id).executeTakeFirst()
}

export type TNodeOrganisationsFilter = { nodeId: string; nodePath: string; isSubtree: boolean; status?: string }

function nodeFilter<Q extends ReturnType<typeof organisationQuery>>(query: Q, filter: TNodeOrganisationsFilter): Q {
  let q = filter.isSubtree
    ? query.where('n.path', 'like', `${filter.nodePath}%`)
    : query.where('o.node_id', '=', filter.nodeId)
  if (filter.status) q = q.where('o.status', '=', filter.status)
  return q as Q
}

/** One page of a node's units (or its subtree's), oldest first so the review queue is worked in order. */
export async function listNodeOrganisations(
  db: TDb,
  filter: TNodeOrganisationsFilter,
  page: { limit: number; offset: number },
) {
  return nodeFilter(organisationQuery(db), filter)
    .orderBy('o.created_at')
    .orderBy('o.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

/** How many units listNodeOrganisations would return without paging. */
export async function countNodeOrganisations(db: TDb, filter: TNodeOrganisationsFilter): Promise<number> {
  const row = await nodeFilter(organisationQuery(db), filter)
    .clearSelect()
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow()
  return row.n
}

/** Records the node's decision on a pending unit; returns false when it was no longer pending. */
export async function markReviewed(
  db: TDb,
  id: string,
  review: { status: 'approved' | 'rejected'; reviewedBy: string; reviewedAt: Date; reason: string | null },
): Promise<boolean> {
  const row = await db
    .updateTable('organisation')
    .set({
      status: review.status,
      reviewed_by: review.reviewedBy,
      reviewed_at: review.reviewedAt,
      review_reason: review.reason,
      updated_at: review.reviewedAt,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

/**
 * The people of a unit, one row per person with every role they hold in it, in the order they joined.
 * Reads role_grant (the identity module's table; it is the one record of who belongs to a unit).
 */
export async function listOrgPeople(db: TDb, orgId: string, page: { limit: number; offset: number }) {
  return db
    .selectFrom('role_grant')
    .select(['user_id'])
    .select(sql<string[]>`array_agg(role order by role)`.as('roles'))
    .select(sql<Date>`min(created_at)`.as('since'))
    .where('org_id', '=', orgId)
    .groupBy('user_id')
    .orderBy(sql`min(created_at)`)
    .orderBy('user_id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

/** How many people hold a role in the unit. */
export async function countOrgPeople(db: TDb, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('role_grant')
    .select(sql<number>`count(distinct user_id)`.as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow()
  return row.n
}

/** The roles one person holds in a unit (empty when none). */
export async function listRolesInOrg(db: TDb, orgId: string, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('role_grant')
    .select('role')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .orderBy('role')
    .execute()
  return rows.map((r) => r.role)
}

/** The ids of the unit's admins (who are told about requests to join it). */
export async function listOrgAdminIds(db: TDb, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('role_grant')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('role', '=', 'org_admin')
    .orderBy('user_id')
    .execute()
  return rows.map((r) => r.user_id)
}

/** Locks the unit's row until the transaction ends (serialises membership changes); false when missing. */
export async function lockOrganisation(db: TDb, id: string): Promise<boolean> {
  const row = await db.selectFrom('organisation').select('id').where('id', '=', id).forUpdate().executeTakeFirst()
  return row !== undefined
}

/** One person of a unit with every role they hold in it and when they got the first one, or undefined. */
export async function findOrgPerson(db: TDb, orgId: string, userId: string) {
  return db
    .selectFrom('role_grant')
    .select(sql<string[]>`array_agg(role order by role)`.as('roles'))
    .select(sql<Date>`min(created_at)`.as('since'))
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .having(sql<number>`count(*)`, '>', 0)
    .executeTakeFirst()
}

/**
 * The node operators and node admins of the given nodes (a node and its ancestors: the staff whose subtree
 * contains it), e.g. to tell them that a unit waits for review. Reads role_grant, as listOrgAdminIds does.
 */
export async function listNodeStaffIds(db: TDb, nodeIds: readonly string[]): Promise<string[]> {
  if (nodeIds.length === 0) return []
  const rows = await db
    .selectFrom('role_grant')
    .select('user_id')
    .distinct()
    .where('node_id', 'in', nodeIds)
    .where('role', 'in', ['node_operator', 'node_admin'])
    .orderBy('user_id')
    .execute()
  return rows.map((r) => r.user_id)
}
