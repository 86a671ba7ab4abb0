import type {
  TAnswerHelpRequestRequest,
  TCreateHelpRequestRequest,
  THelpRequest,
  THelpRequestStatus,
  TListHelpRequestsResponse,
} from '../../shared/contracts/help-requests.ts'
import { apiGet, apiSend, type TRequestOptions } from '../api-client.ts'

/** What POST /api/help-requests takes before the server fills its defaults. */
export type THelpRequestInput = Partial<Pick<TCreateHelpRequestRequest, 'details' | 'contactPreference'>> &
  Omit<TCreateHelpRequestRequest, 'details' | 'contactPreference'>

/** 帮我找: ask the operators of the node. @returns POST /api/help-requests (201) */
export function createHelpRequest(input: THelpRequestInput, options: TRequestOptions): Promise<THelpRequest> {
  return apiSend('POST', '/api/help-requests', input, options)
}

/** @returns GET /api/help-requests/mine: the signed-in person's requests, newest first */
export function listMyHelpRequests(
  params: { page: number; pageSize: number },
  options: TRequestOptions,
): Promise<TListHelpRequestsResponse> {
  const query = new URLSearchParams({ page: String(params.page), pageSize: String(params.pageSize) })
  return apiGet(`/api/help-requests/mine?${query.toString()}`, options)
}

export type TNodeHelpRequestsParams = {
  nodeId: string
  status?: THelpRequestStatus
  isSubtree: boolean
  page: number
  pageSize: number
}

/** @returns GET /api/nodes/:id/help-requests: a node's queue (node staff over it) */
export function listNodeHelpRequests(
  params: TNodeHelpRequestsParams,
  options: TRequestOptions,
): Promise<TListHelpRequestsResponse> {
  const query = new URLSearchParams({
    subtree: String(params.isSubtree),
    page: String(params.page),
    pageSize: String(params.pageSize),
  })
  if (params.status) query.set('status', params.status)
  return apiGet(`/api/nodes/${encodeURIComponent(params.nodeId)}/help-requests?${query.toString()}`, options)
}

/** @returns POST /api/help-requests/:id/answer: the request with its answer (node staff over its node) */
export function answerHelpRequest(
  id: string,
  input: TAnswerHelpRequestRequest,
  options: TRequestOptions,
): Promise<THelpRequest> {
  return apiSend('POST', `/api/help-requests/${encodeURIComponent(id)}/answer`, input, options)
}
