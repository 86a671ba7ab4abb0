import { type RawBuilder, sql } from 'kysely'

/**
 * Bounded reads of a match set (README "Large match sets"). A search reads every match when there are
 * at most `exact` of them (exact counts); otherwise a uniform random sample of a known fraction, the
 * matches of sample groups 0…g (sample-groups.ts), whose counts are divided by that fraction.
 */

/**
 * Several tsquery literals that must all match, as one literal.
 * @param parts literals; '' parts are left out
 * @returns '' when every part is ''
 */
export function andTsquery(...parts: string[]): string {
  const given = parts.filter((p) => p !== '')
  if (given.length <= 1) return given[0] ?? ''
  return given.map((p) => `( ${p} )`).join(' & ')
}

/**
 * Where the sample comes from: a tsquery, read by sample groups (the matches are `tsquery` and the price
 * filter; '' = every document), or any condition (physical prefix).
 */
export type TSampleSource =
  | { type: 'groups'; tsquery: string; words: string | null; priceMin: number | null; priceMax: number | null }
  | { type: 'prefix'; where: RawBuilder<boolean> }

/** How much to read: every match up to `exact`; above, complete sample groups of at least `size` rows. */
export type TSampleLimits = { exact: number; size: number }

/**
 * The SQL function search_sample_matches (0016_search_perf.sql) reads the groups, one small statement each,
 * each through its group's partial GIN index, and decides when to stop; its last row (g = -1) says how
 * much was read.
 */
function groupCtes(name: string, source: Extract<TSampleSource, { type: 'groups' }>, limits: TSampleLimits) {
  const all = sql.raw(`${name}_all`)
  return sql`
    ${all} as materialized (
      select * from search_sample_matches(${source.tsquery || null}::tsquery, ${source.words}::tsquery,
        ${source.priceMin}::bigint, ${source.priceMax}::bigint, ${sql.lit(limits.exact)}, ${sql.lit(limits.size)})),
    ${sql.raw(name)} as (select * from ${all} where g >= 0),
    ${sql.raw(`${name}_info`)} as materialized (
      select sample_n as n, sample_exact as exact, sample_last as gmax, sample_fraction as frac from ${all} where g < 0),
    ${sql.raw(`${name}_c`)} as (
      select x.* from ${sql.raw(name)} x cross join ${sql.raw(`${name}_info`)} i where x.g <= i.gmax)`
}

/**
 * CTEs `<name>` (the matches read, with `columns` and `g`, the sample group), `<name>_info` (n, exact,
 * frac: the fraction of all matches that `<name>_c` holds) and `<name>_c` (the rows to count).
 *
 * - groups: groupCtes; the complete groups are a uniform random sample of a known fraction.
 * - prefix (pinyin and trigram matches, which the partial indexes cannot answer): the first `exact` + 1
 *   matches in the table's physical order; the fraction is the share of the table's blocks read.
 * @param name CTE name (a constant of this module's callers)
 * @param source the match
 * @param columns the columns to read (over `search_document d`) for a prefix; groups read the function's
 * @param limits exact up to, sample size
 */
export function sampleCtes(
  name: string,
  source: TSampleSource,
  columns: RawBuilder<unknown>,
  limits: TSampleLimits,
): RawBuilder<unknown> {
  if (source.type === 'groups') return groupCtes(name, source, limits)
  const limit = limits.exact
  const cte = sql.raw(name)
  return sql`
    ${cte} as materialized (
      select 0 as g, ((d.ctid::text::point)[0])::int as blk, ${columns} from search_document d
      where ${source.where} limit ${sql.lit(limit + 1)}),
    ${sql.raw(`${name}_info`)} as materialized (
      select n, n <= ${sql.lit(limit)} as exact, 0 as gmax,
             case when n <= ${sql.lit(limit)} then 1.0::float8 else least(1.0, (blk + 1)::float8 /
               greatest(1, pg_relation_size('search_document') / current_setting('block_size')::int)) end as frac
      from (select count(*) as n, max(blk) as blk from ${cte}) s),
    ${sql.raw(`${name}_c`)} as (select * from ${cte})`
}
