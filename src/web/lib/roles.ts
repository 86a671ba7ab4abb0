import type { TMe, USER_ROLES } from '../../shared/contracts/identity.ts'

export type TUserRole = (typeof USER_ROLES)[number]
type TMyRole = TMe['roles'][number]

/** Roles that may open 节点管理 (the node console): node staff and the platform admin. */
export const NODE_CONSOLE_ROLES: readonly TUserRole[] = ['node_operator', 'node_admin', 'platform_admin']

/**
 * True when the person holds the role in any scope.
 * @param me the signed-in person
 * @param role the role asked about
 */
export function hasRole(me: TMe, role: TUserRole): boolean {
  return me.roles.some((r) => r.role === role)
}

/**
 * True when the person holds any of the roles.
 * @param me the signed-in person
 * @param roles the roles asked about
 */
export function hasAnyRole(me: TMe, roles: readonly TUserRole[]): boolean {
  return me.roles.some((r) => roles.includes(r.role))
}

/**
 * The node grants that open the node console, each node once.
 * @param me the signed-in person
 * @returns node staff grants with their node id and name
 */
export function nodeConsoleGrants(me: TMe): (TMyRole & { nodeId: string })[] {
  const seen = new Set<string>()
  const grants: (TMyRole & { nodeId: string })[] = []
  for (const grant of me.roles) {
    if (!NODE_CONSOLE_ROLES.includes(grant.role) || grant.nodeId === null || seen.has(grant.nodeId)) continue
    seen.add(grant.nodeId)
    grants.push({ ...grant, nodeId: grant.nodeId })
  }
  return grants
}

/**
 * True when the person administers the organisation (org_admin in it).
 * @param me the signed-in person, or null
 * @param orgId the organisation
 */
export function isOrgAdmin(me: TMe | null | undefined, orgId: string): boolean {
  return !!me && me.roles.some((r) => r.role === 'org_admin' && r.orgId === orgId)
}

/**
 * The organisation 单位管理 opens: the current one when the person administers it, else the first they do.
 * @param me the signed-in person
 * @returns an organisation id, or null when they administer none
 */
export function managedOrgId(me: TMe): string | null {
  const adminOf = me.roles.filter((r) => r.role === 'org_admin' && r.orgId !== null).map((r) => r.orgId as string)
  if (me.currentOrgId && adminOf.includes(me.currentOrgId)) return me.currentOrgId
  return adminOf[0] ?? null
}

/**
 * True while the session waits for the second factor (enter the code, or set an authenticator up).
 * @param me the signed-in person
 */
export function isSecondFactorPending(me: TMe): boolean {
  return me.secondFactor === 'required' || me.secondFactor === 'enrol'
}
