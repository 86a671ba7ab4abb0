import { type RawBuilder, sql } from 'kysely'

/**
 * The page of the search statement: CTE `page(resource_id, score, distance_km, ord)`. Relevance ranks at
 * most `candidateLimit` candidates, the best by a cheap key (every word in the title, then popularity) of
 * the matches read: all of them, or the uniform sample of a large match set plus its much-used matches. Other orders take the page
 * from the matches read when that was all of them, and otherwise read the matches in their own order.
 */

export type TPageSort = 'relevance' | 'newest' | 'popular' | 'nearest'

export type TPageSqlParams = {
  /** Relevance ranking of at most `candidateLimit` candidates (else: a plain order). */
  ranked: boolean
  sort: TPageSort
  /** Every match as a condition over `search_document d` (all filters and kinds). */
  where: RawBuilder<boolean>
  /** Whether every word is in the title, over `d`. */
  titleHit: RawBuilder<boolean>
  /** Relevance of a candidate, over `d` and the candidate `c`. */
  score: RawBuilder<number>
  /** Distance in km over columns lat, lng (null: no origin). */
  distance: (lat: RawBuilder<unknown>, lng: RawBuilder<unknown>) => RawBuilder<number | null>
  limit: number
  offset: number
  candidateLimit: number
  /** The much-used matches as a CTE `hot(resource_id, title_hit, popularity)`, read after a sample; or null. */
  hot: RawBuilder<unknown> | null
}

function rankedPageSql(p: TPageSqlParams): RawBuilder<unknown> {
  const hot = p.hot ? sql`union select resource_id, title_hit, popularity from hot` : sql``
  return sql`
    ${p.hot ? sql`${p.hot},` : sql``}
    cand as (
      select resource_id, title_hit, popularity from (select resource_id, title_hit, popularity from sk ${hot}) c
      order by title_hit desc, popularity desc, resource_id limit ${p.candidateLimit}),
    scored as (
      select c.resource_id, ${p.score} * (1 + 0.1 * ln(1 + c.popularity)) as score
      from cand c join search_document d on d.resource_id = c.resource_id),
    page as (
      select resource_id, score, null::double precision as distance_km, row_number() over (order by score desc, resource_id) as ord
      from scored order by score desc, resource_id limit ${p.limit} offset ${p.offset})`
}

function orderOf(sort: TPageSort): RawBuilder<unknown> {
  return {
    relevance: sql`title_hit desc, popularity desc, resource_id`,
    newest: sql`published_at desc, resource_id`,
    popular: sql`popularity desc, published_at desc, resource_id`,
    nearest: sql`distance_km asc nulls last, resource_id`,
  }[sort]
}

/** Every match in the page's order, when only a sample was read (it reads what the order needs). */
function unreadSql(p: TPageSqlParams): RawBuilder<unknown> {
  return sql`select * from (
      select d.resource_id, ${p.titleHit} as title_hit, d.popularity, d.published_at, d.lat, d.lng,
             ${p.distance(sql`d.lat`, sql`d.lng`)} as distance_km
      from search_document d where ${p.where} and (select not i.exact from sk_info i)
      order by ${orderOf(p.sort)} limit ${p.offset + p.limit}) o`
}

function orderedPageSql(p: TPageSqlParams): RawBuilder<unknown> {
  const order = orderOf(p.sort)
  return sql`
    ordered as (
      select resource_id, title_hit, popularity, published_at, lat, lng from sk cross join sk_info i where i.exact
      union all
      select resource_id, title_hit, popularity, published_at, lat, lng from (${unreadSql(p)}) u),
    page as (
      select resource_id, null::real as score, distance_km, row_number() over (order by ${order}) as ord
      from (select o.*, ${p.distance(sql`o.lat`, sql`o.lng`)} as distance_km from ordered o) o
      order by ${order} limit ${p.limit} offset ${p.offset})`
}

/**
 * CTEs `cand`, `scored` (ranked only) and `page`.
 * @param p sort, match, page, candidates
 */
export function pageSql(p: TPageSqlParams): RawBuilder<unknown> {
  return p.ranked ? rankedPageSql(p) : orderedPageSql(p)
}
