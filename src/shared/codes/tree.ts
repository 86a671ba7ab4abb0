/**
 * Generic helpers for nested code tables (regions, industries, disciplines, instrument categories):
 * the node type, a pre-order flattener and an O(1) code index built once per table.
 */

/** One node of a code table. Leaves usually have no `children` key (NRII top-level nodes may have `[]`). */
export type TCodeNode = { code: string; name: string; children?: TCodeNode[] }

/** A code with its name, without children. */
export type TCodeRef = { code: string; name: string }

/** One row of a flattened tree, e.g. for a `codes` table or a select list. */
export type TFlatCode = {
  code: string
  name: string
  /** Code of the parent node, `null` at the top level. */
  parentCode: string | null
  /** 1 for top-level nodes, 2 for their children, … */
  depth: number
}

/** What a code lookup returns: the node, its depth and its ancestors (top level first). */
export type TCodeHit = {
  code: string
  name: string
  /** 1 for top-level nodes, 2 for their children, … */
  depth: number
  /** Ancestors from the top level down to the parent; empty at the top level. */
  ancestors: readonly TCodeRef[]
  /** True when the node has no children (an empty `children` array counts as none). */
  isLeaf: boolean
}

/**
 * Lists every node of a tree in pre-order (parent before its children, siblings in tree order).
 * @param tree the top-level nodes
 * @returns one row per node, with its parent code and depth
 */
export function flatten(tree: readonly TCodeNode[]): TFlatCode[] {
  const rows: TFlatCode[] = []
  const walk = (nodes: readonly TCodeNode[], parentCode: string | null, depth: number): void => {
    for (const node of nodes) {
      rows.push({ code: node.code, name: node.name, parentCode, depth })
      if (node.children) walk(node.children, node.code, depth + 1)
    }
  }
  walk(tree, null, 1)
  return rows
}

/**
 * Builds a code → hit map for O(1) lookups. Build it once per table, at module load.
 * Throws when a code appears twice, because a lookup could then answer with the wrong node.
 * @param tree the top-level nodes
 * @returns a read-only map from code to a frozen hit
 */
export function indexTree(tree: readonly TCodeNode[]): ReadonlyMap<string, TCodeHit> {
  const index = new Map<string, TCodeHit>()
  const walk = (nodes: readonly TCodeNode[], ancestors: readonly TCodeRef[]): void => {
    for (const node of nodes) {
      if (index.has(node.code)) throw new Error(`duplicate code ${node.code} (${node.name})`)
      const children = node.children ?? []
      index.set(
        node.code,
        Object.freeze({
          code: node.code,
          name: node.name,
          depth: ancestors.length + 1,
          ancestors,
          isLeaf: children.length === 0,
        }),
      )
      if (children.length > 0)
        walk(children, Object.freeze([...ancestors, Object.freeze({ code: node.code, name: node.name })]))
    }
  }
  walk(tree, Object.freeze([]))
  return index
}
