import type { TMe } from '../../../shared/contracts/identity.ts'
import { RESOURCE_KINDS, type TResourceKind } from '../../../shared/resource-kinds.ts'
import { NODE_CONSOLE_ROLES, nodeConsoleGrants, type TUserRole } from '../../lib/roles.ts'

/** Roles that write an organisation's resources (资源管理): its admins and its resource or instrument managers. */
const ORG_PROVIDER_ROLES: readonly TUserRole[] = ['org_admin', 'resource_manager', 'instrument_manager']

/** Roles that open the provider console: the organisation roles above, and the platform admin (any unit, by URL). */
export const PROVIDER_ROLES: readonly TUserRole[] = [...ORG_PROVIDER_ROLES, 'platform_admin']

/** Roles that review submissions of a node's subtree (资源审核): the node console's roles. */
export const REVIEWER_ROLES: readonly TUserRole[] = NODE_CONSOLE_ROLES

/**
 * The organisations whose resources the person may write, each once, the current one first.
 * @param me the signed-in person
 * @returns id and name of each organisation
 */
export function providerOrgs(me: TMe): { id: string; name: string }[] {
  const seen = new Set<string>()
  const orgs: { id: string; name: string }[] = []
  for (const grant of me.roles) {
    if (!ORG_PROVIDER_ROLES.includes(grant.role) || grant.orgId === null || seen.has(grant.orgId)) continue
    seen.add(grant.orgId)
    orgs.push({ id: grant.orgId, name: grant.orgName ?? '' })
  }
  return orgs.sort((a, b) => Number(b.id === me.currentOrgId) - Number(a.id === me.currentOrgId))
}

/**
 * True when the person may write (some of) the organisation's resources, as the server's policy has it.
 * @param me the signed-in person, or null
 * @param orgId the organisation
 */
export function isProviderOf(me: TMe | null | undefined, orgId: string): boolean {
  if (!me) return false
  return me.roles.some((r) => r.role === 'platform_admin' || (ORG_PROVIDER_ROLES.includes(r.role) && r.orgId === orgId))
}

/**
 * The kinds the person may create for the organisation: every kind for its admins and resource managers
 * (and the platform admin), instruments only for an instrument manager.
 * @param me the signed-in person
 * @param orgId the organisation
 * @returns the kinds, in catalogue order
 */
export function creatableKinds(me: TMe, orgId: string): readonly TResourceKind[] {
  const isFull = me.roles.some(
    (r) =>
      r.role === 'platform_admin' || ((r.role === 'org_admin' || r.role === 'resource_manager') && r.orgId === orgId),
  )
  if (isFull) return RESOURCE_KINDS
  return me.roles.some((r) => r.role === 'instrument_manager' && r.orgId === orgId) ? ['instrument'] : []
}

/**
 * The nodes whose review queue the person may open (node staff grants), each once.
 * @param me the signed-in person
 * @returns node id and name of each grant
 */
export function reviewerNodes(me: TMe): { id: string; name: string }[] {
  return nodeConsoleGrants(me).map((grant) => ({ id: grant.nodeId, name: grant.nodeName ?? '' }))
}
