import { type RawBuilder, sql } from 'kysely'

/**
 * Facet counts of the search statement, from the rows that sample-sql's CTEs hold: `sk_c` (matches of
 * the query and every filter, kinds included) and, when kinds are filtered, `sa_c` (matches without the
 * kind filter, for the kind tabs). Each count is divided by its sample's fraction (1 when every match
 * was read, so the counts are exact).
 */

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

/** The narrow columns a facet count reads (besides what the page needs). */
export const FACET_READ_COLUMNS = sql`d.kind, d.province_code, d.city_code, d.region_code, d.discipline_top,
  d.industry_section, d.category_top, d.owner_org_id, d.sharing_level, d.price_fen`

/**
 * CTE `facets(facet, value, n, label)`: every facet in one pass over `sk_c` (grouping sets), plus, when
 * kinds are filtered, the other kinds from `sa_c`. Units: the top 20, named from one of their documents.
 * @param regionFacet the column the region facet counts by
 * @param kinds the kind filter ([] for none)
 */
export function facetsSql(regionFacet: string, kinds: readonly string[]): RawBuilder<unknown> {
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
  // the kind tabs count every kind: the filtered kinds from sk (so they agree with the total), the
  // others from the sample without the kind filter
  const otherKinds =
    kinds.length > 0
      ? sql`union all
        select 'kind', kind, round(count(*) / max(i.frac))::bigint
        from sa_c cross join sa_info i where kind not in (${sql.join(kinds)}) group by kind`
      : sql``
  return sql`
    facet_groups as (
      select case ${facetName} end as facet, coalesce(${value}) as value, count(*) as n
      from (select x.*, ${sql.ref(regionFacet)} as region, ${priceBucket()} as price_bucket from sk_c x) x
      group by grouping sets (${sets})),
    facet_counts as (
      select g.facet, g.value, round(g.n / i.frac)::bigint as n from facet_groups g cross join sk_info i
      ${otherKinds}),
    facet_top as (
      select facet, value, n
      from (select *, row_number() over (partition by facet order by n desc, value) as rank from facet_counts) g
      where value is not null and n > 0 and (facet <> 'org' or rank <= ${sql.lit(ORG_FACET_SIZE)})),
    facets as (
      -- unit names for the top units only: owner_name sits behind the wide vector and is often toasted, so
      -- reading it for every match cost more than all the counting (measured on 1 M documents)
      select facet, value, n, case when facet = 'org' then (
        select o.owner_name from search_document o where o.owner_org_id = f.value::uuid limit 1) end as label
      from facet_top f)`
}
