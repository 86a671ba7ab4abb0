import { sql } from 'kysely'
import type { TDb } from '../../db/transaction.ts'

/** SQL of the provider's list and the node's review queue. */

const SUMMARY_COLUMNS = [
  'r.id',
  'r.kind',
  'r.title',
  'r.status',
  'r.version',
  'r.owner_org_id',
  'o.name as owner_name',
  'r.node_id',
  'n.name as node_name',
  'r.cstr',
  'r.updated_at',
  'r.submitted_at',
  'v.status as revision_status',
  'v.submitted_at as revision_submitted_at',
] as const

function summaryBase(db: TDb) {
  return db
    .selectFrom('resource as r')
    .innerJoin('organisation as o', 'o.id', 'r.owner_org_id')
    .innerJoin('platform_node as n', 'n.id', 'r.node_id')
    .leftJoin('resource_revision as v', 'v.resource_id', 'r.id')
}

export type TOrgListFilter = { orgId: string; kinds: string[] | null; status?: string; q?: string }

function orgListQuery(db: TDb, filter: TOrgListFilter) {
  let query = summaryBase(db).where('r.owner_org_id', '=', filter.orgId)
  if (filter.kinds) query = query.where('r.kind', 'in', filter.kinds)
  if (filter.status) query = query.where('r.status', '=', filter.status)
  if (filter.q) query = query.where('r.title', 'ilike', `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
  return query
}

/** One page of a unit's resources in any status, most recently changed first. */
export async function listOrgResources(db: TDb, filter: TOrgListFilter, page: { limit: number; offset: number }) {
  return orgListQuery(db, filter)
    .select(SUMMARY_COLUMNS)
    .orderBy('r.updated_at', 'desc')
    .orderBy('r.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

/** How many of a unit's resources match. */
export async function countOrgResources(db: TDb, filter: TOrgListFilter): Promise<number> {
  const row = await orgListQuery(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export type TQueueFilter = { nodePath: string; kind?: string }

function queueQuery(db: TDb, filter: TQueueFilter) {
  let query = summaryBase(db)
    .where('n.path', 'like', `${filter.nodePath}%`)
    .where((eb) => eb.or([eb('r.status', '=', 'submitted'), eb('v.status', '=', 'submitted')]))
  if (filter.kind) query = query.where('r.kind', '=', filter.kind)
  return query
}

/** One page of the submissions (new resources and revisions) waiting in a node's subtree, oldest first. */
export async function listReviewQueue(db: TDb, filter: TQueueFilter, page: { limit: number; offset: number }) {
  return queueQuery(db, filter)
    .select(SUMMARY_COLUMNS)
    .orderBy(sql`case when r.status = 'submitted' then r.submitted_at else v.submitted_at end`)
    .orderBy('r.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

/** How many submissions wait in a node's subtree. */
export async function countReviewQueue(db: TDb, filter: TQueueFilter): Promise<number> {
  const row = await queueQuery(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
