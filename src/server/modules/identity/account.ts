import type { TCloseAccountRequest, TMe, TMyDataExport, TSetCurrentOrgRequest } from '#shared/contracts/identity.ts'
import type { TClock } from '../../clock.ts'
import { requireActor, type TRequestContext } from '../../context.ts'
import { inTransaction, type TDb } from '../../db/transaction.ts'
import { AppError } from '../../errors.ts'
import type { TAuditService } from '../audit/audit.service.ts'
import * as eventsRepo from './auth-events.repo.ts'
import { fieldError } from '../../errors.ts'
import type { TLockout } from './lockout.ts'
import { presentMe } from './me-presenter.ts'
import { isPasswordCorrect } from './secrets.ts'
import * as sessionsRepo from './sessions.repo.ts'
import { orgIdsOf } from './sessions.ts'
import * as usersRepo from './users.repo.ts'

/** What a closed account keeps of its name: nothing personal (PIPL Art. 47). */
export const CLOSED_ACCOUNT_NAME = '已注销用户'

type TDeps = { db: TDb; clock: TClock; audit: TAuditService; lockout: TLockout }

const iso = (d: Date | null) => d?.toISOString() ?? null

/** "Me": my profile, current organisation, my data (PIPL Art. 45) and closing my account (Art. 47). */
export function createAccount(deps: TDeps) {
  const { db, clock } = deps

  /**
   * The signed-in person, also while their second factor is pending (the page must know what to ask for).
   * @throws AppError UNAUTHENTICATED
   */
  async function getMe(ctx: TRequestContext): Promise<TMe> {
    const actor = requireActor(ctx, { allowPendingSecondFactor: true })
    return presentMe(db, actor.userId, actor)
  }

  /**
   * Switches the organisation this session acts for (切换单位) to one the user belongs to.
   * @throws AppError UNAUTHENTICATED | SECOND_FACTOR_REQUIRED | FORBIDDEN (not one of mine)
   */
  async function setCurrentOrg(ctx: TRequestContext, input: TSetCurrentOrgRequest): Promise<TMe> {
    const actor = requireActor(ctx)
    if (!orgIdsOf(actor.grants).includes(input.orgId)) {
      throw new AppError('FORBIDDEN', `user ${actor.userId} is not in org ${input.orgId}`, {
        messageKey: 'identity.NOT_MY_ORG',
      })
    }
    await sessionsRepo.updateSessionOrg(db, actor.sessionId, input.orgId)
    return presentMe(db, actor.userId, { currentOrgId: input.orgId, isSecondFactorPending: false })
  }

  /**
   * Everything the platform keeps about the signed-in person, for download: profile with the full phone
   * number (to its owner only), consent, roles, sessions (never token digests), and sign-in attempts on their
   * number since the account was created. The export itself is audited.
   * @throws AppError UNAUTHENTICATED | SECOND_FACTOR_REQUIRED
   */
  async function exportMyData(ctx: TRequestContext): Promise<TMyDataExport> {
    const actor = requireActor(ctx)
    const user = await usersRepo.findUserById(db, actor.userId)
    if (!user) throw new AppError('UNAUTHENTICATED', `user ${actor.userId} is gone`)
    const grants = await usersRepo.listGrantsOfUser(db, user.id)
    const sessions = await sessionsRepo.listSessionsOfUser(db, user.id)
    const attempts = user.phone ? await eventsRepo.listAttemptsOfAccount(db, user.phone, user.created_at) : []
    await deps.audit.record({
      actorId: user.id,
      action: 'identity.data_export',
      targetType: 'user',
      targetId: user.id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      result: 'success',
    })
    return {
      exportedAt: clock.now().toISOString(),
      profile: {
        id: user.id,
        displayName: user.display_name,
        phone: user.phone,
        email: user.email,
        status: user.status,
        createdAt: user.created_at.toISOString(),
        lastSignInAt: iso(user.last_sign_in_at),
        passwordChangedAt: iso(user.password_changed_at),
        totpEnabledAt: iso(user.totp_enabled_at),
      },
      consent: { privacyVersion: user.privacy_version, consentedAt: iso(user.privacy_consented_at) },
      roles: grants.map((g) => ({
        role: g.role as TMyDataExport['roles'][number]['role'],
        orgId: g.org_id,
        orgName: g.org_name,
        nodeId: g.node_id,
        nodeName: g.node_name,
        grantedAt: g.created_at.toISOString(),
      })),
      sessions: sessions.map((s) => ({
        id: s.id,
        ip: s.ip,
        userAgent: s.user_agent,
        createdAt: s.created_at.toISOString(),
        lastSeenAt: s.last_seen_at.toISOString(),
        expiresAt: s.expires_at.toISOString(),
        revokedAt: iso(s.revoked_at),
        revokedReason: s.revoked_reason,
        isCurrent: s.id === actor.sessionId,
      })),
      signInAttempts: attempts.map((a) => ({
        at: a.created_at.toISOString(),
        ip: a.ip,
        method: a.method,
        succeeded: a.succeeded,
        failureReason: a.failure_reason,
      })),
    }
  }

  /**
   * Closes the signed-in person's account (注销): confirmed with the password; the name, phone, e-mail,
   * password and authenticator are erased (the number can register again), roles are removed and every
   * session ends. The row stays, so records that point at it keep working. Wrong passwords count towards
   * the account's lockout.
   * @throws AppError UNAUTHENTICATED | SECOND_FACTOR_REQUIRED | LOCKED | VALIDATION (body.password wrong)
   */
  async function closeAccount(ctx: TRequestContext, input: TCloseAccountRequest): Promise<void> {
    const actor = requireActor(ctx)
    const user = await usersRepo.findUserById(db, actor.userId)
    if (!user) throw new AppError('UNAUTHENTICATED', `user ${actor.userId} is gone`)
    const attempt = { accountKey: user.phone ?? `user:${user.id}`, method: 'close_account' as const, userId: user.id }
    await deps.lockout.assertNotLocked(ctx, attempt)
    if (!(await isPasswordCorrect(user.password_hash, input.password))) {
      await deps.lockout.recordFailure(ctx, { ...attempt, reason: 'bad_credentials' })
      throw fieldError('VALIDATION', [{ path: 'body.password', messageKey: 'identity.PASSWORD_WRONG' }])
    }
    await inTransaction(db, async (trx) => {
      const now = clock.now()
      await usersRepo.updateUser(trx, user.id, {
        status: 'closed',
        closed_at: now,
        display_name: CLOSED_ACCOUNT_NAME,
        phone: null,
        email: null,
        password_hash: null,
        totp_secret: null,
        totp_enabled_at: null,
        totp_last_step: null,
      })
      await usersRepo.deleteGrantsOfUser(trx, user.id)
      const sessions = await sessionsRepo.revokeSessionsOfUser(trx, user.id, now, 'closed')
      await deps.audit.record(
        {
          actorId: user.id,
          action: 'identity.account_close',
          targetType: 'user',
          targetId: user.id,
          ip: ctx.ip,
          userAgent: ctx.userAgent,
          result: 'success',
          detail: { sessions },
        },
        trx,
      )
    })
  }

  return { getMe, setCurrentOrg, exportMyData, closeAccount }
}

export type TAccount = ReturnType<typeof createAccount>
