import type { Kysely } from 'kysely'
import { findRegion } from '#shared/codes/index.ts'
import type { TStatsByCityResponse, TStatsOverviewResponse } from '#shared/contracts/stats.ts'
import { RESOURCE_KINDS, type TResourceKind } from '#shared/resource-kinds.ts'
import type { DB } from '../../db/schema.ts'
import * as repo from './stats.repo.ts'

/**
 * Platform statistics for the public portal. Every figure is counted from the database on request;
 * nothing is hard-coded or cached yet (the statistics issue adds snapshots for large deployments).
 */
export function createStatsService(deps: { db: Kysely<DB> }) {
  const { db } = deps

  /** Headline figures for the home page: resources by kind, organisations, cities, nodes, demands. */
  async function getOverview(): Promise<TStatsOverviewResponse> {
    const [byKind, orgs, nodes, demands, instrumentValueFen] = await Promise.all([
      repo.countPublishedResourcesByKind(db),
      repo.countOrganisationsAndCities(db),
      repo.countNodes(db),
      repo.countPublicDemands(db),
      repo.sumPublishedInstrumentValueFen(db),
    ])
    const counts = new Map(byKind.map((row) => [row.kind, row.count]))
    const resourcesByKind = RESOURCE_KINDS.map((kind: TResourceKind) => ({ kind, count: counts.get(kind) ?? 0 }))
    return {
      resourcesTotal: resourcesByKind.reduce((sum, row) => sum + row.count, 0),
      resourcesByKind,
      organisations: orgs.organisations,
      cities: orgs.cities,
      nodes,
      demands,
      instrumentValueFen,
    }
  }

  /** Published resources and approved organisations per city, with GB/T 2260 names. */
  async function getByCity(): Promise<TStatsByCityResponse> {
    const rows = await repo.countByCity(db)
    return {
      items: rows.map((row) => {
        const region = findRegion(row.city_code)
        return {
          cityCode: row.city_code,
          cityName: region?.name ?? row.city_code,
          provinceName: region?.province?.name ?? region?.name ?? '',
          resources: row.resources,
          organisations: row.organisations,
        }
      }),
    }
  }

  return { getOverview, getByCity }
}

export type TStatsService = ReturnType<typeof createStatsService>
