/**
 * GB/T 2260 administrative regions (province → city → district), generated from @vant/area-data by
 * build-regions.ts. Every lookup is O(1): the index below is built once, at module load.
 */
import regionsJson from './gbt2260-regions.json' with { type: 'json' }
import type { TCodeNode, TCodeRef } from './tree.ts'

/** Level of a region in the three-level tree. */
export type TRegionLevel = 'province' | 'city' | 'district'

/** A resolved region code with its enclosing province and city. */
export type TRegion = {
  code: string
  name: string
  level: TRegionLevel
  /** Set for cities and districts. */
  province?: TCodeRef
  /** Set for districts. */
  city?: TCodeRef
}

type TRegionEntry = {
  region: TRegion
  path: string
  cityCode: string | null
}

/** The region tree: 34 provincial units, their cities and districts, exactly as @vant/area-data has them. */
export const REGIONS: readonly TCodeNode[] = regionsJson

/**
 * City-level names in the vant data that are groupings rather than cities (县, 省直辖县, …).
 * regionPath leaves them out, as it leaves out a city named like its province (北京市 北京市).
 */
const PLACEHOLDER_CITY = /^(县|市辖区|省直辖县|省直辖县级行政区划|自治区直辖县级行政区划)$/

/** Municipality code of a province whose first city is `xx0100` with the province's own name, else null. */
function municipalityCity(province: TCodeNode): string | null {
  const first = province.children?.[0]
  if (!first || first.code !== `${province.code.slice(0, 2)}0100` || first.name !== province.name) return null
  return first.code
}

function buildIndex(tree: readonly TCodeNode[]): ReadonlyMap<string, TRegionEntry> {
  const index = new Map<string, TRegionEntry>()
  const add = (entry: TRegionEntry): void => {
    if (index.has(entry.region.code)) throw new Error(`duplicate region code ${entry.region.code}`)
    index.set(entry.region.code, entry)
  }
  for (const p of tree) {
    const province = Object.freeze({ code: p.code, name: p.name })
    const municipality = municipalityCity(p)
    add({ region: Object.freeze({ ...province, level: 'province' }), path: p.name, cityCode: municipality })
    for (const c of p.children ?? []) {
      const city = Object.freeze({ code: c.code, name: c.name })
      const showCity = c.name !== p.name && !PLACEHOLDER_CITY.test(c.name)
      const cityPath = showCity ? `${p.name} ${c.name}` : p.name
      const cityCode = municipality ?? c.code
      add({ region: Object.freeze({ ...city, level: 'city', province }), path: cityPath, cityCode })
      for (const d of c.children ?? []) {
        const region = Object.freeze({ code: d.code, name: d.name, level: 'district' as const, province, city })
        add({ region, path: `${cityPath} ${d.name}`, cityCode })
      }
    }
  }
  return index
}

const REGION_INDEX = buildIndex(REGIONS)

/**
 * Resolves a 6-digit GB/T 2260 code.
 * @param code e.g. '231002'
 * @returns the region with its level, province and city, or null for an unknown code
 */
export function findRegion(code: string): TRegion | null {
  return REGION_INDEX.get(code)?.region ?? null
}

/**
 * Human-readable path of a region, names joined by one space: '黑龙江省 牡丹江市 东安区'.
 * The city level is left out where it only repeats the province (municipalities: '北京市 东城区') or is a
 * grouping rather than a city ('湖北省 仙桃市', not '湖北省 省直辖县 仙桃市'; '重庆市 城口县').
 * @param code a 6-digit region code
 * @returns the path, or '' for an unknown code
 */
export function regionPath(code: string): string {
  return REGION_INDEX.get(code)?.path ?? ''
}

/**
 * The city-level code a region belongs to, for grouping statistics by city.
 * - a city returns itself, a district returns its city;
 * - in a municipality (北京, 天津, 上海, 重庆) every code, the province code included, returns the `xx0100`
 *   city, so Chongqing's counties (vant city 500200 县) group with 500100 重庆市;
 * - other provinces (the province code itself) and unknown codes return null.
 * Units directly under a province (429004 仙桃市) return vant's grouping code (429000 省直辖县).
 * @param code a 6-digit region code
 */
export function cityCodeOf(code: string): string | null {
  return REGION_INDEX.get(code)?.cityCode ?? null
}
