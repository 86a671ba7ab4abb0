import { z } from 'zod'
import { RESOURCE_KINDS } from '../resource-kinds.ts'

/** GET /api/stats/overview — the platform's headline figures, all counted from the database. */
export const ZStatsOverviewResponse = z.object({
  resourcesTotal: z.number().int(),
  resourcesByKind: z.array(z.object({ kind: z.enum(RESOURCE_KINDS), count: z.number().int() })),
  organisations: z.number().int(),
  cities: z.number().int(),
  nodes: z.number().int(),
  demands: z.number().int(),
  /** Sum of the original value of published instruments, in fen. */
  instrumentValueFen: z.number().int(),
})
export type TStatsOverviewResponse = z.infer<typeof ZStatsOverviewResponse>

/** GET /api/stats/by-city — published resources and organisations per city (GB/T 2260 city code). */
export const ZStatsByCityResponse = z.object({
  items: z.array(
    z.object({
      cityCode: z.string(),
      cityName: z.string(),
      provinceName: z.string(),
      resources: z.number().int(),
      organisations: z.number().int(),
    }),
  ),
})
export type TStatsByCityResponse = z.infer<typeof ZStatsByCityResponse>
