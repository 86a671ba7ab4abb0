import { RESOURCE_KINDS, type TResourceKind } from '../../../shared/resource-kinds.ts'
import type { TSearchSort } from '../../api/search.ts'
import { readPage } from '../../lib/search-params.ts'

/** Everything the search page shows, as its URL holds it (readable and shareable). */
export type TSearchState = {
  q: string
  kind?: TResourceKind
  region?: string
  category?: string
  discipline?: string
  industry?: string
  orgId?: string
  sharing?: 'free' | 'paid'
  /** Fen, inclusive. */
  priceMin?: number
  priceMax?: number
  sort: TSearchSort
  page: number
}

/** The filters a "clear" link removes (everything but the words, the kind tab and the sort). */
export const FILTER_NAMES = [
  'region',
  'category',
  'discipline',
  'industry',
  'orgId',
  'sharing',
  'priceMin',
  'priceMax',
] as const satisfies readonly (keyof TSearchState)[]

const SORTS: readonly TSearchSort[] = ['relevance', 'newest', 'popular', 'nearest']
/** The API pages up to 500. */
const MAX_PAGE = 500
const PATTERNS = {
  region: /^\d{6}$/,
  discipline: /^\d{3}(\d{2}){0,2}$/,
  industry: /^[A-T](\d{2,4})?$/,
  orgId: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
} as const

function matching(params: URLSearchParams, name: keyof typeof PATTERNS): string | undefined {
  const value = params.get(name)?.trim()
  return value && PATTERNS[name].test(value) ? value : undefined
}

function fen(params: URLSearchParams, name: 'priceMin' | 'priceMax'): number | undefined {
  const raw = params.get(name)
  if (raw === null || raw.trim() === '') return undefined
  const value = Number(raw)
  return Number.isSafeInteger(value) && value >= 0 ? value : undefined
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((item) => item === value)
}

/**
 * Reads the search page's state from its URL. Anything malformed (a hand-edited link) is left out rather
 * than sent to the API as a validation error.
 * @param params the location's search params
 * @returns the state
 */
export function readSearchState(params: URLSearchParams): TSearchState {
  const category = params.get('category')?.trim().slice(0, 40)
  const priceMin = fen(params, 'priceMin')
  const priceMax = fen(params, 'priceMax')
  return {
    q: (params.get('q') ?? '').trim().slice(0, 100),
    kind: oneOf(params.get('kind'), RESOURCE_KINDS),
    region: matching(params, 'region'),
    category: category || undefined,
    discipline: matching(params, 'discipline'),
    industry: matching(params, 'industry'),
    orgId: matching(params, 'orgId')?.toLowerCase(),
    sharing: oneOf(params.get('sharing'), ['free', 'paid'] as const),
    priceMin,
    priceMax: priceMax !== undefined && priceMin !== undefined && priceMax < priceMin ? undefined : priceMax,
    sort: oneOf(params.get('sort'), SORTS) ?? 'relevance',
    page: Math.min(readPage(params), MAX_PAGE),
  }
}

/**
 * Writes the state as URL parameters, leaving out defaults (relevance, page 1) and empty values.
 * @param state the state
 * @returns the params, in a stable order
 */
export function writeSearchState(state: TSearchState): URLSearchParams {
  const params = new URLSearchParams()
  const entries: [string, string | number | undefined][] = [
    ['q', state.q || undefined],
    ['kind', state.kind],
    ...FILTER_NAMES.map((name): [string, string | number | undefined] => [name, state[name]]),
    ['sort', state.sort === 'relevance' ? undefined : state.sort],
    ['page', state.page > 1 ? state.page : undefined],
  ]
  for (const [name, value] of entries) {
    if (value !== undefined && value !== '') params.set(name, String(value))
  }
  return params
}

/**
 * The state after a change: any change but a page turn goes back to page 1.
 * @param state the current state
 * @param changes what changes; `undefined` removes a filter
 * @returns the new state
 */
export function changeSearchState(state: TSearchState, changes: Partial<TSearchState>): TSearchState {
  return { ...state, page: 1, ...changes }
}

/**
 * A link to the search page.
 * @param changes the state to link to, over an empty search
 * @returns `/search?…`
 */
export function searchHref(changes: Partial<TSearchState>): string {
  const query = writeSearchState({ q: '', sort: 'relevance', page: 1, ...changes }).toString()
  return query ? `/search?${query}` : '/search'
}

/** True when any filter (not the words, kind or sort) is set. */
export function hasFilters(state: TSearchState): boolean {
  return FILTER_NAMES.some((name) => state[name] !== undefined)
}
