import type { TNodeSummary } from '../../api/organisations.ts'

/** A node with its children, for antd Tree. */
export type TNodeTreeItem = TNodeSummary & { children: TNodeTreeItem[] }

/**
 * The subtrees the person works on: each node they hold a staff grant on, with everything below it.
 * A node already inside another granted subtree is not repeated as a root.
 * @param nodes GET /api/nodes (every node, parents first)
 * @param rootIds the nodes of the person's grants
 * @returns the roots with their descendants
 */
export function buildNodeForest(nodes: readonly TNodeSummary[], rootIds: readonly string[]): TNodeTreeItem[] {
  const byId = new Map<string, TNodeTreeItem>(nodes.map((node) => [node.id, { ...node, children: [] }]))
  for (const node of byId.values()) {
    if (node.parentId) byId.get(node.parentId)?.children.push(node)
  }
  const wanted = new Set(rootIds)
  const isBelowAnotherRoot = (node: TNodeSummary): boolean => {
    let parentId = node.parentId
    while (parentId) {
      if (wanted.has(parentId)) return true
      parentId = byId.get(parentId)?.parentId ?? null
    }
    return false
  }
  return rootIds.flatMap((id) => {
    const node = byId.get(id)
    return node && !isBelowAnotherRoot(node) ? [node] : []
  })
}

/**
 * Every node id in the forest, for expanding it all.
 * @param forest from buildNodeForest
 * @returns ids in pre-order
 */
export function forestIds(forest: readonly TNodeTreeItem[]): string[] {
  return forest.flatMap((node) => [node.id, ...forestIds(node.children)])
}
