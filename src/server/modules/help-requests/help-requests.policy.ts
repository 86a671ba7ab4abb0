import { hasNodeRoleOver, type TActor } from '../../context.ts'

/**
 * True when the actor may read and answer the help requests of a node: node_operator or node_admin on it
 * or on a node above it, or the platform_admin (whose grant on the root covers every node). The same rule
 * as network.policy.ts `isNodeStaffOver`, kept here so this module decides its own access.
 * @param nodePath the materialised path of the request's (or the queue's) node
 */
export function canWorkHelpRequests(actor: TActor, nodePath: string): boolean {
  return (
    hasNodeRoleOver(actor, 'node_operator', nodePath) ||
    hasNodeRoleOver(actor, 'node_admin', nodePath) ||
    hasNodeRoleOver(actor, 'platform_admin', nodePath)
  )
}
