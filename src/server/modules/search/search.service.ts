import type { Kysely } from 'kysely'
import { findRegion } from '#shared/codes/index.ts'
import type { TSearchQuery, TSearchResponse, TSuggestQuery, TSuggestResponse } from '#shared/contracts/search.ts'
import type { TResourceKind } from '#shared/resource-kinds.ts'
import type { DB } from '../../db/schema.ts'
import type { TDb } from '../../db/transaction.ts'
import { filterTsquery, kindTsquery } from './facet-lexemes.ts'
import { planQuery, type TQueryPlan } from './query-plan.ts'
import type { TIndexableResource } from './search-document.ts'
import { indexResources, removeFromIndex, type TIndexResult } from './search-index.ts'
import { presentFacets, presentItem } from './search-present.ts'
import type { TMatch, TSearchFilters, TSearchSqlParams, TSearchSqlRow } from './search-sql.ts'
import * as repo from './search.repo.ts'
import { normalizeText } from './tokenizer.ts'

/** Relevance ranks at most this many candidates (src/server/modules/search/README.md). */
export const CANDIDATE_LIMIT = 300
/**
 * Facet counts and the total are exact up to this many matches (every demo query is); above, they are
 * estimated from a uniform random sample of at least SAMPLE_SIZE matches (README "Large match sets").
 */
export const SAMPLE_LIMIT = 2000
export const SAMPLE_SIZE = 500
const SUGGEST_LIMIT = 10

type TRegionLevel = TSearchResponse['facets']['regionLevel']
const REGION_COLUMN = { province: 'province_code', city: 'city_code', district: 'region_code' } as const

/** Level of a region code: from the code table, or from its shape (xx0000 province, xxxx00 city). */
function regionLevel(code: string): TRegionLevel {
  const found = findRegion(code)?.level
  if (found) return found
  return code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'city' : 'district'
}

function filtersOf(query: TSearchQuery): TSearchFilters {
  const kinds = query.kind === undefined ? [] : Array.isArray(query.kind) ? query.kind : [query.kind]
  return {
    kinds: [...new Set(kinds)],
    region: query.region ? { column: REGION_COLUMN[regionLevel(query.region)], code: query.region } : null,
    discipline: query.discipline ?? null,
    industry: query.industry ?? null,
    category: query.category ?? null,
    orgId: query.orgId ?? null,
    sharing: query.sharing ?? null,
    priceMinFen: query.priceMin ?? null,
    priceMaxFen: query.priceMax ?? null,
  }
}

/** The region facet goes one level below the region filter: provinces → cities → districts. */
function regionFacetLevel(query: TSearchQuery): TRegionLevel {
  if (!query.region) return 'province'
  return regionLevel(query.region) === 'province' ? 'city' : 'district'
}

type TAttempt = { match: TMatch; mode: TSearchResponse['matchMode'] }

/**
 * The ways to match a query, tried in order until one finds something: all words (with synonyms and
 * pinyin); near spellings of titles and model numbers; any of the words.
 */
function attemptsFor(plan: TQueryPlan | null): TAttempt[] {
  if (!plan || plan.text === '') return [{ match: { type: 'browse' }, mode: 'browse' }]
  const attempts: TAttempt[] = []
  // a pinyin key is made of letters, so it is always one of the words too
  if (plan.allWords)
    attempts.push({ match: { type: 'words', tsquery: plan.allWords, pinyinKey: plan.pinyinKey }, mode: 'words' })
  if ([...plan.text].length >= 2) attempts.push({ match: { type: 'fuzzy', text: plan.text }, mode: 'fuzzy' })
  if (plan.anyWord) attempts.push({ match: { type: 'words', tsquery: plan.anyWord, pinyinKey: null }, mode: 'partial' })
  return attempts
}

/** Limits of the search statement (tests and benchmarks change them; the defaults are the product's; each below 2³¹). */
export type TSearchOptions = { sampleLimit?: number; sampleSize?: number; candidateLimit?: number }

/**
 * Search over published resources (SPEC §3 "Search"): Chinese words, pinyin and initials, synonyms,
 * facets, sorting, highlighting, suggestions. The index is kept by `indexResources` / `removeFromIndex`,
 * which the catalogue calls whenever a resource is published, changed or withdrawn.
 */
export function createSearchService(deps: { db: Kysely<DB> }, options: TSearchOptions = {}) {
  const { db } = deps

  /**
   * One page of results with facet counts: exact up to `sampleLimit` matches, estimated from a uniform
   * sample above (`totalExact`, `facetsExact`). Falls back to near spellings, then to any of the words,
   * when all words together find nothing (`matchMode` says which answered).
   * @param query the validated query (ZSearchQuery)
   */
  async function search(query: TSearchQuery): Promise<TSearchResponse> {
    const started = performance.now()
    const plan = query.q ? planQuery(query.q) : null
    const regionFacet = regionFacetLevel(query)
    const filters = filtersOf(query)
    const base: Omit<TSearchSqlParams, 'match'> = {
      filters,
      filterQuery: filterTsquery(filters),
      kindQuery: kindTsquery(filters.kinds),
      sort: query.sort === 'relevance' && !plan ? 'newest' : query.sort,
      origin: query.lat !== undefined && query.lng !== undefined ? { lat: query.lat, lng: query.lng } : null,
      regionFacet: REGION_COLUMN[regionFacet],
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
      candidateLimit: options.candidateLimit ?? CANDIDATE_LIMIT,
      sampleLimit: options.sampleLimit ?? SAMPLE_LIMIT,
      sampleSize: options.sampleSize ?? SAMPLE_SIZE,
    }
    let answer: { row: TSearchSqlRow; attempt: TAttempt } | undefined
    for (const attempt of attemptsFor(plan)) {
      const row = await repo.searchDocuments(db, { ...base, match: attempt.match })
      answer = { row, attempt }
      if (row.total > 0) break
    }
    if (!answer) throw new Error('no search attempt ran')
    const { row, attempt } = answer
    const terms = attempt.match.type === 'fuzzy' ? [attempt.match.text] : (plan?.terms ?? [])
    const highlightQuery = { terms, pinyinKey: attempt.mode === 'words' ? (plan?.pinyinKey ?? null) : null }
    return {
      items: row.items.map((item) => presentItem(item, highlightQuery)),
      total: Number(row.total),
      totalExact: row.total_exact,
      facetsExact: row.facets_exact,
      page: query.page,
      pageSize: query.pageSize,
      facets: presentFacets(row.facets, regionFacet),
      matchMode: attempt.mode,
      terms,
      tookMs: Math.round((performance.now() - started) * 10) / 10,
    }
  }

  /**
   * Up to ten titles while the user types: by the start of the title or of any of its words, by full
   * pinyin or by initials (拉曼, lam, lmgpy all suggest 激光显微拉曼光谱仪), most documents first.
   * @param query the validated query (ZSuggestQuery)
   */
  async function suggest(query: TSuggestQuery): Promise<TSuggestResponse> {
    const text = normalizeText(query.q).trim()
    const prefix = /^[a-z' ]+$/.test(text) ? text.replace(/[' ]/g, '') : text
    if (!prefix) return { items: [] }
    const rows = await repo.findSuggestions(db, prefix, SUGGEST_LIMIT)
    return { items: rows.map((r) => ({ text: r.title, kind: r.kind as TResourceKind, count: r.doc_count })) }
  }

  return {
    search,
    suggest,
    /**
     * Indexes published resources and removes the others (call it with every resource the catalogue
     * writes, publishes or withdraws; inside the catalogue's transaction when there is one).
     * @param rows resources with their owner's name
     * @param trx the caller's transaction, if any
     */
    indexResources: (rows: readonly TIndexableResource[], trx?: TDb): Promise<TIndexResult> =>
      indexResources(trx ?? db, rows),
    /**
     * Removes resources from the index and their titles from the suggestions.
     * @param ids resource ids
     * @param trx the caller's transaction, if any
     */
    removeFromIndex: (ids: readonly string[], trx?: TDb): Promise<number> => removeFromIndex(trx ?? db, ids),
  }
}

export type TSearchService = ReturnType<typeof createSearchService>
