import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { TCreateResourceBody, TUpdateResourceBody } from '../../shared/contracts/catalog-write.ts'
import type { TResourceKind } from '../../shared/resource-kinds.ts'
import {
  createResource,
  getManagedResource,
  listManagedResources,
  listOrgPublishedResources,
  listResourceVersions,
  listReviewQueue,
  reviewResource,
  runLifecycleAction,
  updateResource,
  type TLifecycleAction,
  type TManagedListParams,
  type TReviewBody,
  type TReviewQueueParams,
} from '../api/catalog.ts'
import { useLang } from '../i18n/use-t.ts'
import { USER_QUERY_ROOT } from './session.ts'

/** Everything the provider console and the review queue load: per person, dropped at sign-out. */
const CATALOG_ROOT = [...USER_QUERY_ROOT, 'catalog'] as const
/** The public catalogue's keys (src/web/queries.ts): refetched when a step changes what the public sees. */
const PUBLIC_ROOT = ['resources'] as const

function useInvalidateCatalog() {
  const queryClient = useQueryClient()
  return () => {
    void queryClient.invalidateQueries({ queryKey: CATALOG_ROOT })
    void queryClient.invalidateQueries({ queryKey: PUBLIC_ROOT })
  }
}

/** @returns the TanStack query of GET /api/catalog/resources (one page of an organisation's resources) */
export function useManagedResources(params: TManagedListParams, isEnabled = true) {
  const { lang } = useLang()
  return useQuery({
    queryKey: [...CATALOG_ROOT, 'list', lang, params],
    queryFn: ({ signal }) => listManagedResources(params, { lang, signal }),
    placeholderData: keepPreviousData,
    enabled: isEnabled && params.orgId !== '',
  })
}

/** @returns the TanStack query of GET /api/catalog/resources/:id; no request while `id` is empty */
export function useManagedResource(id: string) {
  const { lang } = useLang()
  return useQuery({
    queryKey: [...CATALOG_ROOT, 'detail', lang, id],
    queryFn: ({ signal }) => getManagedResource(id, { lang, signal }),
    enabled: id !== '',
  })
}

/** @returns the TanStack query of GET /api/catalog/resources/:id/versions */
export function useResourceVersions(id: string) {
  const { lang } = useLang()
  return useQuery({
    queryKey: [...CATALOG_ROOT, 'versions', lang, id],
    queryFn: ({ signal }) => listResourceVersions(id, { lang, signal }),
    enabled: id !== '',
  })
}

/** @returns the TanStack query of GET /api/catalog/reviews (a node's waiting submissions) */
export function useReviewQueue(params: TReviewQueueParams) {
  const { lang } = useLang()
  return useQuery({
    queryKey: [...CATALOG_ROOT, 'reviews', lang, params],
    queryFn: ({ signal }) => listReviewQueue(params, { lang, signal }),
    placeholderData: keepPreviousData,
    enabled: params.nodeId !== '',
  })
}

/** @returns the TanStack query of GET /api/resources?orgId= (an organisation's published resources) */
export function useOrgPublishedResources(params: {
  orgId: string
  kind?: TResourceKind
  page: number
  pageSize: number
}) {
  const { lang } = useLang()
  return useQuery({
    queryKey: [...PUBLIC_ROOT, 'by-org', lang, params],
    queryFn: ({ signal }) => listOrgPublishedResources(params, { lang, signal }),
    placeholderData: keepPreviousData,
  })
}

/** What the editor saves: a new draft (create) or the content of an existing one (update). */
export type TSaveResourceInput =
  { mode: 'create'; body: TCreateResourceBody } | { mode: 'update'; id: string; body: TUpdateResourceBody }

/** @returns the mutation of POST /api/catalog/resources or PUT …/:id; lists and details are refetched */
export function useSaveResource() {
  const { lang } = useLang()
  const invalidate = useInvalidateCatalog()
  return useMutation({
    mutationFn: (input: TSaveResourceInput) =>
      input.mode === 'create' ? createResource(input.body, { lang }) : updateResource(input.id, input.body, { lang }),
    onSuccess: invalidate,
  })
}

/** @returns the mutation of one lifecycle step (submit, withdraw, publish, offline, online, delete) */
export function useLifecycleAction() {
  const { lang } = useLang()
  const invalidate = useInvalidateCatalog()
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: TLifecycleAction; reason?: string }) =>
      runLifecycleAction(id, action, reason, { lang }),
    onSuccess: invalidate,
  })
}

/** @returns the mutation of POST /api/catalog/resources/:id/review */
export function useReviewResource() {
  const { lang } = useLang()
  const invalidate = useInvalidateCatalog()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TReviewBody }) => reviewResource(id, body, { lang }),
    onSuccess: invalidate,
  })
}
