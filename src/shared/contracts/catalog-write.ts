import { z } from 'zod'
import { ZResourceKind } from './catalog.ts'

/**
 * The provider and reviewer side of the catalogue (issue 4 items 1–3): writing resources, the review
 * lifecycle and versions. Public reads stay in `catalog.ts`.
 *
 * Lifecycle: draft → submitted → approved | returned (with reasons) → published → offline.
 * A published resource changes only through a new version: editing it opens a revision (draft → submitted →
 * approved) that replaces the public content when approved; until then the public sees the published version.
 */
export const RESOURCE_STATUSES = ['draft', 'submitted', 'approved', 'returned', 'published', 'offline'] as const
export const ZResourceStatus = z.enum(RESOURCE_STATUSES)
export type TResourceStatus = z.infer<typeof ZResourceStatus>

/** Who may see a published resource: everyone, or signed-in users of the owning node's network (its subtree). */
export const ZAudience = z.enum(['public', 'network'])

export const ZAttachmentRef = z.object({
  /** A file uploaded through POST /api/files. */
  fileId: z.uuid(),
  role: z.enum(['image', 'document']),
  caption: z.string().trim().max(100).default(''),
})
export type TAttachmentRef = z.infer<typeof ZAttachmentRef>

export const ZContact = z.object({
  name: z.string().trim().min(1).max(40),
  phone: z.string().trim().min(5).max(30),
  email: z.union([z.email(), z.literal('')]).default(''),
})

/**
 * The editable content of a resource (GB/T 30523 core metadata names in the comments). `attributes` are
 * checked per kind by `checkAttributes` (src/shared/catalog/kind-fields.ts); its issues come back as 400
 * VALIDATION with `details.issues[].path = ['body', 'attributes', ...key.split('.')]`.
 */
export const ZResourceContent = z.object({
  /** 资源名称 */
  title: z.string().trim().min(1).max(300),
  /** 描述 */
  summary: z.string().trim().max(4000).default(''),
  /** 关键词 */
  tags: z.array(z.string().trim().min(1).max(30)).max(20).default([]),
  /** GB/T 2260 district or city code where the resource is (a province alone is refused: statistics group by city). */
  regionCode: z.string().regex(/^\d{6}$/),
  /** GB/T 13745 */
  disciplineCode: z
    .string()
    .regex(/^\d{3}(\d{2}){0,2}$/)
    .nullable()
    .default(null),
  /** GB/T 4754, letter + digits as displayed ('M745'). */
  industryCode: z
    .string()
    .regex(/^[A-T](\d{2,4})?$/)
    .nullable()
    .default(null),
  /** NRII class for instruments; a kind's own category otherwise. */
  category: z.string().trim().min(1).max(40).nullable().default(null),
  sharingLevel: z.enum(['free', 'paid']),
  audience: ZAudience.default('public'),
  contact: ZContact.nullable().default(null),
  attributes: z.record(z.string(), z.unknown()).default({}),
  attachments: z.array(ZAttachmentRef).max(20).default([]),
})
export type TResourceContent = z.infer<typeof ZResourceContent>

/** POST /api/catalog/resources — a new draft of organisation `orgId`, operated by node `nodeId` (default: the organisation's node). */
export const ZCreateResourceBody = ZResourceContent.extend({
  kind: ZResourceKind,
  orgId: z.uuid(),
  nodeId: z.uuid().optional(),
})
export type TCreateResourceBody = z.infer<typeof ZCreateResourceBody>

/** PUT /api/catalog/resources/:id — replaces the content of the draft (or of the open revision). */
export const ZUpdateResourceBody = ZResourceContent.extend({
  /** The version the editor started from; a newer one → 409 CONFLICT (someone else saved meanwhile). */
  expectedVersion: z.number().int().min(1),
})
export type TUpdateResourceBody = z.infer<typeof ZUpdateResourceBody>

/** POST /api/catalog/resources/:id/review */
export const ZReviewBody = z
  .object({
    decision: z.enum(['approve', 'return']),
    /** Required when returning: what the provider must fix. */
    reason: z.string().trim().max(1000).default(''),
    /** Publish at once when approving (default); false leaves it approved for the provider to publish. */
    publish: z.boolean().default(true),
  })
  .refine((body) => body.decision === 'approve' || body.reason.length > 0, {
    path: ['reason'],
    message: 'reason is required when returning',
  })
export type TReviewBody = z.infer<typeof ZReviewBody>

/** POST /api/catalog/resources/:id/offline */
export const ZOfflineBody = z.object({ reason: z.string().trim().min(1).max(500) })
export type TOfflineBody = z.infer<typeof ZOfflineBody>

/** GET /api/catalog/resources — the provider's own list (every status). */
export const ZManageListQuery = z.object({
  orgId: z.uuid(),
  kind: ZResourceKind.optional(),
  status: ZResourceStatus.optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
export type TManageListQuery = z.infer<typeof ZManageListQuery>

/** GET /api/catalog/reviews — submissions waiting for the operators of `nodeId`'s subtree. */
export const ZReviewQueueQuery = z.object({
  nodeId: z.uuid(),
  kind: ZResourceKind.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
export type TReviewQueueQuery = z.infer<typeof ZReviewQueueQuery>

export const ZAttachment = ZAttachmentRef.extend({
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  /** GET this to download or show the file. */
  url: z.string(),
})
export type TAttachment = z.infer<typeof ZAttachment>

/** One row of the provider's list and of the review queue. */
export const ZManagedResourceSummary = z.object({
  id: z.uuid(),
  kind: ZResourceKind,
  title: z.string(),
  status: ZResourceStatus,
  /** Status of the open revision of a published resource, or null. */
  revisionStatus: ZResourceStatus.nullable(),
  version: z.number().int(),
  owner: z.object({ id: z.uuid(), name: z.string() }),
  node: z.object({ id: z.uuid(), name: z.string() }),
  cstr: z.string().nullable(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
})
export type TManagedResourceSummary = z.infer<typeof ZManagedResourceSummary>

export const ZManagedListResponse = z.object({
  items: z.array(ZManagedResourceSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})
export type TManagedListResponse = z.infer<typeof ZManagedListResponse>

/** GET /api/catalog/resources/:id — everything the provider or reviewer needs. */
export const ZManagedResource = ZManagedResourceSummary.extend({
  /** What the editor shows: the open revision's content if any, else the resource's own. */
  content: ZResourceContent.extend({ attachments: z.array(ZAttachment) }),
  /** The public content while a revision is open, else null. */
  publishedContent: ZResourceContent.extend({ attachments: z.array(ZAttachment) }).nullable(),
  /** Last reviewer's reason when returned. */
  returnReason: z.string().nullable(),
  offlineReason: z.string().nullable(),
  /** What the caller may do now, so the UI shows only possible buttons. */
  actions: z.array(z.enum(['edit', 'submit', 'withdraw', 'review', 'publish', 'offline', 'online', 'delete'])),
})
export type TManagedResource = z.infer<typeof ZManagedResource>

/** GET /api/catalog/resources/:id/versions — every change, newest first. */
export const ZResourceVersion = z.object({
  version: z.number().int(),
  action: z.enum([
    'create',
    'edit',
    'submit',
    'withdraw',
    'approve',
    'return',
    'publish',
    'offline',
    'online',
    'import',
  ]),
  /** The resource's status after the change; for a revision's change, the revision's status. */
  status: ZResourceStatus,
  note: z.string().nullable(),
  /** True when the change concerned the open revision of a published resource (the public content did not change). */
  isRevision: z.boolean().default(false),
  by: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  at: z.string(),
})
export type TResourceVersion = z.infer<typeof ZResourceVersion>
export const ZResourceVersionsResponse = z.object({ items: z.array(ZResourceVersion) })
export type TResourceVersionsResponse = z.infer<typeof ZResourceVersionsResponse>
