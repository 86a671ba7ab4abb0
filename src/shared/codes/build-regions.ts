/**
 * Generates `gbt2260-regions.json` (GB/T 2260 province → city → district tree) from `@vant/area-data`.
 * Run with `npx tsx src/shared/codes/build-regions.ts` after upgrading @vant/area-data, and commit the output.
 * The tree keeps exactly what vant ships, including its pseudo-cities (110100 北京市, 500200 县, 419000 省直辖县).
 */
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { areaList } from '@vant/area-data'
import type { TCodeNode } from './tree.ts'

/** The three flat code → name tables, as `@vant/area-data` exports them. */
export type TAreaList = {
  province_list: Record<string, string>
  city_list: Record<string, string>
  county_list: Record<string, string>
}

/** Where the generator writes its output. */
export const REGIONS_FILE = fileURLToPath(new URL('./gbt2260-regions.json', import.meta.url))

const byCode = (a: [string, string], b: [string, string]): number => a[0].localeCompare(b[0])

/**
 * Builds the region tree from flat vant tables. A city belongs to the province with the same first 2 digits,
 * a district to the city with the same first 4. Siblings are sorted by code. Throws on an orphan (a city or
 * district whose parent is missing), so a broken upstream release cannot silently drop rows.
 * @param list the vant tables (defaults to the installed @vant/area-data)
 * @returns the province-level nodes, each with `children` (cities), each with `children` (districts)
 */
export function buildRegions(list: TAreaList = areaList): TCodeNode[] {
  const provinces = new Map<string, TCodeNode & { children: TCodeNode[] }>()
  const cities = new Map<string, TCodeNode & { children: TCodeNode[] }>()
  for (const [code, name] of Object.entries(list.province_list).sort(byCode)) {
    provinces.set(code.slice(0, 2), { code, name, children: [] })
  }
  for (const [code, name] of Object.entries(list.city_list).sort(byCode)) {
    const province = provinces.get(code.slice(0, 2))
    if (!province) throw new Error(`city ${code} ${name} has no province`)
    const city = { code, name, children: [] }
    province.children.push(city)
    cities.set(code.slice(0, 4), city)
  }
  for (const [code, name] of Object.entries(list.county_list).sort(byCode)) {
    const city = cities.get(code.slice(0, 4))
    if (!city) throw new Error(`district ${code} ${name} has no city`)
    city.children.push({ code, name })
  }
  return [...provinces.values()]
}

/**
 * Serialises a region tree the way the committed JSON file is written (2-space indent, trailing newline).
 * @param tree the output of buildRegions
 */
export function serializeRegions(tree: TCodeNode[]): string {
  return `${JSON.stringify(tree, null, 2)}\n`
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])
if (isMain) {
  const tree = buildRegions()
  writeFileSync(REGIONS_FILE, serializeRegions(tree))
  process.stdout.write(`wrote ${REGIONS_FILE}: ${tree.length} provinces\n`)
}
