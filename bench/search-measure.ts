import type { TDatabase } from '../src/server/db/pool.ts'
import { filterTsquery } from '../src/server/modules/search/facet-lexemes.ts'
import { planQuery } from '../src/server/modules/search/query-plan.ts'
import { createSearchService, type TSearchOptions } from '../src/server/modules/search/search.service.ts'
import { type TSearchResponse, ZSearchQuery } from '../src/shared/contracts/search.ts'
import { timeCalls } from './harness.ts'

/** Latency samples of the search service and of the bare SQL over the same queries (search.bench.ts). */

export type TQuery = Readonly<Record<string, string>>

/** A sample limit no match set reaches: exact counts, every match read (the design before sampling). */
export const NO_SAMPLING = 1_000_000_000
export type TSamples = { service: number[]; ceiling: number[]; totals: number[]; sampled: number }

function cycle<T>(items: readonly T[]): () => T {
  let i = 0
  return () => items[i++ % items.length] as T
}

/** The bare SQL: the same GIN match (words, filters and kinds in one tsquery), first page by popularity. */
function bareQuery(database: TDatabase, query: TQuery) {
  const { q, kind, region } = query
  const filters = filterTsquery(
    {
      region: region ? { column: 'province_code', code: region } : null,
      discipline: null,
      industry: null,
      category: null,
      orgId: null,
      sharing: null,
    },
    kind ? [kind] : [],
  )
  const words = planQuery(q ?? '').allWords ?? ''
  return database.pool.query(
    'select d.resource_id from search_document d where d.tsv @@ $1::tsquery order by d.popularity desc limit 20',
    [filters ? `( ${words} ) & ${filters}` : words],
  )
}

/**
 * Times the search service (and, unless `withCeiling` is false, the bare SQL) cycling through `queries`.
 * @param database the catalogue
 * @param queries query parameters
 * @param iterations timed calls of each
 * @param options search limits (default: the product's)
 * @param withCeiling also time the bare SQL
 */
export async function measureSearch(
  database: TDatabase,
  queries: readonly TQuery[],
  iterations: number,
  options: TSearchOptions = {},
  withCeiling = true,
): Promise<TSamples> {
  const search = createSearchService({ db: database.db }, options)
  const totals: number[] = []
  let sampled = 0
  const nextQuery = cycle(queries)
  const service = await timeCalls(async () => {
    const result = await search.search(ZSearchQuery.parse(nextQuery()))
    totals.push(result.total)
    if (!result.totalExact) sampled++
  }, iterations)
  const nextBare = cycle(queries)
  const ceiling = withCeiling ? await timeCalls(() => bareQuery(database, nextBare()), iterations) : []
  return { service, ceiling, totals, sampled }
}

/**
 * The largest error among the three largest buckets of some facets: of the bucket's count, and of all the
 * facet's counts (the kind tabs count every kind, so their sum is not the total).
 */
function facetError(exact: TSearchResponse, estimate: TSearchResponse): { ofBucket: number; ofTotal: number } {
  let ofBucket = 0
  let ofTotal = 0
  for (const name of ['kind', 'region', 'industry', 'org'] as const) {
    const got = new Map(estimate.facets[name].map((b) => [b.value, b.count]))
    const sum = exact.facets[name].reduce((n, b) => n + b.count, 0)
    for (const bucket of exact.facets[name].slice(0, 3)) {
      const error = Math.abs((got.get(bucket.value) ?? 0) - bucket.count)
      ofBucket = Math.max(ofBucket, error / bucket.count)
      ofTotal = Math.max(ofTotal, error / Math.max(1, sum))
    }
  }
  return { ofBucket, ofTotal }
}

/**
 * How far sampled answers are from exact ones for these queries: totals, the largest facet buckets, and
 * how many of the exact first ten results the sampled first page also shows.
 */
export type TEstimateErrors = {
  sampled: number
  meanTotal: number
  maxTotal: number
  maxTopFacet: number
  maxTopFacetOfTotal: number
  meanTop10Overlap: number
}

/**
 * Runs each query once with exact counts and once with the product's sampling, and compares totals, the
 * three largest buckets of the kind, region, industry and unit facets, and the first ten results.
 * @param database the catalogue
 * @param queries query parameters
 */
export async function estimateErrors(database: TDatabase, queries: readonly TQuery[]): Promise<TEstimateErrors> {
  const exactSearch = createSearchService({ db: database.db }, { sampleLimit: NO_SAMPLING })
  const search = createSearchService({ db: database.db })
  const errors: number[] = []
  const overlaps: number[] = []
  let maxTopFacet = 0
  let maxTopFacetOfTotal = 0
  for (const query of queries) {
    const exact = await exactSearch.search(ZSearchQuery.parse(query))
    const estimate = await search.search(ZSearchQuery.parse(query))
    if (estimate.totalExact) continue
    errors.push(Math.abs(estimate.total - exact.total) / Math.max(1, exact.total))
    const facets = facetError(exact, estimate)
    maxTopFacet = Math.max(maxTopFacet, facets.ofBucket)
    maxTopFacetOfTotal = Math.max(maxTopFacetOfTotal, facets.ofTotal)
    const shown = new Set(estimate.items.slice(0, 10).map((i) => i.id))
    const best = exact.items.slice(0, 10)
    overlaps.push(best.filter((i) => shown.has(i.id)).length / Math.max(1, best.length))
  }
  return {
    sampled: errors.length,
    meanTotal: errors.reduce((a, b) => a + b, 0) / Math.max(1, errors.length),
    maxTotal: Math.max(0, ...errors),
    maxTopFacet,
    maxTopFacetOfTotal,
    meanTop10Overlap: overlaps.reduce((a, b) => a + b, 0) / Math.max(1, overlaps.length),
  }
}
