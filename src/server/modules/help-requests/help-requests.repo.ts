import { sql, type Insertable } from 'kysely'
import type { TDb } from '../../db/transaction.ts'
import type { HelpRequestTable } from './help-requests.tables.ts'

/** Roles whose holders work a node's help requests and are told of new ones (the platform admin's is on the root). */
const STAFF_ROLES = ['node_operator', 'node_admin', 'platform_admin'] as const

/** A help request with the names and path the service presents and checks. */
export type THelpRequestRow = NonNullable<Awaited<ReturnType<typeof findHelpRequest>>>

function selectHelpRequests(db: TDb) {
  return db
    .selectFrom('help_request as h')
    .innerJoin('platform_node as n', 'n.id', 'h.node_id')
    .leftJoin('organisation as o', 'o.id', 'h.requester_org_id')
    .select([
      'h.id',
      'h.requester_user_id',
      'h.requester_org_id',
      'h.node_id',
      'h.query',
      'h.details',
      'h.contact_phone',
      'h.contact_preference',
      'h.deadline',
      'h.status',
      'h.answer',
      'h.answered_by',
      'h.answered_at',
      'h.created_at',
      'n.name as node_name',
      'n.path as node_path',
      'o.name as org_name',
    ])
}

/** Stores a new request; returns its id. */
export async function insertHelpRequest(db: TDb, row: Insertable<HelpRequestTable>): Promise<string> {
  const inserted = await db.insertInto('help_request').values(row).returning('id').executeTakeFirstOrThrow()
  return inserted.id
}

/** One request with its node and organisation names, or undefined. */
export async function findHelpRequest(db: TDb, id: string) {
  return selectHelpRequests(db).where('h.id', '=', id).executeTakeFirst()
}

/** One page of a person's requests, newest first. */
export async function listRequesterHelpRequests(db: TDb, userId: string, page: { limit: number; offset: number }) {
  return selectHelpRequests(db)
    .where('h.requester_user_id', '=', userId)
    .orderBy('h.created_at', 'desc')
    .orderBy('h.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

/** How many requests a person has sent. */
export async function countRequesterHelpRequests(db: TDb, userId: string): Promise<number> {
  const row = await db
    .selectFrom('help_request')
    .select(sql<number>`count(*)`.as('n'))
    .where('requester_user_id', '=', userId)
    .executeTakeFirstOrThrow()
  return row.n
}

/** Which requests a node's queue holds: of the node, or of every node whose path starts with its path. */
export type TNodeQueueFilter = { nodeId: string; nodePath: string; isSubtree: boolean; status?: string }

/** One page of a node's queue: open requests oldest first (a queue), others newest first. */
export async function listNodeHelpRequests(db: TDb, filter: TNodeQueueFilter, page: { limit: number; offset: number }) {
  const direction = filter.status === 'open' ? 'asc' : 'desc'
  let query = selectHelpRequests(db)
  query = filter.isSubtree
    ? query.where('n.path', 'like', `${filter.nodePath}%`)
    : query.where('h.node_id', '=', filter.nodeId)
  if (filter.status) query = query.where('h.status', '=', filter.status)
  return query.orderBy('h.created_at', direction).orderBy('h.id').limit(page.limit).offset(page.offset).execute()
}

/** How many requests listNodeHelpRequests would return without paging. */
export async function countNodeHelpRequests(db: TDb, filter: TNodeQueueFilter): Promise<number> {
  let query = db
    .selectFrom('help_request as h')
    .innerJoin('platform_node as n', 'n.id', 'h.node_id')
    .select(sql<number>`count(*)`.as('n'))
  query = filter.isSubtree
    ? query.where('n.path', 'like', `${filter.nodePath}%`)
    : query.where('h.node_id', '=', filter.nodeId)
  if (filter.status) query = query.where('h.status', '=', filter.status)
  return (await query.executeTakeFirstOrThrow()).n
}

/** Records an answer; returns false when the request was closed meanwhile (or does not exist). */
export async function markAnswered(
  db: TDb,
  id: string,
  answer: { status: 'answered' | 'closed'; text: string; answeredBy: string; answeredAt: Date },
): Promise<boolean> {
  const row = await db
    .updateTable('help_request')
    .set({ status: answer.status, answer: answer.text, answered_by: answer.answeredBy, answered_at: answer.answeredAt })
    .where('id', '=', id)
    .where('status', '<>', 'closed')
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

/** A node's id, name and materialised path, or undefined. */
export async function findNode(db: TDb, id: string) {
  return db.selectFrom('platform_node').select(['id', 'name', 'path']).where('id', '=', id).executeTakeFirst()
}

/** The national root (总平台): the root node of kind `total`, else the oldest root. */
export async function findRootNode(db: TDb) {
  return db
    .selectFrom('platform_node')
    .select(['id', 'name', 'path'])
    .where('parent_id', 'is', null)
    .orderBy(sql`kind = 'total'`, 'desc')
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst()
}

/** The node an organisation belongs to (its operating node), or undefined. */
export async function findOrganisationNodeId(db: TDb, orgId: string): Promise<string | undefined> {
  const row = await db.selectFrom('organisation').select('node_id').where('id', '=', orgId).executeTakeFirst()
  return row?.node_id
}

/**
 * The staff (node operators and admins, platform admins) nearest to a node: those of the node itself,
 * or, when it has none, of the closest node above it that has some. Read from role_grant.
 * @param nodePath the node's materialised path
 * @returns user ids, each once
 */
export async function listNearestStaffIds(db: TDb, nodePath: string): Promise<string[]> {
  const rows = await db
    .selectFrom('role_grant as g')
    .innerJoin('platform_node as n', 'n.id', 'g.node_id')
    .select(['g.user_id', 'n.path'])
    .where('g.role', 'in', STAFF_ROLES)
    .where(sql<boolean>`${nodePath} like n.path || '%'`)
    .execute()
  const deepest = Math.max(0, ...rows.map((r) => r.path.length))
  return [...new Set(rows.filter((r) => r.path.length === deepest).map((r) => r.user_id))]
}
