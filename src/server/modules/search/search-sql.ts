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
  if (f.priceMinFen !== null) c.push(sql<boolean>`d.price_fen >= ${f.priceMinFen}`)
  if (f.priceMaxFen !== null) c.push(sql<boolean>`d.price_fen <= ${f.priceMaxFen}`)
  return c
}

function priceBucket(): RawBuilder<string> {
  const arms = PRICE_BUCKETS.map(([min, max]) =>
    max === null
      ? sql`when price_fen >= ${sql.lit(min)} then ${sql.lit(`${min}-`)}`
      : sql`when price_fen <= ${sql.lit(max)} then ${sql.lit(`${min}-${max}`)}`,
  )
  return sql<string>`case ${sql.join(arms, sql` `)} end`
}

/** The grouping columns of the facets, in the order of FACET_NAMES. */
const FACET_COLUMNS = [
  'kind',
  'region',
  'discipline_top',
  'industry_section',
  'category_top',
  'owner_org_id',
  'sharing_level',
  'price_bucket',
] as const
const FACET_NAMES = ['kind', 'region', 'discipline', 'industry', 'category', 'org', 'sharing', 'price'] as const
const ORG_FACET_SIZE = 20

/**
 * Every facet in ONE pass over the matches (grouping sets). The kind facet counts all matches (`n_all`),
 * so kind tabs show every kind; the others count only the selected kinds (`n`). Units: the top 20, named
 * from one of their documents.
 */
function facetsSql(p: TSearchSqlParams): RawBuilder<unknown> {
  const inKind = p.filters.kinds.length > 0 ? sql`kind in (${sql.join(p.filters.kinds)})` : sql`true`
  const facetName = sql.join(
    FACET_COLUMNS.map((c, i) => sql`when grouping(${sql.ref(c)}) = 0 then ${sql.lit(FACET_NAMES[i])}`),
    sql` `,
  )
  const value = sql.join(
    FACET_COLUMNS.map((c) => (c === 'owner_org_id' ? sql`owner_org_id::text` : sql.ref(c))),
    sql`, `,
  )
  const sets = sql.join(
    FACET_COLUMNS.map((c) => sql`(${sql.ref(c)})`),
    sql`, `,
  )
  const count = sql`case when facet = 'kind' then n_all else n end`
  return sql`
    facet_groups as (
      select case ${facetName} end as facet, coalesce(${value}) as value,
             count(*) as n_all, count(*) filter (where in_kind) as n
      from (select m.*, ${sql.ref(p.regionFacet)} as region, ${priceBucket()} as price_bucket, ${inKind} as in_kind from m) x
      group by grouping sets (${sets})),
    facet_top as (
      select facet, value, ${count} as n
      from (select *, row_number() over (partition by facet order by ${count} desc, value) as rank from facet_groups) g
      where value is not null and ${count} > 0 and (facet <> 'org' or rank <= ${sql.lit(ORG_FACET_SIZE)})),
    facets as (
      -- unit names for the top units only: owner_name sits behind the wide vector and is often toasted, so
      -- reading it for every match cost more than all the counting (measured on 1 M documents)
      select facet, value, n, case when facet = 'org' then (
        select o.owner_name from search_document o where o.owner_org_id = f.value::uuid limit 1) end as label
      from facet_top f)`
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
             d.category_top, d.owner_org_id, d.sharing_level, d.price_fen, d.popularity, d.published_at,
             d.lat, d.lng, ${titleHit(p.match)} as title_hit
      from search_document d where ${where}),
    mk as (select * from m ${kindFilter}),
    ${facetsSql(p)},
    ${isRanked ? rankedPageSql(p) : orderedPageSql(p)}
    select
      (select count(*) from mk) as total,
      (select coalesce(json_agg(f), '[]') from facets f) as facets,
      (select coalesce(json_agg(i order by i.ord), '[]') from (
         select p.ord, d.resource_id as id, d.kind, d.title, d.summary, d.tags, d.owner_org_id, d.owner_name,
                d.region_code, d.sharing_level, d.price_fen, d.popularity, d.published_at, p.distance_km, p.score
         from page p join search_document d on d.resource_id = p.resource_id) i) as items`
}
