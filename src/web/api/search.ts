import type { TSearchResponse, TSuggestResponse } from '../../shared/contracts/search.ts'
import type { TResourceKind } from '../../shared/resource-kinds.ts'
import { apiGet, type TRequestOptions } from '../api-client.ts'

/** Sort orders of the search page; `nearest` needs the viewer's position. */
export type TSearchSort = 'relevance' | 'newest' | 'popular' | 'nearest'

/** What GET /api/search is asked: the page's URL state, plus the viewer's position for `nearest`. */
export type TSearchParams = {
  q: string
  kind?: TResourceKind
  region?: string
  category?: string
  discipline?: string
  industry?: string
  orgId?: string
  sharing?: 'free' | 'paid'
  priceMin?: number
  priceMax?: number
  sort: TSearchSort
  lat?: number
  lng?: number
  page: number
  pageSize: number
}

/**
 * Builds the query string of GET /api/search, leaving out what is not set.
 * @param params the search
 * @returns `q=…&kind=…` without the leading `?`
 */
export function searchQueryString(params: TSearchParams): string {
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue
    query.set(name, String(value))
  }
  return query.toString()
}

/**
 * Searches the published catalogue with facets (exact counts) and highlighting.
 * @returns GET /api/search
 * @throws ApiError VALIDATION for parameters the server refuses
 */
export function searchResources(params: TSearchParams, options: TRequestOptions): Promise<TSearchResponse> {
  return apiGet(`/api/search?${searchQueryString(params)}`, options)
}

/**
 * Title suggestions while typing (prefix, pinyin or initials).
 * @param q what has been typed so far (1–50 characters)
 * @returns GET /api/search/suggest
 */
export function suggestTitles(q: string, options: TRequestOptions): Promise<TSuggestResponse> {
  return apiGet(`/api/search/suggest?q=${encodeURIComponent(q)}`, options)
}
