import type { TClock } from '../../clock.ts'
import { SECOND_FACTOR_ROLES, type TActor, type TGrant, type TRole } from '../../context.ts'
import type { TDb } from '../../db/transaction.ts'
import type { TIdentityConfig } from './identity.config.ts'
import { hashSessionToken, newSessionToken } from './secrets.ts'
import * as sessionsRepo from './sessions.repo.ts'
import * as usersRepo from './users.repo.ts'

/** The grants of a user as the actor carries them (node grants with their materialised path). */
export async function loadGrants(db: TDb, userId: string): Promise<TGrant[]> {
  const rows = await usersRepo.listGrantsOfUser(db, userId)
  return rows.map((r) => ({ role: r.role as TRole, nodeId: r.node_id, nodePath: r.node_path, orgId: r.org_id }))
}

/** True when one of the roles must pass the second factor (SECOND_FACTOR_ROLES, MLPS 身份鉴别 d). */
export function hasSecondFactorRole(grants: readonly { role: string }[]): boolean {
  return grants.some((g) => (SECOND_FACTOR_ROLES as readonly string[]).includes(g.role))
}

/**
 * Whether a session must pass the second factor: every holder of an admin role, and every user who chose to
 * enable an authenticator.
 */
export function needsSecondFactor(grants: readonly { role: string }[], totpEnabledAt: Date | null): boolean {
  return totpEnabledAt !== null || hasSecondFactorRole(grants)
}

/** The organisations among the grants, in grant order, each once. */
export function orgIdsOf(grants: readonly { orgId: string | null }[]): string[] {
  return [...new Set(grants.flatMap((g) => (g.orgId ? [g.orgId] : [])))]
}

/**
 * DB-backed sessions: the cookie holds 32 random bytes, the table their SHA-256. Idle timeout and absolute
 * lifetime are both enforced on every request; an expired session is revoked when it is seen.
 */
export function createSessions(deps: { db: TDb; clock: TClock; config: TIdentityConfig }) {
  const { clock, config } = deps
  const absoluteMs = config.session.absoluteHours * 3_600_000

  /**
   * Opens a session for a user who has just proved who they are, and returns its token (for the cookie only).
   * The session acts for the user's first organisation; `replacesSessionId` (the session the client had
   * before) is revoked, so a sign-in always rotates the token.
   */
  async function startSession(
    trx: TDb,
    input: { userId: string; ip: string; userAgent: string; replacesSessionId: string | null },
  ): Promise<{ token: string; sessionId: string; currentOrgId: string | null }> {
    const now = clock.now()
    if (input.replacesSessionId) await sessionsRepo.revokeSession(trx, input.replacesSessionId, now, 'replaced')
    const grants = await loadGrants(trx, input.userId)
    const token = newSessionToken()
    const currentOrgId = orgIdsOf(grants)[0] ?? null
    const sessionId = await sessionsRepo.insertSession(trx, {
      token_hash: hashSessionToken(token),
      user_id: input.userId,
      current_org_id: currentOrgId,
      ip: input.ip,
      user_agent: input.userAgent.slice(0, 500),
      created_at: now,
      expires_at: new Date(now.getTime() + absoluteMs),
    })
    return { token, sessionId, currentOrgId }
  }

  /**
   * The actor of a session token, or null when the token is unknown, revoked, past its absolute lifetime,
   * idle too long, or its account is no longer active. Expired sessions are revoked on the spot.
   * last_seen_at is written at most once per `touchIntervalSeconds`.
   */
  async function resolveSession(token: string, _meta: { ip: string; userAgent: string }): Promise<TActor | null> {
    if (token.length === 0 || token.length > 100) return null
    const session = await sessionsRepo.findSessionByTokenHash(deps.db, hashSessionToken(token))
    if (!session || session.revoked_at !== null || session.user_status !== 'active') return null
    const now = clock.now()
    if (session.expires_at.getTime() <= now.getTime()) {
      await sessionsRepo.revokeSession(deps.db, session.id, now, 'expired')
      return null
    }
    const grants = await loadGrants(deps.db, session.user_id)
    const idleMinutes = hasSecondFactorRole(grants) ? config.session.adminIdleMinutes : config.session.idleMinutes
    const idleFor = now.getTime() - session.last_seen_at.getTime()
    if (idleFor >= idleMinutes * 60_000) {
      await sessionsRepo.revokeSession(deps.db, session.id, now, 'idle')
      return null
    }
    if (idleFor >= config.session.touchIntervalSeconds * 1000) await sessionsRepo.touchSession(deps.db, session.id, now)
    const currentOrgId =
      session.current_org_id && orgIdsOf(grants).includes(session.current_org_id) ? session.current_org_id : null
    return {
      userId: session.user_id,
      sessionId: session.id,
      displayName: session.display_name,
      currentOrgId,
      grants,
      isSecondFactorPending: needsSecondFactor(grants, session.totp_enabled_at) && !session.mfa_passed,
    }
  }

  /**
   * Issues a new token for a live session and marks its second factor passed (the old token stops working).
   * @returns the new token, or null when the session ended meanwhile
   */
  async function rotateAfterSecondFactor(trx: TDb, sessionId: string): Promise<string | null> {
    const token = newSessionToken()
    const isRotated = await sessionsRepo.rotateSessionToken(trx, sessionId, {
      tokenHash: hashSessionToken(token),
      at: clock.now(),
    })
    return isRotated ? token : null
  }

  return { startSession, resolveSession, rotateAfterSecondFactor }
}

export type TSessions = ReturnType<typeof createSessions>
