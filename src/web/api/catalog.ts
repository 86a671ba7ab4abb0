import type { z } from 'zod'
import type { TListResourcesResponse } from '../../shared/contracts/catalog.ts'
import type {
  TCreateResourceBody,
  TManagedResource,
  TResourceStatus,
  TUpdateResourceBody,
  ZAttachment,
  ZManagedListResponse,
  ZManagedResourceSummary,
  ZResourceVersion,
  ZReviewBody,
} from '../../shared/contracts/catalog-write.ts'
import type { TStoredFile } from '../../shared/contracts/files.ts'
import type { TResourceKind } from '../../shared/resource-kinds.ts'
import { ApiError, apiGet, apiSend, type TRequestOptions } from '../api-client.ts'

export type TManagedListResponse = z.infer<typeof ZManagedListResponse>
export type TManagedResourceSummary = z.infer<typeof ZManagedResourceSummary>
export type TResourceVersion = z.infer<typeof ZResourceVersion>
export type TAttachment = z.infer<typeof ZAttachment>
export type TReviewBody = z.input<typeof ZReviewBody>
/** The buttons GET /api/catalog/resources/:id allows. */
export type TResourceAction = TManagedResource['actions'][number]
/** Lifecycle steps that are one POST without a body (or with a reason, for offline). */
export type TLifecycleAction = 'submit' | 'withdraw' | 'publish' | 'offline' | 'online' | 'delete'

const BASE = '/api/catalog/resources'

function resourcePath(id: string, suffix = ''): string {
  return `${BASE}/${encodeURIComponent(id)}${suffix}`
}

export type TManagedListParams = {
  orgId: string
  kind?: TResourceKind
  status?: TResourceStatus
  q?: string
  page: number
  pageSize: number
}

/** @returns GET /api/catalog/resources: the organisation's resources in every status (its providers) */
export function listManagedResources(
  params: TManagedListParams,
  options: TRequestOptions,
): Promise<TManagedListResponse> {
  const query = new URLSearchParams({
    orgId: params.orgId,
    page: String(params.page),
    pageSize: String(params.pageSize),
  })
  if (params.kind) query.set('kind', params.kind)
  if (params.status) query.set('status', params.status)
  if (params.q) query.set('q', params.q)
  return apiGet(`${BASE}?${query.toString()}`, options)
}

/**
 * One resource as its providers and reviewers see it: content, status, reasons and allowed actions.
 * @returns GET /api/catalog/resources/:id
 * @throws ApiError NOT_FOUND | FORBIDDEN
 */
export function getManagedResource(id: string, options: TRequestOptions): Promise<TManagedResource> {
  return apiGet(resourcePath(id), options)
}

/** @returns GET /api/catalog/resources/:id/versions: every change, newest first */
export function listResourceVersions(id: string, options: TRequestOptions): Promise<{ items: TResourceVersion[] }> {
  return apiGet(resourcePath(id, '/versions'), options)
}

/**
 * A new draft of an organisation.
 * @returns POST /api/catalog/resources (201)
 * @throws ApiError VALIDATION with `details.issues` (paths like body.attributes.model)
 */
export function createResource(body: TCreateResourceBody, options: TRequestOptions): Promise<TManagedResource> {
  return apiSend('POST', BASE, body, options)
}

/**
 * Replaces the draft's content (or the open revision's).
 * @returns PUT /api/catalog/resources/:id
 * @throws ApiError VALIDATION | CONFLICT (someone saved a newer version meanwhile)
 */
export function updateResource(
  id: string,
  body: TUpdateResourceBody,
  options: TRequestOptions,
): Promise<TManagedResource> {
  return apiSend('PUT', resourcePath(id), body, options)
}

/**
 * One lifecycle step: submit, withdraw, publish, offline (with a reason), online, or delete a draft.
 * @returns the resource after the step (nothing after delete)
 * @throws ApiError CONFLICT when the step does not fit the current status
 */
export function runLifecycleAction(
  id: string,
  action: TLifecycleAction,
  reason: string | undefined,
  options: TRequestOptions,
): Promise<TManagedResource | undefined> {
  if (action === 'delete') return apiSend('DELETE', resourcePath(id), undefined, options)
  const body = action === 'offline' ? { reason: reason ?? '' } : undefined
  return apiSend('POST', resourcePath(id, `/${action}`), body, options)
}

/** @returns POST /api/catalog/resources/:id/review: approve (publish now or not) or return with a reason */
export function reviewResource(id: string, body: TReviewBody, options: TRequestOptions): Promise<TManagedResource> {
  return apiSend('POST', resourcePath(id, '/review'), body, options)
}

export type TReviewQueueParams = { nodeId: string; kind?: TResourceKind; page: number; pageSize: number }

/** @returns GET /api/catalog/reviews: submissions (new and revisions) waiting in the node's subtree */
export function listReviewQueue(params: TReviewQueueParams, options: TRequestOptions): Promise<TManagedListResponse> {
  const query = new URLSearchParams({
    nodeId: params.nodeId,
    page: String(params.page),
    pageSize: String(params.pageSize),
  })
  if (params.kind) query.set('kind', params.kind)
  return apiGet(`/api/catalog/reviews?${query.toString()}`, options)
}

/** @returns GET /api/resources?orgId=: an organisation's published resources (public) */
export function listOrgPublishedResources(
  params: { orgId: string; kind?: TResourceKind; page: number; pageSize: number },
  options: TRequestOptions,
): Promise<TListResourcesResponse> {
  const query = new URLSearchParams({
    orgId: params.orgId,
    page: String(params.page),
    pageSize: String(params.pageSize),
  })
  if (params.kind) query.set('kind', params.kind)
  return apiGet(`/api/resources?${query.toString()}`, options)
}

async function uploadError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; details?: unknown } }
    if (body.error?.code)
      return new ApiError(response.status, body.error.code, body.error.message ?? '', body.error.details)
  } catch {
    // Not JSON (a proxy's 413 page): the status says enough.
  }
  return new ApiError(response.status, `HTTP_${response.status}`, response.statusText)
}

/**
 * Uploads an image or a document for a resource (multipart: `purpose` first, then `file`, so the server
 * knows the purpose before the file streams in).
 * @returns POST /api/files (201): the stored file with its download URL
 * @throws ApiError VALIDATION | PAYLOAD_TOO_LARGE | UNSUPPORTED_MEDIA_TYPE, or NETWORK
 */
export async function uploadFile(
  file: File,
  purpose: 'resource_image' | 'resource_document',
  { lang, signal }: TRequestOptions,
): Promise<TStoredFile> {
  const form = new FormData()
  form.append('purpose', purpose)
  form.append('file', file, file.name)
  let response: Response
  try {
    response = await fetch('/api/files', {
      method: 'POST',
      headers: { Accept: 'application/json', 'Accept-Language': lang },
      body: form,
      signal,
    })
  } catch (cause) {
    if (signal?.aborted) throw cause
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : String(cause))
  }
  if (!response.ok) throw await uploadError(response)
  return (await response.json()) as TStoredFile
}
