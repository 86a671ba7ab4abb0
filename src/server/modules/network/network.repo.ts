import { sql, type Kysely } from 'kysely'
import type { DB } from '../../db/schema.ts'

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
