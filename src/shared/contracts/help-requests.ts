import { z } from 'zod'
import { ZContactPhone } from './organisations.ts'

/**
 * 帮我找 (SPEC §3 "ask for help"): a signed-in person who could not find what they need asks the operators
 * of their node, who answer in the platform. Lifecycle: open → answered → closed (or open → closed).
 */
export const HELP_REQUEST_STATUSES = ['open', 'answered', 'closed'] as const
export type THelpRequestStatus = (typeof HELP_REQUEST_STATUSES)[number]

/** How the person wants to be reached: a phone call, an SMS, or only the platform's messages. */
export const HELP_CONTACT_PREFERENCES = ['phone', 'sms', 'inbox'] as const
export type THelpContactPreference = (typeof HELP_CONTACT_PREFERENCES)[number]

/** A calendar date, YYYY-MM-DD. */
const ZDate = z.iso.date()

/** POST /api/help-requests */
export const ZCreateHelpRequestRequest = z.object({
  /** What the person needs, usually the search they typed. */
  query: z.string().trim().min(2).max(100),
  details: z.string().trim().max(2000).default(''),
  /** Default: the phone number of the person's account. */
  contactPhone: ZContactPhone.optional(),
  contactPreference: z.enum(HELP_CONTACT_PREFERENCES).default('phone'),
  /** The last day an answer is useful; today or later. */
  deadline: ZDate.optional(),
  /**
   * The node to ask when the person has no current organisation (default: the national root). A person
   * acting for an organisation always asks the organisation's node, and this is ignored.
   */
  nodeId: z.uuid().optional(),
})
export type TCreateHelpRequestRequest = z.infer<typeof ZCreateHelpRequestRequest>

const ZRef = z.object({ id: z.uuid(), name: z.string() })
const ZPersonRef = z.object({ id: z.uuid(), displayName: z.string() })

/** A help request as its requester and the node's operators see it. */
export const ZHelpRequest = z.object({
  id: z.uuid(),
  query: z.string(),
  details: z.string(),
  contactPhone: z.string(),
  contactPreference: z.enum(HELP_CONTACT_PREFERENCES),
  deadline: ZDate.nullable(),
  status: z.enum(HELP_REQUEST_STATUSES),
  requester: ZPersonRef,
  /** The organisation the person acted for, if any. */
  requesterOrg: ZRef.nullable(),
  node: ZRef,
  answer: z.string().nullable(),
  answeredBy: ZPersonRef.nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
})
export type THelpRequest = z.infer<typeof ZHelpRequest>

const ZPage = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
}

/** GET /api/help-requests/mine — newest first. */
export const ZListMyHelpRequestsQuery = z.object(ZPage)
export type TListMyHelpRequestsQuery = z.infer<typeof ZListMyHelpRequestsQuery>

/** GET /api/nodes/:id/help-requests — oldest first (a queue), optionally with the nodes below. */
export const ZListNodeHelpRequestsQuery = z.object({
  status: z.enum(HELP_REQUEST_STATUSES).optional(),
  /** 'true' (default): also the requests of the nodes below this one. */
  subtree: z.enum(['true', 'false']).default('true'),
  ...ZPage,
})
export type TListNodeHelpRequestsQuery = z.infer<typeof ZListNodeHelpRequestsQuery>

export const ZListHelpRequestsResponse = z.object({
  items: z.array(ZHelpRequest),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})
export type TListHelpRequestsResponse = z.infer<typeof ZListHelpRequestsResponse>

/** POST /api/help-requests/:id/answer — the operator's answer; `closed` ends the request. */
export const ZAnswerHelpRequestRequest = z.object({
  answer: z.string().trim().min(2).max(2000),
  status: z.enum(['answered', 'closed']).default('answered'),
})
export type TAnswerHelpRequestRequest = z.infer<typeof ZAnswerHelpRequestRequest>

export const ZHelpRequestParams = z.object({ id: z.uuid() })
