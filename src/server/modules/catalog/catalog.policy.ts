import { hasOrgRole, hasRole, type TActor } from '../../context.ts'
import { isNodeStaffOver } from '../network/network.policy.ts'
import type { TLifecycleActor } from './lifecycle.ts'

/**
 * Who may do what in the catalogue's write side (SPEC §1 roles, §3 lifecycle). The lifecycle table
 * (lifecycle.ts) says which steps a provider or a reviewer takes; this file says who is which for a
 * resource. Node rules take the materialised path of the resource's operating node: staff of that node or
 * of a node above it count, and so does the platform_admin on the root.
 */

/** What the rules need to know about a resource. */
export type TResourceScope = { orgId: string; kind: string; nodePath: string }

/**
 * A provider of the unit's resources of this kind: its org_admin or resource_manager, its
 * instrument_manager for instruments only, or the platform_admin.
 */
export function isProviderFor(actor: TActor, orgId: string, kind: string): boolean {
  return (
    hasOrgRole(actor, 'org_admin', orgId) ||
    hasOrgRole(actor, 'resource_manager', orgId) ||
    (kind === 'instrument' && hasOrgRole(actor, 'instrument_manager', orgId)) ||
    hasRole(actor, 'platform_admin')
  )
}

/** True when the actor manages some of the unit's resources (its list shows them; instrument managers see instruments). */
export function isAnyProviderOf(actor: TActor, orgId: string): boolean {
  return isProviderFor(actor, orgId, 'instrument')
}

/** Providers create drafts of their unit's resources. */
export function canCreateResource(actor: TActor, orgId: string, kind: string): boolean {
  return isProviderFor(actor, orgId, kind)
}

/** The unit's providers and the staff of the node it belongs to (or above) list its resources in any status. */
export function canListOrgResources(actor: TActor, orgId: string, orgNodePath: string): boolean {
  return isAnyProviderOf(actor, orgId) || isNodeStaffOver(actor, orgNodePath)
}

/**
 * The roles the actor plays for this resource: provider (owner's managers) and/or reviewer (staff of the
 * operating node or above). An empty set means the managed view is none of their business: answer 404.
 */
export function lifecycleRolesOf(actor: TActor, resource: TResourceScope): Set<TLifecycleActor> {
  const roles = new Set<TLifecycleActor>()
  if (isProviderFor(actor, resource.orgId, resource.kind)) roles.add('provider')
  if (isNodeStaffOver(actor, resource.nodePath)) roles.add('reviewer')
  return roles
}

/** The node's staff (or staff above it) see its review queue. */
export function canListReviews(actor: TActor, nodePath: string): boolean {
  return isNodeStaffOver(actor, nodePath)
}

/**
 * Separation of duties: nobody approves or returns what they submitted themselves, even when they are
 * also node staff.
 */
export function isOwnSubmission(actor: TActor, submittedBy: string | null): boolean {
  return submittedBy !== null && submittedBy === actor.userId
}
