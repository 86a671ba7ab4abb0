import type { TListResourcesResponse, TResourceDetail } from '../shared/contracts/catalog.ts'
import type { TListDemandsResponse } from '../shared/contracts/demand.ts'
import type { TStatsByCityResponse, TStatsOverviewResponse } from '../shared/contracts/stats.ts'
import type { TResourceKind } from '../shared/resource-kinds.ts'
import type { TLang } from './i18n/lang.ts'

/** The one error type the web client throws for failed API calls. */
export class ApiError extends Error {
  /** HTTP status, or 0 when the server could not be reached. */
  readonly status: number
  /** Server error code (`NOT_FOUND`, `VALIDATION`, …), `NETWORK` or `HTTP_<status>` when the body had none. */
  readonly code: string
  readonly details: unknown

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
  }
}

/** Options every call takes: the language for `Accept-Language`, and an abort signal from TanStack Query. */
export type TRequestOptions = { lang: TLang; signal?: AbortSignal }

/** One item of GET /api/demands. */
export type TDemandSummary = TListDemandsResponse['items'][number]

export type TListResourcesParams = {
  kinds?: readonly TResourceKind[]
  region?: string
  page: number
  pageSize: number
}

type TErrorBody = { error?: { code?: unknown; message?: unknown; details?: unknown } }

async function readError(response: Response): Promise<ApiError> {
  let body: TErrorBody | null = null
  try {
    body = (await response.json()) as TErrorBody
  } catch {
    // Not JSON (a proxy error page, an empty 502): keep the HTTP status only.
  }
  const error = body?.error
  const code = typeof error?.code === 'string' ? error.code : `HTTP_${response.status}`
  const message = typeof error?.message === 'string' ? error.message : response.statusText
  return new ApiError(response.status, code, message, error?.details)
}

/**
 * GETs a JSON endpoint of the Kexiang API.
 * @param path path and query, starting with `/api/`
 * @param options language (sent as Accept-Language) and abort signal
 * @returns the parsed body, typed by the caller from the shared contracts
 * @throws ApiError with the server's `{ error: { code, message, details } }`, or code NETWORK
 */
export async function apiGet<T>(path: string, { lang, signal }: TRequestOptions): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, { headers: { Accept: 'application/json', 'Accept-Language': lang }, signal })
  } catch (cause) {
    if (signal?.aborted) throw cause
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : String(cause))
  }
  if (!response.ok) throw await readError(response)
  return (await response.json()) as T
}

/** Methods that change something; GET goes through {@link apiGet}. */
export type TWriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * Sends a JSON request that changes something. The session cookie (httpOnly) goes along because the
 * API is same-origin. Without a body no Content-Type is sent: the server refuses an empty JSON body.
 * @param method POST, PUT, PATCH or DELETE
 * @param path path and query, starting with `/api/`
 * @param body the JSON body, or undefined for none
 * @param options language (sent as Accept-Language)
 * @returns the parsed body, or undefined for 204 No Content
 * @throws ApiError with the server's `{ error: { code, message, details } }`, or code NETWORK
 */
export async function apiSend<T>(
  method: TWriteMethod,
  path: string,
  body: unknown,
  { lang, signal }: TRequestOptions,
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': lang }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    })
  } catch (cause) {
    if (signal?.aborted) throw cause
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : String(cause))
  }
  if (!response.ok) throw await readError(response)
  if (response.status === 204) return undefined as T
  return (await response.json()) as T
}

/**
 * Fetches the headline figures for the home and statistics pages.
 * @returns GET /api/stats/overview
 */
export function getStatsOverview(options: TRequestOptions): Promise<TStatsOverviewResponse> {
  return apiGet('/api/stats/overview', options)
}

/**
 * Fetches published resources and organisations per city.
 * @returns GET /api/stats/by-city
 */
export function getStatsByCity(options: TRequestOptions): Promise<TStatsByCityResponse> {
  return apiGet('/api/stats/by-city', options)
}

/**
 * Lists published resources, optionally of some kinds and inside one region.
 * @param params kinds (repeated `kind=`), GB/T 2260 region code, page and page size
 * @returns GET /api/resources
 */
export function listResources(params: TListResourcesParams, options: TRequestOptions): Promise<TListResourcesResponse> {
  const query = new URLSearchParams()
  for (const kind of params.kinds ?? []) query.append('kind', kind)
  if (params.region) query.set('region', params.region)
  query.set('page', String(params.page))
  query.set('pageSize', String(params.pageSize))
  return apiGet(`/api/resources?${query.toString()}`, options)
}

/**
 * Fetches one published resource with its kind-specific attributes.
 * @throws ApiError NOT_FOUND when it does not exist or is not published
 * @returns GET /api/resources/:id
 */
export function getResource(id: string, options: TRequestOptions): Promise<TResourceDetail> {
  return apiGet(`/api/resources/${encodeURIComponent(id)}`, options)
}

/**
 * Lists published technology demands, newest first.
 * @returns GET /api/demands
 */
export function listDemands(page: number, pageSize: number, options: TRequestOptions): Promise<TListDemandsResponse> {
  return apiGet(`/api/demands?page=${page}&pageSize=${pageSize}`, options)
}
