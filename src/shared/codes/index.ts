/**
 * Code tables for classification fields: GB/T 2260 regions, GB/T 4754-2017 industries, GB/T 13745-2009
 * disciplines and the NRII instrument categories (our own codes, see README.md). All lookups are O(1) through
 * maps built once, when this module is first imported.
 */
import industriesJson from './gbt4754-2017.json' with { type: 'json' }
import disciplinesJson from './gbt13745-2009.json' with { type: 'json' }
import instrumentCategoriesJson from './nrii-instrument-categories.json' with { type: 'json' }
import { indexTree } from './tree.ts'
import type { TCodeHit, TCodeNode } from './tree.ts'

export { flatten } from './tree.ts'
export type { TCodeHit, TCodeNode, TCodeRef, TFlatCode } from './tree.ts'
export { REGIONS, cityCodeOf, findRegion, regionPath } from './regions.ts'
export type { TRegion, TRegionLevel } from './regions.ts'

/**
 * GB/T 4754-2017 国民经济行业分类: 20 门类 (letters A–T) → 97 大类 (2 digits) → 473 中类 (3 digits).
 * The letter is separate from the digits: store `C` and `395`, display `C395` if wanted.
 */
export const INDUSTRIES: readonly TCodeNode[] = industriesJson

/** GB/T 13745-2009 学科分类与代码: 62 一级学科 (3 digits) → 二级学科 (5 digits). */
export const DISCIPLINES: readonly TCodeNode[] = disciplinesJson

/**
 * NRII large-instrument categories: 15 top-level classes (codes '01'–'15') → second-level classes
 * ('0101' …; '其他' is always 'xx99'). The codes are Kexiang's own, not national codes.
 */
export const INSTRUMENT_CATEGORIES: readonly TCodeNode[] = instrumentCategoriesJson

const INDUSTRY_INDEX = indexTree(INDUSTRIES)
const DISCIPLINE_INDEX = indexTree(DISCIPLINES)
const INSTRUMENT_CATEGORY_INDEX = indexTree(INSTRUMENT_CATEGORIES)

/**
 * Looks up a GB/T 4754 code: a 门类 letter ('C'), a 大类 ('39') or a 中类 ('395').
 * @returns the node with depth (1 门类, 2 大类, 3 中类) and ancestors, or null for an unknown code
 */
export function findIndustry(code: string): TCodeHit | null {
  return INDUSTRY_INDEX.get(code) ?? null
}

/**
 * Looks up a GB/T 13745 code: 一级 ('520') or 二级 ('52010').
 * @returns the node with depth (1 一级, 2 二级) and ancestors, or null for an unknown code
 */
export function findDiscipline(code: string): TCodeHit | null {
  return DISCIPLINE_INDEX.get(code) ?? null
}

/**
 * Looks up an NRII instrument category by our code: top level ('01') or second level ('0103').
 * @returns the node with depth (1 or 2) and ancestors, or null for an unknown code
 */
export function findInstrumentCategory(code: string): TCodeHit | null {
  return INSTRUMENT_CATEGORY_INDEX.get(code) ?? null
}
