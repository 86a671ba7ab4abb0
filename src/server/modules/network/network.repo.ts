import { sql, type Insertable, type Kysely } from 'kysely'
import type { DB, PlatformNodeTable } from '../../db/schema.ts'
import type { TDb } from '../../db/transaction.ts'

const NODE_COLUMNS = ['id', 'parent_id', 'code', 'name', 'kind', 'region_code', 'path', 'created_at'] as const

/** Every node with its number of approved organisations, ordered by materialised path (parents first). */
export async function listNodesWithOrgCounts(db: Kysely<DB>) {
  return db
    .selectFrom('platform_node as n')
    .leftJoin('organisation as o', (join) => join.onRef('o.node_id', '=', 'n.id').on('o.status', '=', 'approved'))
    .select(['n.id', 'n.parent_id', 'n.code', 'n.name', 'n.kind', 'n.region_code', 'n.path'])
    .select(sql<number>`count(o.id)`.as('organisations'))
    .groupBy('n.id')
    .orderBy('n.path')
    .execute()
}

/** The node whose path starts the subtree, and every node below it, with approved-organisation counts. */
export async function listSubtreeWithOrgCounts(db: TDb, path: string) {
  return db
    .selectFrom('platform_node as n')
    .leftJoin('organisation as o', (join) => join.onRef('o.node_id', '=', 'n.id').on('o.status', '=', 'approved'))
    .select(NODE_COLUMNS.map((c) => `n.${c}` as const))
    .select(sql<number>`count(o.id)`.as('organisations'))
    .where('n.path', 'like', `${path}%`)
    .groupBy('n.id')
    .orderBy('n.path')
    .execute()
}

/** One node, or undefined. */
export async function findNodeById(db: TDb, id: string) {
  return db.selectFrom('platform_node').select(NODE_COLUMNS).where('id', '=', id).executeTakeFirst()
}

/** True when a node already uses this code. */
export async function isNodeCodeTaken(db: TDb, code: string): Promise<boolean> {
  const row = await db.selectFrom('platform_node').select('id').where('code', '=', code).executeTakeFirst()
  return row !== undefined
}

/** Inserts a node (id and path decided by the caller). */
export async function insertNode(db: TDb, row: Insertable<PlatformNodeTable>) {
  return db.insertInto('platform_node').values(row).returning(NODE_COLUMNS).executeTakeFirstOrThrow()
}

/** Renames a node; returns the updated row, or undefined when it does not exist. */
export async function updateNodeName(db: TDb, id: string, name: string) {
  return db.updateTable('platform_node').set({ name }).where('id', '=', id).returning(NODE_COLUMNS).executeTakeFirst()
}

/**
 * The people holding roles on the node itself (not below it), one row per person with their roles and
 * when they got the first one, in that order. Reads role_grant (the identity module's table).
 */
export async function listNodeStaff(db: TDb, nodeId: string) {
  return db
    .selectFrom('role_grant')
    .select(['user_id'])
    .select(sql<string[]>`array_agg(role order by role)`.as('roles'))
    .select(sql<Date>`min(created_at)`.as('since'))
    .where('node_id', '=', nodeId)
    .groupBy('user_id')
    .orderBy(sql`min(created_at)`)
    .orderBy('user_id')
    .execute()
}
