import { hasOrgRole, hasRole, type TActor } from '../../context.ts'
import { isNodeStaffOver } from '../network/network.policy.ts'

/**
 * Who may do what with organisations (two-level registration and three-level administration, SPEC §1–2).
 * One function per decision; services call them first and answer FORBIDDEN (or NOT_FOUND, to hide a unit
 * that is not public) when they say no. Node rules take the materialised path of the unit's node: staff of
 * that node or of any node above it count, and so does the platform_admin on the root.
 */

/** What the rules need to know about a unit. */
export type TOrgScope = { id: string; status: string; nodePath: string; registeredBy: string | null }

/** True when the actor holds any role in the unit (member, org_admin, expert, …). */
export function isPersonOf(actor: TActor, orgId: string): boolean {
  return actor.grants.some((g) => g.orgId === orgId)
}

/** Anyone signed in may register a unit (单位注册); they become its first admin. The node reviews it. */
export function canRegisterOrganisation(_actor: TActor): boolean {
  return true
}

/** Node staff (operator, admin) of the node or above may list its units, pending ones included. */
export function canListNodeOrganisations(actor: TActor, nodePath: string): boolean {
  return isNodeStaffOver(actor, nodePath)
}

/**
 * Node staff over the unit's node review its registration — but never their own registration
 * (separation of duties: the registrant cannot approve the unit they applied for).
 */
export function canReviewOrganisation(actor: TActor, org: TOrgScope): boolean {
  return isNodeStaffOver(actor, org.nodePath) && org.registeredBy !== actor.userId
}

/** An approved unit is public; any other is visible only to its own people and the node staff over it. */
export function canReadOrganisation(actor: TActor | null, org: TOrgScope): boolean {
  if (org.status === 'approved') return true
  return actor !== null && (isPersonOf(actor, org.id) || isNodeStaffOver(actor, org.nodePath))
}

/**
 * The private fields (check flag, contact, review) are for the unit's own people and the node staff over
 * it — never for people of another unit (IDOR).
 */
export function canReadOrganisationPrivate(actor: TActor | null, org: TOrgScope): boolean {
  return actor !== null && (isPersonOf(actor, org.id) || isNodeStaffOver(actor, org.nodePath))
}

/** The unit's admins and the node staff over it see the contact phone unmasked; its members see it masked. */
export function canSeeFullContact(actor: TActor | null, org: TOrgScope): boolean {
  return actor !== null && (hasOrgRole(actor, 'org_admin', org.id) || isNodeStaffOver(actor, org.nodePath))
}

/** Only the unit's admins see and decide requests to join it (node staff do not manage unit membership). */
export function canManageJoinRequests(actor: TActor, orgId: string): boolean {
  return hasOrgRole(actor, 'org_admin', orgId)
}

/** The unit's own people and the node staff over it may list its members. */
export function canListMembers(actor: TActor, org: TOrgScope): boolean {
  return isPersonOf(actor, org.id) || isNodeStaffOver(actor, org.nodePath)
}

/**
 * The unit's admins manage its people: set their roles in it and remove them. So does the platform admin,
 * who appoints a new admin when a unit has lost its own (node staff do not manage unit membership).
 */
export function canManageMembers(actor: TActor, orgId: string): boolean {
  return hasOrgRole(actor, 'org_admin', orgId) || hasRole(actor, 'platform_admin')
}
