import { hasNodeRoleOver, type TActor } from '../../context.ts'

/**
 * Who may do what in the platform network (三级管理: platform → node → unit, SPEC §2). Every rule takes the
 * materialised path of the node concerned; a grant on that node or on any ancestor counts, and the
 * platform_admin's grant on the root covers every node.
 */

/**
 * True when the actor administers the node: node_admin on it or above, or platform_admin.
 * Decides: the subtree view, creating child nodes, renaming, appointing staff.
 * @param nodePath the node's materialised path
 */
export function canAdministerNode(actor: TActor, nodePath: string): boolean {
  return hasNodeRoleOver(actor, 'node_admin', nodePath) || hasNodeRoleOver(actor, 'platform_admin', nodePath)
}

/**
 * True when the actor works for the node or a node above it: node_operator, node_admin or platform_admin.
 * Decides what node staff may see and do about the units of the node (review, private data).
 * @param nodePath the node's materialised path
 */
export function isNodeStaffOver(actor: TActor, nodePath: string): boolean {
  return hasNodeRoleOver(actor, 'node_operator', nodePath) || canAdministerNode(actor, nodePath)
}
