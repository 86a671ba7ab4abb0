import { useQuery } from '@tanstack/react-query'
import type { TCodeNode } from '../../../shared/codes/tree.ts'

/** The classification tables a resource is coded with (src/shared/codes). */
export type TCodeTable = 'discipline' | 'industry' | 'category'

/** A code table as the pickers and the content views use it: tree nodes with display values, and names by value. */
export type TLoadedTable = {
  tree: TPickerNode[]
  /** Value → name with its parents, e.g. 'M745' → '科学研究和技术服务业 / 专业技术服务业 / 质检技术服务'. */
  names: ReadonlyMap<string, string>
}

/** A TreeSelect / Cascader node: `value` is what the API stores. */
export type TPickerNode = { value: string; title: string; name: string; children?: TPickerNode[] }

async function loadRaw(table: TCodeTable): Promise<TCodeNode[]> {
  // The tables are 60 KB each: their own chunks, fetched by the pages that code or show resources.
  if (table === 'discipline') return (await import('../../../shared/codes/gbt13745-2009.json')).default
  if (table === 'industry') return (await import('../../../shared/codes/gbt4754-2017.json')).default
  return (await import('../../../shared/codes/nrii-instrument-categories.json')).default
}

/**
 * Builds picker nodes and the name index. GB/T 4754 values are the 门类 letter followed by the digits, as
 * the API stores them ('M', 'M74', 'M745'); the other tables use their codes as they are.
 */
function buildTable(table: TCodeTable, raw: readonly TCodeNode[]): TLoadedTable {
  const names = new Map<string, string>()
  const walk = (nodes: readonly TCodeNode[], letter: string, parents: readonly string[]): TPickerNode[] =>
    nodes.map((node) => {
      const isLetter = table === 'industry' && /^[A-T]$/.test(node.code)
      const value = table === 'industry' && !isLetter ? `${letter}${node.code}` : node.code
      const path = [...parents, node.name]
      names.set(value, path.join(' / '))
      const children = node.children?.length ? walk(node.children, isLetter ? node.code : letter, path) : undefined
      return { value, name: node.name, title: `${value} ${node.name}`, ...(children ? { children } : {}) }
    })
  return { tree: walk(raw, '', []), names }
}

/**
 * One classification table, loaded on first use and kept for the session.
 * @param table which table
 * @returns the TanStack query of the picker tree and name index
 */
export function useCodeTable(table: TCodeTable) {
  return useQuery({
    queryKey: ['codes', table],
    queryFn: async () => buildTable(table, await loadRaw(table)),
    staleTime: Infinity,
  })
}

/**
 * The Cascader path of a GB/T 2260 code: province, city, district codes (the codes nest by their digits).
 * @param code a 6-digit region code
 * @returns the codes from the province down to `code`
 */
export function regionPathOf(code: string): string[] {
  if (!/^\d{6}$/.test(code)) return []
  const province = `${code.slice(0, 2)}0000`
  const city = `${code.slice(0, 4)}00`
  if (code === province) return [province]
  if (code === city) return [province, city]
  return [province, city, code]
}

/**
 * The display name of a region code in the loaded GB/T 2260 tree ('黑龙江省 牡丹江市 东安区').
 * @param tree the region tree, or undefined while it loads
 * @param code a 6-digit region code
 * @returns the names joined by spaces, or the code when unknown
 */
export function regionNameOf(tree: readonly TCodeNode[] | undefined, code: string): string {
  const names: string[] = []
  let level: readonly TCodeNode[] = tree ?? []
  for (const part of regionPathOf(code)) {
    const node = level.find((n) => n.code === part)
    if (!node) break
    names.push(node.name)
    level = node.children ?? []
  }
  return names.length > 0 ? names.join(' ') : code
}
