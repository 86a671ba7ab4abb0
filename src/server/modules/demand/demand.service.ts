import type { Kysely } from 'kysely'
import { regionPath } from '#shared/codes/index.ts'
import type { TListDemandsQuery, TListDemandsResponse } from '#shared/contracts/demand.ts'
import type { DB } from '../../db/schema.ts'
import * as repo from './demand.repo.ts'

/** Technology demands (SPEC §4.4). Read side only until the demands issue. */
export function createDemandService(deps: { db: Kysely<DB> }) {
  /** One page of published demands, newest first. */
  async function listDemands(query: TListDemandsQuery): Promise<TListDemandsResponse> {
    const offset = (query.page - 1) * query.pageSize
    const [rows, total] = await Promise.all([
      repo.listPublishedDemands(deps.db, { limit: query.pageSize, offset }),
      repo.countPublishedDemands(deps.db),
    ])
    return {
      items: rows.map((row) => ({
        id: row.id,
        title: row.title,
        summary: row.summary,
        industryCode: row.industry_code,
        regionCode: row.region_code,
        regionName: regionPath(row.region_code),
        budgetFen: row.budget_fen,
        deadline: row.deadline,
        org: { id: row.org_id, name: row.org_name },
        publishedAt: row.published_at?.toISOString() ?? null,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    }
  }
  return { listDemands }
}

export type TDemandService = ReturnType<typeof createDemandService>
