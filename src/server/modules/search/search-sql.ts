import { type RawBuilder, sql } from 'kysely'

/**
 * The one SQL statement behind GET /api/search (src/server/modules/search/README.md). It reads each matching
 * document's narrow facet columns ONCE (the materialised CTE `m`), then counts every facet from that set
 * and orders a page. Relevance never ranks every match: a candidate set of at most `candidateLimit` rows
 * is taken by a cheap order (all query words in the title first, then popularity), and only those are
 * ranked with ts_rank_cd (title > keywords > description > owner) plus a popularity term.
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

export type TSort = 'relevance' | 'newest' | 'popular' | 'nearest'

export type TSearchSqlParams = {
  match: TMatch
  filters: TSearchFilters
  /** The filters except kind as required lexemes (facet-lexemes.ts filterTsquery); '' for none. */
  filterQuery: string
  sort: TSort
  origin: { lat: number; lng: number } | null
  /** Column the region facet counts by: provinces, or one level below the region filter. */
  regionFacet: 'province_code' | 'city_code' | 'region_code'
  limit: number
  offset: number
  candidateLimit: number
}

/** Price facet buckets in fen: [min, max], max null = no upper bound. */
export const PRICE_BUCKETS: readonly (readonly [number, number | null])[] = [
  [0, 0],
  [1, 10_000],
  [10_001, 50_000],
  [50_001, 200_000],
  [200_001, 1_000_000],
  [1_000_001, 10_000_000],
  [10_000_001, null],
]

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
export type TSearchSqlRow = { total: number; facets: TFacetSqlRow[]; items: TItemSqlRow[] }

function likeInfix(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/**
 * Which documents match: the words AND the filter lexemes in one tsquery, so the GIN index alone finds
 * the documents that pass every filter (facet-lexemes.ts); the column conditions below repeat the
 * filters for the other branches (pinyin, trigram) and cost nothing on rows that already passed.
 */
function matchCondition(match: TMatch, filterQuery: string): RawBuilder<boolean> {
  const withFilters = (tsquery: string) => (filterQuery ? `( ${tsquery} ) & ${filterQuery}` : tsquery)
  if (match.type === 'browse') return filterQuery ? sql<boolean>`d.tsv @@ ${filterQuery}::tsquery` : sql<boolean>`true`
  if (match.type === 'fuzzy') {
    return sql<boolean>`(d.names like ${likeInfix(match.text)} or ${match.text} <% d.names)`
  }
  const words = sql<boolean>`d.tsv @@ ${withFilters(match.tsquery)}::tsquery`
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
    c.push(f.discipline.length === 3 ? sql<boolean>`d.discipline_top = ${f.discipline}` : sql<boolean>`d.discipline_code like ${`${f.discipline}%`}`)
  }
  if (f.industry) {
    c.push(f.industry.length === 1 ? sql<boolean>`d.industry_section = ${f.industry}` : sql<boolean>`d.industry_code like ${`${f.industry}%`}`)
  }
  if (f.category) c.push(sql<boolean>`(d.category_top = ${f.category} or d.category = ${f.category})`)
  if (f.orgId) c.push(sql<boolean>`d.owner_org_id = ${f.orgId}`)
  if (f.sharing) c.push(sql<boolean>`d.sharing_level = ${f.sharing}`)
  if (f.priceMinFen !== null) c.push(sql<boolean>`d.price_fen >= ${f.priceMinFen}`)
  if (f.priceMaxFen !== null) c.push(sql<boolean>`d.price_fen <= ${f.priceMaxFen}`)
  return c
}

function priceBucket(): RawBuilder<string> {
  const arms = PRICE_BUCKETS.map(([min, max]) =>
    max === null ? sql`when price_fen >= ${sql.lit(min)} then ${sql.lit(`${min}-`)}` : sql`when price_fen <= ${sql.lit(max)} then ${sql.lit(`${min}-${max}`)}`,
  )
  return sql<string>`case ${sql.join(arms, sql` `)} end`
}

function facetsSql(regionFacet: TSearchSqlParams['regionFacet']): RawBuilder<unknown> {
  const region = sql.ref(regionFacet)
  return sql`
    select 'kind' as facet, kind as value, null as label, count(*) as n from m group by kind
    union all select 'region', ${region}, null, count(*) from mk group by ${region}
    union all select 'discipline', discipline_top, null, count(*) from mk where discipline_top is not null group by discipline_top
    union all select 'industry', industry_section, null, count(*) from mk where industry_section is not null group by industry_section
    union all select 'category', category_top, null, count(*) from mk where category_top is not null group by category_top
    union all (select 'org', owner_org_id::text, min(owner_name), count(*) from mk group by owner_org_id order by 4 desc, 2 limit 20)
    union all select 'sharing', sharing_level, null, count(*) from mk group by sharing_level
    union all select 'price', ${priceBucket()}, null, count(*) from mk where price_fen is not null group by 2`
}

function distanceKm(origin: TSearchSqlParams['origin']): RawBuilder<number | null> {
  if (!origin) return sql<null>`null::double precision`
  // haversine on a 6371 km sphere; rows without coordinates give null and sort last
  return sql<number>`6371 * 2 * asin(sqrt(power(sin(radians(lat - ${origin.lat}) / 2), 2) + cos(radians(${origin.lat})) * cos(radians(lat)) * power(sin(radians(lng - ${origin.lng}) / 2), 2)))`
}

function rankedPageSql(p: TSearchSqlParams): RawBuilder<unknown> {
  const score =
    p.match.type === 'words'
      ? sql`(ts_rank_cd('{0.05, 0.2, 0.4, 1.0}', d.tsv, ${p.match.tsquery}::tsquery, 1) + case when c.title_hit then 1 else 0 end)`
      : p.match.type === 'fuzzy'
        ? sql`word_similarity(${p.match.text}, d.names)`
        : sql`0`
  return sql`
    cand as (select resource_id, title_hit, popularity from mk order by title_hit desc, popularity desc, resource_id limit ${p.candidateLimit}),
    scored as (
      select c.resource_id, ${score} * (1 + 0.1 * ln(1 + c.popularity)) as score
      from cand c join search_document d on d.resource_id = c.resource_id),
    page as (
      select resource_id, score, null::double precision as distance_km, row_number() over (order by score desc, resource_id) as ord
      from scored order by score desc, resource_id limit ${p.limit} offset ${p.offset})`
}

function orderedPageSql(p: TSearchSqlParams): RawBuilder<unknown> {
  const distance = distanceKm(p.origin)
  const order = {
    relevance: sql`title_hit desc, popularity desc, resource_id`,
    newest: sql`published_at desc, resource_id`,
    popular: sql`popularity desc, published_at desc, resource_id`,
    nearest: sql`distance_km asc nulls last, resource_id`,
  }[p.sort]
  return sql`
    page as (
      select resource_id, null::real as score, distance_km, row_number() over (order by ${order}) as ord
      from (select mk.*, ${distance} as distance_km from mk) o
      order by ${order} limit ${p.limit} offset ${p.offset})`
}

/**
 * Builds the search statement: one row with the exact total, the facet counts and the page of items.
 * @param p match, filters, sort, page and candidate limit
 */
export function buildSearchSql(p: TSearchSqlParams): RawBuilder<TSearchSqlRow> {
  const where = sql.join([matchCondition(p.match, p.filterQuery), ...filterConditions(p.filters)], sql` and `)
  const kindFilter = p.filters.kinds.length > 0 ? sql`where kind in (${sql.join(p.filters.kinds)})` : sql``
  const isRanked = p.sort === 'relevance' && p.match.type !== 'browse' && p.offset + p.limit <= p.candidateLimit
  return sql<TSearchSqlRow>`
    with m as materialized (
      select d.resource_id, d.kind, d.province_code, d.city_code, d.region_code, d.discipline_top, d.industry_section,
             d.category_top, d.owner_org_id, d.owner_name, d.sharing_level, d.price_fen, d.popularity, d.published_at,
             d.lat, d.lng, ${titleHit(p.match)} as title_hit
      from search_document d where ${where}),
    mk as (select * from m ${kindFilter}),
    facets as (${facetsSql(p.regionFacet)}),
    ${isRanked ? rankedPageSql(p) : orderedPageSql(p)}
    select
      (select count(*) from mk) as total,
      (select coalesce(json_agg(f), '[]') from facets f) as facets,
      (select coalesce(json_agg(i order by i.ord), '[]') from (
         select p.ord, d.resource_id as id, d.kind, d.title, d.summary, d.tags, d.owner_org_id, d.owner_name,
                d.region_code, d.sharing_level, d.price_fen, d.popularity, d.published_at, p.distance_km, p.score
         from page p join search_document d on d.resource_id = p.resource_id) i) as items`
}
