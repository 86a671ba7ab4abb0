import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { TAnswerHelpRequestRequest } from '../../shared/contracts/help-requests.ts'
import {
  answerHelpRequest,
  createHelpRequest,
  listMyHelpRequests,
  listNodeHelpRequests,
  type THelpRequestInput,
  type TNodeHelpRequestsParams,
} from '../api/help-requests.ts'
import { useLang } from '../i18n/use-t.ts'
import { USER_QUERY_ROOT } from './session.ts'

const HELP_ROOT = [...USER_QUERY_ROOT, 'help-requests'] as const

/** @returns the TanStack query of GET /api/help-requests/mine */
export function useMyHelpRequests(page: number, pageSize: number) {
  const { lang } = useLang()
  return useQuery({
    queryKey: [...HELP_ROOT, 'mine', lang, page, pageSize],
    queryFn: ({ signal }) => listMyHelpRequests({ page, pageSize }, { lang, signal }),
    placeholderData: keepPreviousData,
  })
}

/** @returns the TanStack query of GET /api/nodes/:id/help-requests (node staff) */
export function useNodeHelpRequests(params: TNodeHelpRequestsParams) {
  const { lang } = useLang()
  return useQuery({
    queryKey: [...HELP_ROOT, 'node', lang, params],
    queryFn: ({ signal }) => listNodeHelpRequests(params, { lang, signal }),
    placeholderData: keepPreviousData,
    enabled: params.nodeId !== '',
  })
}

/** @returns the mutation of POST /api/help-requests; "my requests" refetch after it */
export function useCreateHelpRequest() {
  const { lang } = useLang()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: THelpRequestInput) => createHelpRequest(input, { lang }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: HELP_ROOT }),
  })
}

/** @returns the mutation of POST /api/help-requests/:id/answer; the queues refetch after it */
export function useAnswerHelpRequest() {
  const { lang } = useLang()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, ...input }: TAnswerHelpRequestRequest & { id: string }) =>
      answerHelpRequest(id, input, { lang }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: HELP_ROOT }),
  })
}
