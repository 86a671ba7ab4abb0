import { z } from 'zod'
import { RESOURCE_KINDS } from '../resource-kinds.ts'

export const ZResourceKind = z.enum(RESOURCE_KINDS)

/** Query of GET /api/resources. */
export const ZListResourcesQuery = z.object({
  kind: z.union([ZResourceKind, z.array(ZResourceKind)]).optional(),
  /** GB/T 2260 code of a province, city or district: matches everything below it. */
  region: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
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

/** An image or document of a resource, served by the files module at `url`. */
export const ZResourceAttachment = z.object({
  fileId: z.uuid(),
  role: z.enum(['image', 'document']),
  caption: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  url: z.string(),
})
export type TResourceAttachment = z.infer<typeof ZResourceAttachment>

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
  /**
   * Platform identifier in the CSTR shape of GB/T 32843 (`CSTR:<prefix>.<type>.<n>`), given at first
   * publication and never changed. Label it 平台标识: it is not registered with a CSTR agency.
   */
  cstr: z.string().nullable(),
  /** 'network': shown only to signed-in users of the operating node's network (its node and the nodes below). */
  audience: z.enum(['public', 'network']),
  /** Images and documents in the provider's order. */
  attachments: z.array(ZResourceAttachment),
})
export type TResourceDetail = z.infer<typeof ZResourceDetail>

export const ZResourceIdParams = z.object({ id: z.uuid() })
