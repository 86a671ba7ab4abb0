/**
 * Sample groups of the search documents (README "Large match sets"). Every document belongs to one group,
 * fixed by the random tail of its resource id, and each group has its own partial GIN index
 * (0016_search_perf.sql), so "the matches in groups 0…g" is a uniform random sample of any match set, of a
 * known fraction, and finding it costs the GIN index that fraction of the work of finding every match.
 *
 * From the last 32 bits h of the id, a level = max(0, bit length of h − 20): level 0 holds 2⁻¹² of the
 * documents, level k ≥ 1 the next 2^(k−13), so levels 0…k hold 2^(k−12). Groups are pairs of levels, the
 * first holding levels 0–2: groups 0…g hold 2^(2g−10) of the documents, each about three times as many as
 * all groups before it. The column `sample_group` computes the same in SQL.
 */

/** The levels of each group, in reading order. */
export const SAMPLE_GROUPS: readonly (readonly [number, number])[] = [
  [0, 2],
  [3, 4],
  [5, 6],
  [7, 8],
  [9, 10],
  [11, 12],
]

const LEVEL_SHIFT = 20
const TOP_LEVEL = 12

/**
 * The sample level of a document.
 * @param id the resource id (uuid v4 or v7: both end in random bits)
 */
export function sampleLevel(id: string): number {
  const h = Number.parseInt(id.slice(-8), 16)
  const bits = Number.isFinite(h) && h > 0 ? h.toString(2).length : 0
  return Math.max(0, bits - LEVEL_SHIFT)
}

/**
 * The sample group of a document (the column `sample_group`).
 * @param id the resource id
 */
export function sampleGroup(id: string): number {
  return Math.floor((Math.max(sampleLevel(id), 1) - 1) / 2)
}

/**
 * The fraction of all documents in groups 0…group.
 * @param group 0…5
 */
export function groupsFraction(group: number): number {
  const last = SAMPLE_GROUPS[group]?.[1] ?? TOP_LEVEL
  return 2 ** (last - TOP_LEVEL)
}
