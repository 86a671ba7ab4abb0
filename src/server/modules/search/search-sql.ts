import { type RawBuilder, sql } from 'kysely'
import { FACET_READ_COLUMNS, facetsSql } from './search-sql-facets.ts'
import { pageSql, type TPageSort } from './search-sql-page.ts'
import { andTsquery, sampleCtes, type TSampleSource } from './search-sql-sample.ts'

export { PRICE_BUCKETS } from './search-sql-facets.ts'

/**
 * The one SQL statement behind GET /api/search (src/server/modules/search/README.md). It reads the
 * matches' narrow facet columns ONCE (the materialised CTE `sk`): all of them when there are at most
 * `sampleLimit` (exact counts), otherwise a uniform random sample of a known fraction, found through the
 * sample groups' partial GIN indexes (search-sql-sample.ts), whose counts are scaled. Relevance never
 * ranks every match: a candidate set of at most `candidateLimit` of the rows read (after a sample, with
 * the much-used matches) is taken by a cheap order (all query words in the title first, then popularity),
 * and only those are ranked with ts_rank_cd (title > keywords > description > owner) plus a popularity term.
 */

/** How documents match the query. */
export type TMatch =
  /** jieba words in a tsquery literal; a Latin-letter key also matches the title's pinyin and initials. */
  | { type: 'words'; tsquery: string; pinyinKey: string | null }
  /** Trigram fallback on title, model and maker: substrings (model numbers) and near misses (typos). */
  | { type: 'fuzzy'; text: string }
  /** No query: browse by filters. */
  | { type: 'browse' }

export type TSearchFilters = {
  kinds: readonly string[]
  region: { column: 'province_code' | 'city_code' | 'region_code'; code: string } | null
  discipline: string | null
  industry: string | null
  category: string | null
  orgId: string | null
  sharing: string | null
  priceMinFen: number | null
  priceMaxFen: number | null
}

export type TSort = TPageSort

/** Popularity of the much-used documents: the predicate of search_document_tsv_hot_idx (0016_search_perf.sql). */
export const HOT_POPULARITY = 256

export type TSearchSqlParams = {
  match: TMatch
  filters: TSearchFilters
  /** The filters except kind as required lexemes (facet-lexemes.ts filterTsquery); '' for none. */
  filterQuery: string
  /** The kind filter as lexemes (any of the kinds); '' for none. */
  kindQuery: string
  sort: TSort
  origin: { lat: number; lng: number } | null
  /** Column the region facet counts by: provinces, or one level below the region filter. */
  regionFacet: 'province_code' | 'city_code' | 'region_code'
  limit: number
  offset: number
  candidateLimit: number
  /** Count exactly up to this many matches; above, count a uniform sample (search-sql-sample.ts). */
  sampleLimit: number
  /** The smallest sample worth counting. */
  sampleSize: number
}

export type TFacetSqlRow = { facet: string; value: string; label: string | null; n: number }
export type TItemSqlRow = {
  id: string
  kind: string
  title: string
  summary: string
  tags: string[]
  owner_org_id: string
  owner_name: string
  region_code: string
  sharing_level: string
  price_fen: number | null
  popularity: number
  published_at: string
  distance_km: number | null
  score: number | null
}
export type TSearchSqlRow = {
  total: number
  /** False when `total` is estimated from a sample. */
  total_exact: boolean
  /** False when some facet counts are estimated from a sample. */
  facets_exact: boolean
  facets: TFacetSqlRow[]
  items: TItemSqlRow[]
}

function likeInfix(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/**
 * Which documents match, kinds aside: the words AND the filter lexemes in one tsquery, so the GIN index
 * alone finds the documents that pass every filter (facet-lexemes.ts); the column conditions repeat the
 * filters for the other branches (pinyin, trigram) and for price, and cost nothing on rows that passed.
 */
function matchCondition(match: TMatch, filterQuery: string): RawBuilder<boolean> {
  if (match.type === 'browse') return filterQuery ? sql<boolean>`d.tsv @@ ${filterQuery}::tsquery` : sql<boolean>`true`
  if (match.type === 'fuzzy') {
    return sql<boolean>`(d.names like ${likeInfix(match.text)} or ${match.text} <% d.names)`
  }
  const words = sql<boolean>`d.tsv @@ ${andTsquery(match.tsquery, filterQuery)}::tsquery`
  if (!match.pinyinKey) return words
  const key = likeInfix(match.pinyinKey)
  return sql<boolean>`(${words} or d.title_py like ${key} or d.title_initials like ${key})`
}

/** True when every query word is in the title (or the pinyin key matched it): the first candidate key. */
function titleHit(match: TMatch): RawBuilder<boolean> {
  if (match.type !== 'words') return sql<boolean>`true`
  const words = sql<boolean>`d.title_tsv @@ ${match.tsquery}::tsquery`
  if (!match.pinyinKey) return words
  const key = likeInfix(match.pinyinKey)
  return sql<boolean>`(${words} or d.title_py like ${key} or d.title_initials like ${key})`
}

function filterConditions(f: TSearchFilters): RawBuilder<boolean>[] {
  const c: RawBuilder<boolean>[] = []
  if (f.region) c.push(sql<boolean>`${sql.ref(`d.${f.region.column}`)} = ${f.region.code}`)
  if (f.discipline) {
    c.push(
      f.discipline.length === 3
        ? sql<boolean>`d.discipline_top = ${f.discipline}`
        : sql<boolean>`d.discipline_code like ${`${f.discipline}%`}`,
    )
  }
  if (f.industry) {
    c.push(
      f.industry.length === 1
        ? sql<boolean>`d.industry_section = ${f.industry}`
        : sql<boolean>`d.industry_code like ${`${f.industry}%`}`,
    )
  }
  if (f.category) c.push(sql<boolean>`(d.category_top = ${f.category} or d.category = ${f.category})`)
  if (f.orgId) c.push(sql<boolean>`d.owner_org_id = ${f.orgId}`)
  if (f.sharing) c.push(sql<boolean>`d.sharing_level = ${f.sharing}`)
  return [...c, ...priceConditions(f)]
}

/** The price filter: the one filter without lexemes. */
function priceConditions(f: TSearchFilters): RawBuilder<boolean>[] {
  const c: RawBuilder<boolean>[] = []
  if (f.priceMinFen !== null) c.push(sql<boolean>`d.price_fen >= ${f.priceMinFen}`)
  if (f.priceMaxFen !== null) c.push(sql<boolean>`d.price_fen <= ${f.priceMaxFen}`)
  return c
}

const and = (parts: readonly RawBuilder<boolean>[]) =>
  parts.length === 0 ? sql<boolean>`true` : sql<boolean>`${sql.join(parts, sql` and `)}`

function distanceKm(origin: TSearchSqlParams['origin']) {
  return (lat: RawBuilder<unknown>, lng: RawBuilder<unknown>): RawBuilder<number | null> => {
    if (!origin) return sql<null>`null::double precision`
    // haversine on a 6371 km sphere; rows without coordinates give null and sort last
    return sql<number>`6371 * 2 * asin(sqrt(power(sin(radians(${lat} - ${origin.lat}) / 2), 2) + cos(radians(${origin.lat})) * cos(radians(${lat})) * power(sin(radians(${lng} - ${origin.lng}) / 2), 2)))`
  }
}

function scoreOf(match: TMatch): RawBuilder<number> {
  if (match.type === 'words') {
    return sql<number>`(ts_rank_cd('{0.05, 0.2, 0.4, 1.0}', d.tsv, ${match.tsquery}::tsquery, 1) + case when c.title_hit then 1 else 0 end)`
  }
  return match.type === 'fuzzy' ? sql<number>`word_similarity(${match.text}, d.names)` : sql<number>`0`
}

/**
 * Builds the search statement: one row with the total, the facet counts, whether they are exact, and
 * the page of items.
 * @param p match, filters, sort, page, candidate and sample limits
 */
export function buildSearchSql(p: TSearchSqlParams): RawBuilder<TSearchSqlRow> {
  const kinds = p.filters.kinds
  const kindCondition = kinds.length > 0 ? sql<boolean>`d.kind in (${sql.join(kinds)})` : sql<boolean>`true`
  const columns = and(filterConditions(p.filters))
  const matchAllKinds = and([matchCondition(p.match, p.filterQuery), columns])
  const where = and([matchAllKinds, kindCondition])
  // a tsquery alone: the sample groups' partial indexes answer it (pinyin and trigram matches read a prefix)
  const isTsquery = p.match.type === 'browse' || (p.match.type === 'words' && !p.match.pinyinKey)
  const query = andTsquery(p.match.type === 'words' ? p.match.tsquery : '', p.filterQuery)
  const words = p.match.type === 'words' ? p.match.tsquery : null
  const groups = (tsquery: string): TSampleSource => ({
    type: 'groups',
    tsquery,
    words,
    priceMin: p.filters.priceMinFen,
    priceMax: p.filters.priceMaxFen,
  })
  const sourceK: TSampleSource = isTsquery ? groups(andTsquery(query, p.kindQuery)) : { type: 'prefix', where }
  const sourceA: TSampleSource = isTsquery ? groups(query) : { type: 'prefix', where: matchAllKinds }
  const skColumns = sql`d.resource_id, ${FACET_READ_COLUMNS}, d.popularity, d.published_at, d.lat, d.lng,
    ${titleHit(p.match)} as title_hit`
  // the kind tabs: the same reading without the kind filter
  const kindSample =
    kinds.length > 0
      ? sampleCtes('sa', sourceA, sql`d.kind`, { exact: p.sampleLimit, size: p.sampleSize })
      : sql`sa_info as (select * from sk_info)`
  const ranked = p.sort === 'relevance' && p.match.type !== 'browse' && p.offset + p.limit <= p.candidateLimit
  // after a sample, the much-used matches too (their own partial index, 0016_search_perf.sql)
  const hot = isTsquery
    ? sql`hot as materialized (
        select d.resource_id, ${titleHit(p.match)} as title_hit, d.popularity from search_document d
        where d.popularity >= ${sql.lit(HOT_POPULARITY)} and d.tsv @@ ${andTsquery(query, p.kindQuery) || null}::tsquery
          and ${and(priceConditions(p.filters))} and (select not i.exact from sk_info i)
        limit ${p.candidateLimit})`
    : null
  const page = pageSql({
    ranked,
    sort: p.sort,
    where,
    titleHit: titleHit(p.match),
    score: scoreOf(p.match),
    distance: distanceKm(p.origin),
    limit: p.limit,
    offset: p.offset,
    candidateLimit: p.candidateLimit,
    hot,
  })
  return sql<TSearchSqlRow>`
    with ${sampleCtes('sk', sourceK, skColumns, { exact: p.sampleLimit, size: p.sampleSize })},
    ${kindSample},
    ${facetsSql(p.regionFacet, kinds)},
    ${page}
    select
      -- an estimate is never below the matches actually read
      (select case when i.exact then i.n
                   else greatest(round((select count(*) from sk_c) / i.frac)::bigint, (select count(*) from sk)) end
       from sk_info i) as total,
      (select i.exact from sk_info i) as total_exact,
      (select i.exact from sk_info i) and (select a.exact from sa_info a) as facets_exact,
      (select coalesce(json_agg(f), '[]') from facets f) as facets,
      (select coalesce(json_agg(i order by i.ord), '[]') from (
         select p.ord, d.resource_id as id, d.kind, d.title, d.summary, d.tags, d.owner_org_id, d.owner_name,
                d.region_code, d.sharing_level, d.price_fen, d.popularity, d.published_at, p.distance_km, p.score
         from page p join search_document d on d.resource_id = p.resource_id) i) as items`
}
