import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { TDecideJoinRequestRequest, TReviewOrganisationRequest } from '../../shared/contracts/organisations.ts'
import {
  cancelJoinRequest,
  createJoinRequest,
  decideJoinRequest,
  getOrganisation,
  listJoinRequests,
  listMembers,
  listMyJoinRequests,
  listNodeOrganisations,
  listNodes,
  listNodeStaff,
  removeMember,
  reviewOrganisation,
  searchOrganisations,
  setMemberRoles,
  type TJoinRequestStatus,
  type TNodeOrganisationsParams,
  type TOrgRole,
} from '../api/organisations.ts'
import { useLang } from '../i18n/use-t.ts'
import { ME_QUERY_KEY, USER_QUERY_ROOT } from './session.ts'

const ORGS_ROOT = [...USER_QUERY_ROOT, 'orgs'] as const
const MY_JOIN_REQUESTS_ROOT = [...ORGS_ROOT, 'my-join-requests'] as const

/**
 * Every platform node (public), parents first.
 * @returns the TanStack query of GET /api/nodes
 */
export function useNodeList() {
  const { lang } = useLang()
  return useQuery({
    queryKey: ['nodes', lang],
    queryFn: ({ signal }) => listNodes({ lang, signal }),
    staleTime: 5 * 60_000,
  })
}

/**
 * A unit's profile as the signed-in person may see it (so it is per person).
 * @param id the organisation id; no request while empty
 * @returns the TanStack query of GET /api/organisations/:id
 */
export function useOrganisation(id: string) {
  const { lang } = useLang()
  return useQuery({
    queryKey: [...ORGS_ROOT, 'detail', lang, id],
    queryFn: ({ signal }) => getOrganisation(id, { lang, signal }),
    enabled: id !== '',
  })
}

/** @returns the TanStack query of GET /api/nodes/:id/organisations (node staff) */
export function useNodeOrganisations(params: TNodeOrganisationsParams) {
  const { lang } = useLang()
  return useQuery({
    queryKey: [...ORGS_ROOT, 'by-node', lang, params],
    queryFn: ({ signal }) => listNodeOrganisations(params, { lang, signal }),
    placeholderData: keepPreviousData,
  })
}

/** @returns the mutation of POST /api/organisations/:id/review; every unit list is refetched after it */
export function useReviewOrganisation() {
  const { lang } = useLang()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: TReviewOrganisationRequest }) =>
      reviewOrganisation(id, decision, { lang }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ORGS_ROOT }),
  })
}

/** @returns the mutation of POST /api/organisations/:id/join-requests; my requests are refetched */
export function useCreateJoinRequest() {
  const { lang } = useLang()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ orgId, message }: { orgId: string; message: string }) => createJoinRequest(orgId, message, { lang }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MY_JOIN_REQUESTS_ROOT }),
  })
}

/** @returns the TanStack query of GET /api/organisations/:id/join-requests (the unit's admins) */
export function useJoinRequests(
  orgId: string,
  params: { status?: TJoinRequestStatus; page: number; pageSize: number },
) {
  const { lang } = useLang()
  return useQuery({
    queryKey: [...ORGS_ROOT, 'join-requests', lang, orgId, params],
    queryFn: ({ signal }) => listJoinRequests(orgId, params, { lang, signal }),
    placeholderData: keepPreviousData,
  })
}

/** @returns the mutation of POST …/join-requests/:requestId/decide; requests and members are refetched */
export function useDecideJoinRequest(orgId: string) {
  const { lang } = useLang()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ requestId, decision }: { requestId: string; decision: TDecideJoinRequestRequest }) =>
      decideJoinRequest(orgId, requestId, decision, { lang }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ORGS_ROOT }),
  })
}

/** @returns the TanStack query of GET /api/organisations/:id/members */
export function useMembers(orgId: string, params: { page: number; pageSize: number }, isEnabled: boolean) {
  const { lang } = useLang()
  return useQuery({
    queryKey: [...ORGS_ROOT, 'members', lang, orgId, params],
    queryFn: ({ signal }) => listMembers(orgId, params, { lang, signal }),
    placeholderData: keepPreviousData,
    enabled: isEnabled,
  })
}

/** @returns the mutation of DELETE /api/organisations/:id/members/:userId; members and me are refetched */
export function useRemoveMember(orgId: string) {
  const { lang } = useLang()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (userId: string) => removeMember(orgId, userId, { lang }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ORGS_ROOT })
      void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY })
    },
  })
}

/** @returns the mutation of PUT …/members/:userId/roles; members and me (my own roles) are refetched */
export function useSetMemberRoles(orgId: string) {
  const { lang } = useLang()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ userId, roles }: { userId: string; roles: readonly TOrgRole[] }) =>
      setMemberRoles(orgId, userId, roles, { lang }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ORGS_ROOT })
      void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY })
    },
  })
}

/**
 * Approved units matching what was typed (public, so not per person); nothing is asked while `q` is empty.
 * @returns the TanStack query of GET /api/organisations?q=
 */
export function useOrganisationSearch(q: string) {
  const { lang } = useLang()
  return useQuery({
    queryKey: ['orgs-search', lang, q],
    queryFn: ({ signal }) => searchOrganisations({ q, page: 1, pageSize: 20 }, { lang, signal }),
    enabled: q !== '',
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  })
}

/** @returns the TanStack query of GET /api/me/join-requests */
export function useMyJoinRequests(params: { page: number; pageSize: number }) {
  const { lang } = useLang()
  return useQuery({
    queryKey: [...MY_JOIN_REQUESTS_ROOT, lang, params],
    queryFn: ({ signal }) => listMyJoinRequests(params, { lang, signal }),
    placeholderData: keepPreviousData,
  })
}

/** @returns the mutation of DELETE /api/join-requests/:id; my requests are refetched */
export function useCancelJoinRequest() {
  const { lang } = useLang()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (requestId: string) => cancelJoinRequest(requestId, { lang }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MY_JOIN_REQUESTS_ROOT }),
  })
}

/** @returns the TanStack query of GET /api/nodes/:id/staff (node staff) */
export function useNodeStaff(nodeId: string) {
  const { lang } = useLang()
  return useQuery({
    queryKey: [...USER_QUERY_ROOT, 'node-staff', lang, nodeId],
    queryFn: ({ signal }) => listNodeStaff(nodeId, { lang, signal }),
  })
}
