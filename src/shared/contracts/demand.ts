import { z } from 'zod'

/** Query of GET /api/demands. */
export const ZListDemandsQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
export type TListDemandsQuery = z.infer<typeof ZListDemandsQuery>

export const ZDemandSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  summary: z.string(),
  industryCode: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  budgetFen: z.number().int().nullable(),
  deadline: z.string().nullable(),
  org: z.object({ id: z.uuid(), name: z.string() }),
  publishedAt: z.string().nullable(),
})

/** GET /api/demands — published technology demands, newest first. */
export const ZListDemandsResponse = z.object({
  items: z.array(ZDemandSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})
export type TListDemandsResponse = z.infer<typeof ZListDemandsResponse>
