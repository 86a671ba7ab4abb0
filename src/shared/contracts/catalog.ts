import { z } from 'zod'
import { RESOURCE_KINDS } from '../resource-kinds.ts'

export const ZResourceKind = z.enum(RESOURCE_KINDS)

/** Query of GET /api/resources. */
export const ZListResourcesQuery = z.object({
  kind: z.union([ZResourceKind, z.array(ZResourceKind)]).optional(),
  /** GB/T 2260 code of a province, city or district: matches everything below it. */
  region: z.string().regex(/^\d{6}$/).optional(),
  orgId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
export type TListResourcesQuery = z.infer<typeof ZListResourcesQuery>

export const ZResourceSummary = z.object({
  id: z.uuid(),
  kind: ZResourceKind,
  title: z.string(),
  summary: z.string(),
  owner: z.object({ id: z.uuid(), name: z.string() }),
  regionCode: z.string(),
  regionName: z.string(),
  tags: z.array(z.string()),
  publishedAt: z.string().nullable(),
})
export type TResourceSummary = z.infer<typeof ZResourceSummary>

export const ZListResourcesResponse = z.object({
  items: z.array(ZResourceSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})
export type TListResourcesResponse = z.infer<typeof ZListResourcesResponse>

/** GET /api/resources/:id — a published resource with its kind-specific attributes. */
export const ZResourceDetail = ZResourceSummary.extend({
  disciplineCode: z.string().nullable(),
  /** GB/T 13745 name with its parents, e.g. "材料科学 / 材料表面与界面"; null when no or an unknown code. */
  disciplineName: z.string().nullable(),
  industryCode: z.string().nullable(),
  /** GB/T 4754 name with its parents. */
  industryName: z.string().nullable(),
  /** Instrument category code (NRII taxonomy, our own stable codes). */
  category: z.string().nullable(),
  categoryName: z.string().nullable(),
  sharingLevel: z.enum(['free', 'paid']),
  contact: z.object({ name: z.string(), phone: z.string(), email: z.string() }).nullable(),
  attributes: z.record(z.string(), z.unknown()),
  node: z.object({ id: z.uuid(), name: z.string() }),
})
export type TResourceDetail = z.infer<typeof ZResourceDetail>

export const ZResourceIdParams = z.object({ id: z.uuid() })
