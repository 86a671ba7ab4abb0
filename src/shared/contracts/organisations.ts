import { z } from 'zod'
import { ORG_KINDS } from '../resource-kinds.ts'
import { ZFileRef } from './files.ts'

/** Lifecycle of a unit: registered (pending) → approved or rejected by its node; suspended later by staff. */
export const ORG_STATUSES = ['pending', 'approved', 'rejected', 'suspended'] as const
export const JOIN_REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const
/** Roles a person can hold in a unit (role_grant rows scoped to the organisation). */
export const ORG_ROLES = ['member', 'org_admin', 'resource_manager', 'instrument_manager', 'expert'] as const

/** 统一社会信用代码 (GB 32100): normalised (trimmed, upper-case), then its shape; the checksum is checked by the server. */
export const ZCreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/)
/** Mainland mobile (13812345678) or landline with area code (0453-6123456). */
export const ZContactPhone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/)

/** approve (an optional note) or reject (a reason is required: the applicant sees it). */
const ZDecision = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), reason: z.string().trim().max(500).optional() }),
  z.object({ decision: z.literal('reject'), reason: z.string().trim().min(2).max(500) }),
])

/** POST /api/organisations — 单位注册 by a signed-in person, who becomes the unit's first admin. */
export const ZRegisterOrganisationRequest = z.object({
  name: z.string().trim().min(2).max(100),
  creditCode: ZCreditCode,
  kind: z.enum(ORG_KINDS),
  /** GB/T 2260 code of the city or district the unit is registered in. */
  regionCode: z.string().regex(/^\d{6}$/),
  address: z.string().trim().min(5).max(200),
  contactName: z.string().trim().min(1).max(50),
  contactPhone: ZContactPhone,
  /** The platform node the unit applies to join (its operating node). */
  nodeId: z.uuid(),
  /** The joining agreement (加盟协议) must be accepted. */
  acceptAgreement: z.literal(true),
  agreementVersion: z.string().trim().min(1).max(50),
  /**
   * The business licence (营业执照), uploaded first with POST /api/files (purpose org_licence). Required for
   * the kinds that hold one (LICENCE_REQUIRED_KINDS); optional for universities, institutes and government
   * bodies, whose legal-person certificates differ.
   */
  licenceFileId: z.uuid().optional(),
})
export type TRegisterOrganisationRequest = z.infer<typeof ZRegisterOrganisationRequest>

/** Kinds of unit that hold a business licence (营业执照) and must upload it to register. */
export const LICENCE_REQUIRED_KINDS: readonly (typeof ORG_KINDS)[number][] = [
  'enterprise',
  'service_agency',
  'patent_agency',
]

export const ZOrgIdParams = z.object({ id: z.uuid() })
export const ZNodeIdParams = z.object({ id: z.uuid() })
export const ZJoinRequestParams = z.object({ id: z.uuid(), requestId: z.uuid() })
export const ZMemberParams = z.object({ id: z.uuid(), userId: z.uuid() })

const ZPersonRef = z.object({ id: z.uuid(), displayName: z.string() })

/** Fields only the unit's own people and the node staff over it may read. */
export const ZOrganisationPrivate = z.object({
  /** 'checksum': the credit code is well-formed but its check character is wrong — a warning for the reviewer. */
  creditCodeCheck: z.enum(['valid', 'checksum']),
  contactName: z.string(),
  /** Masked (138****5678) unless the reader is the unit's admin or node staff over it. */
  contactPhone: z.string().nullable(),
  isContactPhoneMasked: z.boolean(),
  registeredBy: ZPersonRef.nullable(),
  reviewedBy: ZPersonRef.nullable(),
  reviewedAt: z.string().nullable(),
  reviewReason: z.string().nullable(),
  /** The joining agreement with its operating node, when recorded. */
  agreement: z.object({ nodeId: z.uuid(), version: z.string(), acceptedAt: z.string() }).nullable(),
  /** The business licence, for the unit's admins and the node staff over it (null for other readers). */
  licence: ZFileRef.nullable(),
})
export type TOrganisationPrivate = z.infer<typeof ZOrganisationPrivate>

/** GET /api/organisations/:id — the public profile, plus `private` for those allowed to read it (else null). */
export const ZOrganisationView = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(ORG_KINDS),
  creditCode: z.string(),
  regionCode: z.string(),
  /** '黑龙江省 牡丹江市 东安区' */
  regionName: z.string(),
  address: z.string(),
  status: z.enum(ORG_STATUSES),
  node: z.object({ id: z.uuid(), name: z.string() }),
  createdAt: z.string(),
  private: ZOrganisationPrivate.nullable(),
})
export type TOrganisationView = z.infer<typeof ZOrganisationView>

const ZPage = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
}

/** GET /api/nodes/:id/organisations — the units of a node (or its whole subtree), for review. */
export const ZListNodeOrganisationsQuery = z.object({
  status: z.enum(ORG_STATUSES).optional(),
  /** 'true': also the units of the nodes below this one. */
  subtree: z.enum(['true', 'false']).default('false'),
  ...ZPage,
})
export type TListNodeOrganisationsQuery = z.infer<typeof ZListNodeOrganisationsQuery>

export const ZListOrganisationsResponse = z.object({
  items: z.array(ZOrganisationView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})
export type TListOrganisationsResponse = z.infer<typeof ZListOrganisationsResponse>

/** POST /api/organisations/:id/review — the node's decision on a pending unit. */
export const ZReviewOrganisationRequest = ZDecision
export type TReviewOrganisationRequest = z.infer<typeof ZReviewOrganisationRequest>

/**
 * POST /api/organisations/:id/join-requests — a signed-in person asks to join an approved unit, with an
 * optional note to its admins. The body may be left out altogether.
 */
export const ZCreateJoinRequestRequest = z.preprocess(
  (body) => body ?? {},
  z.object({ message: z.string().trim().max(500).default('') }),
)
export type TCreateJoinRequestRequest = z.infer<typeof ZCreateJoinRequestRequest>

/** A join request as the unit's admins (and the applicant) see it. */
export const ZJoinRequest = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  applicant: z.object({ id: z.uuid(), displayName: z.string(), phone: z.string().nullable() }),
  message: z.string(),
  status: z.enum(JOIN_REQUEST_STATUSES),
  reason: z.string().nullable(),
  decidedBy: ZPersonRef.nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
})
export type TJoinRequest = z.infer<typeof ZJoinRequest>

/** GET /api/organisations/:id/join-requests */
export const ZListJoinRequestsQuery = z.object({ status: z.enum(JOIN_REQUEST_STATUSES).optional(), ...ZPage })
export type TListJoinRequestsQuery = z.infer<typeof ZListJoinRequestsQuery>

export const ZListJoinRequestsResponse = z.object({
  items: z.array(ZJoinRequest),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})
export type TListJoinRequestsResponse = z.infer<typeof ZListJoinRequestsResponse>

/** POST /api/organisations/:id/join-requests/:requestId/decide */
export const ZDecideJoinRequestRequest = ZDecision
export type TDecideJoinRequestRequest = z.infer<typeof ZDecideJoinRequestRequest>

/** One person of a unit with every role they hold in it. */
export const ZMember = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  /** Always masked (PIPL): 138****5678. */
  phone: z.string().nullable(),
  roles: z.array(z.enum(ORG_ROLES)),
  /** When the person's first role in the unit was granted. */
  since: z.string(),
})
export type TMember = z.infer<typeof ZMember>

/** GET /api/organisations/:id/members */
export const ZListMembersQuery = z.object({ ...ZPage })
export type TListMembersQuery = z.infer<typeof ZListMembersQuery>

export const ZListMembersResponse = z.object({
  items: z.array(ZMember),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})
export type TListMembersResponse = z.infer<typeof ZListMembersResponse>

/** PUT /api/organisations/:id/members/:userId/roles — the person's complete set of roles in the unit. */
export const ZSetMemberRolesRequest = z.object({
  roles: z
    .array(z.enum(ORG_ROLES))
    .min(1)
    .max(ORG_ROLES.length)
    .transform((roles) => [...new Set(roles)].sort()),
})
export type TSetMemberRolesRequest = z.infer<typeof ZSetMemberRolesRequest>

/** GET /api/organisations — approved units by a name fragment or an exact credit code (public fields only). */
export const ZSearchOrganisationsQuery = z.object({
  q: z.string().trim().max(100).default(''),
  ...ZPage,
})
export type TSearchOrganisationsQuery = z.infer<typeof ZSearchOrganisationsQuery>

/** One unit in search results: what anyone may see of an approved unit. */
export const ZOrganisationSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(ORG_KINDS),
  /** The unit's city, e.g. '黑龙江省 牡丹江市'. */
  city: z.string(),
  /** The name of its operating node. */
  nodeName: z.string(),
})
export type TOrganisationSummary = z.infer<typeof ZOrganisationSummary>

export const ZSearchOrganisationsResponse = z.object({
  items: z.array(ZOrganisationSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})
export type TSearchOrganisationsResponse = z.infer<typeof ZSearchOrganisationsResponse>

/** One of my requests to join a unit, with the unit's name. */
export const ZMyJoinRequest = z.object({
  id: z.uuid(),
  org: z.object({ id: z.uuid(), name: z.string() }),
  message: z.string(),
  status: z.enum(JOIN_REQUEST_STATUSES),
  reason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
})
export type TMyJoinRequest = z.infer<typeof ZMyJoinRequest>

/** GET /api/me/join-requests — my requests, newest first. */
export const ZListMyJoinRequestsQuery = z.object({ ...ZPage })
export type TListMyJoinRequestsQuery = z.infer<typeof ZListMyJoinRequestsQuery>

export const ZListMyJoinRequestsResponse = z.object({
  items: z.array(ZMyJoinRequest),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})
export type TListMyJoinRequestsResponse = z.infer<typeof ZListMyJoinRequestsResponse>

/** DELETE /api/join-requests/:id — withdraw one of my pending requests. */
export const ZJoinRequestIdParams = z.object({ id: z.uuid() })
