import { AppError } from './errors.ts'

/** Every role there is (SPEC §1; MLPS three-role separation: system_admin, security_admin, auditor). */
export const ROLES = [
  'member',
  'org_admin',
  'resource_manager',
  'instrument_manager',
  'expert',
  'node_operator',
  'node_admin',
  'platform_admin',
  'gov_manager',
  'auditor',
  'security_admin',
  'system_admin',
] as const
export type TRole = (typeof ROLES)[number]

/** Roles that must pass a second factor (TOTP) before they act. */
export const SECOND_FACTOR_ROLES: readonly TRole[] = [
  'node_admin',
  'platform_admin',
  'auditor',
  'security_admin',
  'system_admin',
]

/** One role held by the actor, scoped to a node (with its materialised path) or an organisation, or neither. */
export type TGrant = { role: TRole; nodeId: string | null; nodePath: string | null; orgId: string | null }

/** A signed-in person, as resolved from the session cookie on every request. */
export type TActor = {
  userId: string
  sessionId: string
  displayName: string
  currentOrgId: string | null
  grants: TGrant[]
  /** True while a user with an admin role has not passed the second factor in this session. */
  isSecondFactorPending: boolean
}

/** What a service needs to know about the request it serves: who, from where, which request. */
export type TRequestContext = { actor: TActor | null; ip: string; requestId: string; userAgent: string }

/**
 * The signed-in actor, or UNAUTHENTICATED. A session still waiting for its second factor is refused with
 * SECOND_FACTOR_REQUIRED unless `allowPendingSecondFactor` (sign-out, TOTP set-up, "me").
 * @throws AppError UNAUTHENTICATED | SECOND_FACTOR_REQUIRED
 */
export function requireActor(ctx: TRequestContext, options: { allowPendingSecondFactor?: boolean } = {}): TActor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'no session')
  if (ctx.actor.isSecondFactorPending && !options.allowPendingSecondFactor) {
    throw new AppError('SECOND_FACTOR_REQUIRED', 'second factor not passed in this session')
  }
  return ctx.actor
}

/** True when the actor holds `role` at all (any scope). */
export function hasRole(actor: TActor, role: TRole): boolean {
  return actor.grants.some((g) => g.role === role)
}

/** True when the actor holds `role` in organisation `orgId`. */
export function hasOrgRole(actor: TActor, role: TRole, orgId: string): boolean {
  return actor.grants.some((g) => g.role === role && g.orgId === orgId)
}

/**
 * True when the actor holds `role` on the node whose path is `nodePath` or on one of its ancestors
 * (three-level administration: a node admin manages their node's whole subtree). A platform_admin grant
 * on the root counts everywhere.
 */
export function hasNodeRoleOver(actor: TActor, role: TRole, nodePath: string): boolean {
  return actor.grants.some((g) => g.role === role && g.nodePath !== null && nodePath.startsWith(g.nodePath))
}
