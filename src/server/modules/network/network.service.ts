import type { Kysely } from 'kysely'
import type { TListNodesResponse } from '#shared/contracts/network.ts'
import type { TNodeKind } from '#shared/resource-kinds.ts'
import type { DB } from '../../db/schema.ts'
import * as repo from './network.repo.ts'

/** The platform network (SPEC §2). Read side only until the identity and network issue. */
export function createNetworkService(deps: { db: Kysely<DB> }) {
  /** The node tree as a flat list, parents before children, with depth from the path. */
  async function listNodes(): Promise<TListNodesResponse> {
    const rows = await repo.listNodesWithOrgCounts(deps.db)
    return {
      items: rows.map((row) => ({
        id: row.id,
        parentId: row.parent_id,
        code: row.code,
        name: row.name,
        kind: row.kind as TNodeKind,
        regionCode: row.region_code,
        depth: row.path.split('/').filter(Boolean).length - 1,
        organisations: row.organisations,
      })),
    }
  }
  return { listNodes }
}

export type TNetworkService = ReturnType<typeof createNetworkService>
