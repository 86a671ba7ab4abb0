import type { TListNodeStaffResponse, TListNodesResponse } from '../../shared/contracts/network.ts'
import type {
  JOIN_REQUEST_STATUSES,
  ORG_STATUSES,
  TDecideJoinRequestRequest,
  TJoinRequest,
  TListJoinRequestsResponse,
  TListMembersResponse,
  TListMyJoinRequestsResponse,
  TListOrganisationsResponse,
  TMember,
  TOrganisationView,
  TRegisterOrganisationRequest,
  TReviewOrganisationRequest,
  TSearchOrganisationsResponse,
} from '../../shared/contracts/organisations.ts'
import { apiGet, apiSend, type TRequestOptions } from '../api-client.ts'

export type TOrgStatus = (typeof ORG_STATUSES)[number]
export type TJoinRequestStatus = (typeof JOIN_REQUEST_STATUSES)[number]
/** One node of GET /api/nodes. */
export type TNodeSummary = TListNodesResponse['items'][number]

/** @returns GET /api/nodes: every platform node, parents first */
export function listNodes(options: TRequestOptions): Promise<TListNodesResponse> {
  return apiGet('/api/nodes', options)
}

/** 单位注册: the signed-in person becomes the unit's first admin. @returns POST /api/organisations (201) */
export function registerOrganisation(
  input: TRegisterOrganisationRequest,
  options: TRequestOptions,
): Promise<TOrganisationView> {
  return apiSend('POST', '/api/organisations', input, options)
}

/**
 * A unit's profile; `private` is filled for its own people and the node staff over it.
 * @returns GET /api/organisations/:id
 * @throws ApiError NOT_FOUND also for a unit that is not public
 */
export function getOrganisation(id: string, options: TRequestOptions): Promise<TOrganisationView> {
  return apiGet(`/api/organisations/${encodeURIComponent(id)}`, options)
}

export type TNodeOrganisationsParams = {
  nodeId: string
  status?: TOrgStatus
  isSubtree: boolean
  page: number
  pageSize: number
}

/** @returns GET /api/nodes/:id/organisations: a node's units, e.g. its review queue (node staff) */
export function listNodeOrganisations(
  params: TNodeOrganisationsParams,
  options: TRequestOptions,
): Promise<TListOrganisationsResponse> {
  const query = new URLSearchParams({
    subtree: String(params.isSubtree),
    page: String(params.page),
    pageSize: String(params.pageSize),
  })
  if (params.status) query.set('status', params.status)
  return apiGet(`/api/nodes/${encodeURIComponent(params.nodeId)}/organisations?${query.toString()}`, options)
}

/** @returns POST /api/organisations/:id/review: the node's decision on a pending unit */
export function reviewOrganisation(
  id: string,
  input: TReviewOrganisationRequest,
  options: TRequestOptions,
): Promise<TOrganisationView> {
  return apiSend('POST', `/api/organisations/${encodeURIComponent(id)}/review`, input, options)
}

/** @returns POST /api/organisations/:id/join-requests (201): ask to join an approved unit */
export function createJoinRequest(id: string, message: string, options: TRequestOptions): Promise<TJoinRequest> {
  return apiSend('POST', `/api/organisations/${encodeURIComponent(id)}/join-requests`, { message }, options)
}

/** @returns GET /api/organisations/:id/join-requests (the unit's admins) */
export function listJoinRequests(
  id: string,
  params: { status?: TJoinRequestStatus; page: number; pageSize: number },
  options: TRequestOptions,
): Promise<TListJoinRequestsResponse> {
  const query = new URLSearchParams({ page: String(params.page), pageSize: String(params.pageSize) })
  if (params.status) query.set('status', params.status)
  return apiGet(`/api/organisations/${encodeURIComponent(id)}/join-requests?${query.toString()}`, options)
}

/** @returns POST /api/organisations/:id/join-requests/:requestId/decide */
export function decideJoinRequest(
  id: string,
  requestId: string,
  input: TDecideJoinRequestRequest,
  options: TRequestOptions,
): Promise<TJoinRequest> {
  const path = `/api/organisations/${encodeURIComponent(id)}/join-requests/${encodeURIComponent(requestId)}/decide`
  return apiSend('POST', path, input, options)
}

/** @returns GET /api/organisations/:id/members (its people and the node staff over it) */
export function listMembers(
  id: string,
  params: { page: number; pageSize: number },
  options: TRequestOptions,
): Promise<TListMembersResponse> {
  const query = new URLSearchParams({ page: String(params.page), pageSize: String(params.pageSize) })
  return apiGet(`/api/organisations/${encodeURIComponent(id)}/members?${query.toString()}`, options)
}

/** Removes a person from the unit (its admins; never the last admin). DELETE /api/organisations/:id/members/:userId */
export function removeMember(id: string, userId: string, options: TRequestOptions): Promise<void> {
  return apiSend(
    'DELETE',
    `/api/organisations/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`,
    undefined,
    options,
  )
}

/** The organisation roles a person can be given (ORG_ROLES). */
export type TOrgRole = TMember['roles'][number]

/** Sets a person's roles in the unit (its admins). @returns PUT /api/organisations/:id/members/:userId/roles */
export function setMemberRoles(
  id: string,
  userId: string,
  roles: readonly TOrgRole[],
  options: TRequestOptions,
): Promise<TMember> {
  const path = `/api/organisations/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}/roles`
  return apiSend('PUT', path, { roles }, options)
}

/** @returns GET /api/organisations: approved units by name fragment or exact credit code (public fields) */
export function searchOrganisations(
  params: { q: string; page: number; pageSize: number },
  options: TRequestOptions,
): Promise<TSearchOrganisationsResponse> {
  const query = new URLSearchParams({ q: params.q, page: String(params.page), pageSize: String(params.pageSize) })
  return apiGet(`/api/organisations?${query.toString()}`, options)
}

/** @returns GET /api/me/join-requests: my requests to join units, newest first */
export function listMyJoinRequests(
  params: { page: number; pageSize: number },
  options: TRequestOptions,
): Promise<TListMyJoinRequestsResponse> {
  const query = new URLSearchParams({ page: String(params.page), pageSize: String(params.pageSize) })
  return apiGet(`/api/me/join-requests?${query.toString()}`, options)
}

/** Withdraws one of my pending requests. DELETE /api/join-requests/:id (204) */
export function cancelJoinRequest(id: string, options: TRequestOptions): Promise<void> {
  return apiSend('DELETE', `/api/join-requests/${encodeURIComponent(id)}`, undefined, options)
}

/** @returns GET /api/nodes/:id/staff: people with roles on the node, phones masked (node staff) */
export function listNodeStaff(nodeId: string, options: TRequestOptions): Promise<TListNodeStaffResponse> {
  return apiGet(`/api/nodes/${encodeURIComponent(nodeId)}/staff`, options)
}
