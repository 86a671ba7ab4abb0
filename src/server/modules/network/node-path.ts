/**
 * Rules on the materialised path of platform nodes ('/<root>/<child>/…/<id>/', see 0002 migration).
 * Pure functions: the network service and its tests use them without a database.
 */

/**
 * The ids on a node's path, root first and the node itself last. These are the nodes whose shared
 * resources the node's users may use: a city member uses the province's resources (SPEC §2, seed 000).
 * @param path a materialised path, e.g. '/a/b/c/'
 * @returns ['a', 'b', 'c']
 */
export function ancestorIdsOfPath(path: string): string[] {
  return path.split('/').filter(Boolean)
}

/**
 * Depth of a node from its path: 0 for the root.
 * @param path a materialised path
 */
export function depthOfPath(path: string): number {
  return ancestorIdsOfPath(path).length - 1
}

/**
 * The path of a new child node: the parent's path plus the child's id and a closing slash.
 * @param parentPath the parent's materialised path (ends with '/')
 * @param id the new node's id
 */
export function childPath(parentPath: string, id: string): string {
  return `${parentPath}${id}/`
}
