import { ZStatsByCityResponse, ZStatsOverviewResponse } from '#shared/contracts/stats.ts'
import type { TApp } from '../../http/app-type.ts'
import type { TStatsService } from './stats.service.ts'

/** Public statistics: GET /api/stats/overview, GET /api/stats/by-city. */
export function registerStatsRoutes(app: TApp, deps: { stats: TStatsService }): void {
  app.get(
    '/api/stats/overview',
    {
      schema: {
        tags: ['stats'],
        summary: '平台概况 Headline figures (resources by kind, organisations, cities, nodes)',
        response: { 200: ZStatsOverviewResponse },
      },
    },
    () => deps.stats.getOverview(),
  )
  app.get(
    '/api/stats/by-city',
    {
      schema: {
        tags: ['stats'],
        summary: '按城市统计 Resources and organisations per city',
        response: { 200: ZStatsByCityResponse },
      },
    },
    () => deps.stats.getByCity(),
  )
}
