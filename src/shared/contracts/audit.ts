import { z } from 'zod'

/** How an audited action ended: done, failed, or refused for lack of permission. */
export const AUDIT_RESULTS = ['success', 'failure', 'denied'] as const
export const ZAuditResult = z.enum(AUDIT_RESULTS)
export type TAuditResult = z.infer<typeof ZAuditResult>

/** Filters shared by GET /api/audit and GET /api/audit/export. Times are ISO 8601 with an offset. */
export const ZAuditFilter = z.object({
  actorId: z.uuid().optional(),
  /** Exact action, e.g. `identity.sign_in`. */
  action: z.string().trim().min(1).max(100).optional(),
  targetType: z.string().trim().min(1).max(100).optional(),
  targetId: z.string().trim().min(1).max(200).optional(),
  result: ZAuditResult.optional(),
  /** Inclusive lower bound of occurredAt. */
  from: z.iso.datetime({ offset: true }).optional(),
  /** Exclusive upper bound of occurredAt. */
  to: z.iso.datetime({ offset: true }).optional(),
})
export type TAuditFilter = z.infer<typeof ZAuditFilter>

/** Query of GET /api/audit: the filters plus paging (newest first). */
export const ZListAuditQuery = ZAuditFilter.extend({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})
export type TListAuditQuery = z.infer<typeof ZListAuditQuery>

/** One audit record as auditors see it. */
export const ZAuditRecord = z.object({
  id: z.number().int(),
  /** Position in the hash chain (tamper evidence). */
  chainSeq: z.number().int(),
  occurredAt: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  ip: z.string(),
  userAgent: z.string(),
  result: ZAuditResult,
  detail: z.record(z.string(), z.unknown()),
})
export type TAuditRecord = z.infer<typeof ZAuditRecord>

/** GET /api/audit */
export const ZListAuditResponse = z.object({
  items: z.array(ZAuditRecord),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})
export type TListAuditResponse = z.infer<typeof ZListAuditResponse>

/** GET /api/audit/verify — recomputes the hash chain over the rows still kept. */
export const ZVerifyAuditResponse = z.object({
  /** True when every row's hash matches its content and links to the row before it. */
  isIntact: z.boolean(),
  checked: z.number().int(),
  /** chain_seq of the first row that does not match, or null. */
  firstBrokenSeq: z.number().int().nullable(),
  /** The newest row's hash: write it down elsewhere to anchor the chain. */
  lastHash: z.string().nullable(),
})
export type TVerifyAuditResponse = z.infer<typeof ZVerifyAuditResponse>
