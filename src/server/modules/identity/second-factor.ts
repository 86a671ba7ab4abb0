import { generateSecret, generateURI, verify } from 'otplib'
import type { TMe, TTotpCodeRequest, TTotpSetupResponse } from '#shared/contracts/identity.ts'
import { maskMobile } from '#shared/validators/index.ts'
import type { TClock } from '../../clock.ts'
import { requireActor, type TActor, type TRequestContext } from '../../context.ts'
import { inTransaction, type TDb } from '../../db/transaction.ts'
import { AppError } from '../../errors.ts'
import type { TAuditService } from '../audit/audit.service.ts'
import { fieldError } from '../../errors.ts'
import type { TIdentityConfig } from './identity.config.ts'
import type { TLockout } from './lockout.ts'
import { presentMe } from './me-presenter.ts'
import type { TSessions } from './sessions.ts'
import * as usersRepo from './users.repo.ts'

/** RFC 6238 default period, which authenticator apps assume. */
const TOTP_PERIOD_SECONDS = 30

/** The session's new token (the old one no longer works) and the updated "me". */
export type TSecondFactorPassed = { token: string; me: TMe }

type TDeps = {
  db: TDb
  clock: TClock
  audit: TAuditService
  config: TIdentityConfig
  sessions: TSessions
  lockout: TLockout
}

/** The key lockout counts a user's attempts under: their phone (as for sign-in), else their id. */
function accountKeyOf(user: { id: string; phone: string | null }): string {
  return user.phone ?? `user:${user.id}`
}

/**
 * The second factor (TOTP, RFC 6238; MLPS 身份鉴别 d): required of every admin role and of users who enabled
 * it. Passing it rotates the session token. Wrong codes count towards the account's lockout, and an accepted
 * code's time step is kept so the same code is not accepted twice.
 */
export function createSecondFactor(deps: TDeps) {
  const { db, clock, config } = deps

  async function loadUser(actor: TActor) {
    const user = await usersRepo.findUserById(db, actor.userId)
    if (!user) throw new AppError('UNAUTHENTICATED', `user ${actor.userId} is gone`)
    return user
  }

  /**
   * Starts (or restarts) enrolment: a new secret, stored but not enabled until a code from it is confirmed.
   * @throws AppError UNAUTHENTICATED | STATE_INVALID (already enabled: a second enrolment needs the old factor)
   */
  async function setupTotp(ctx: TRequestContext): Promise<TTotpSetupResponse> {
    const actor = requireActor(ctx, { allowPendingSecondFactor: true })
    const user = await loadUser(actor)
    if (user.totp_enabled_at) {
      throw new AppError('STATE_INVALID', 'TOTP already enabled', { messageKey: 'identity.TOTP_ALREADY_ENABLED' })
    }
    const secret = generateSecret()
    await usersRepo.updateUser(db, user.id, { totp_secret: secret, totp_last_step: null })
    const label = user.phone ? maskMobile(user.phone) : user.display_name
    return { secret, otpauthUri: generateURI({ issuer: config.totpIssuer, label, secret }) }
  }

  /** The time step the code belongs to (±1 step of clock drift), or null when it is wrong or already used. */
  async function acceptedStep(secret: string, code: string, lastStep: number | null): Promise<number | null> {
    const epoch = Math.floor(clock.now().getTime() / 1000)
    const result = await verify({ secret, token: code, epoch, epochTolerance: TOTP_PERIOD_SECONDS })
    if (!result.valid) return null
    const step = Math.floor(epoch / TOTP_PERIOD_SECONDS) + result.delta
    return lastStep !== null && step <= lastStep ? null : step
  }

  /**
   * Checks a code for the signed-in user (whose second factor may be pending), then in one transaction
   * stores its step (and, for enrolment, enables TOTP), rotates the session token and audits.
   */
  async function passWithCode(
    ctx: TRequestContext,
    code: string,
    mode: { action: 'identity.totp_enable' | 'identity.second_factor'; isEnrolment: boolean },
  ): Promise<TSecondFactorPassed> {
    const actor = requireActor(ctx, { allowPendingSecondFactor: true })
    const user = await loadUser(actor)
    if (mode.isEnrolment && user.totp_enabled_at) {
      throw new AppError('STATE_INVALID', 'TOTP already enabled', { messageKey: 'identity.TOTP_ALREADY_ENABLED' })
    }
    const isReady = mode.isEnrolment ? user.totp_secret !== null : user.totp_enabled_at !== null
    if (!user.totp_secret || !isReady) {
      throw new AppError('STATE_INVALID', 'TOTP not set up', { messageKey: 'identity.TOTP_NOT_SET_UP' })
    }
    const attempt = { accountKey: accountKeyOf(user), method: 'totp' as const, userId: user.id }
    await deps.lockout.assertNotLocked(ctx, attempt)
    const step = await acceptedStep(user.totp_secret, code, user.totp_last_step)
    if (step === null) {
      await deps.lockout.recordFailure(ctx, { ...attempt, reason: 'bad_second_factor' })
      throw fieldError('VALIDATION', [{ path: 'body.code', messageKey: 'identity.TOTP_WRONG' }])
    }
    const token = await inTransaction(db, async (trx) => {
      const locked = await usersRepo.findUserByIdForUpdate(trx, user.id)
      if (locked?.totp_last_step != null && locked.totp_last_step >= step) {
        throw fieldError('VALIDATION', [{ path: 'body.code', messageKey: 'identity.TOTP_WRONG' }])
      }
      const now = clock.now()
      await usersRepo.updateUser(trx, user.id, {
        totp_last_step: step,
        ...(mode.isEnrolment ? { totp_enabled_at: now } : {}),
      })
      await deps.lockout.recordSuccess(trx, ctx, { accountKey: attempt.accountKey, method: 'totp' })
      const rotated = await deps.sessions.rotateAfterSecondFactor(trx, actor.sessionId)
      if (!rotated) throw new AppError('UNAUTHENTICATED', 'session ended during the second factor')
      await deps.audit.record(
        {
          actorId: user.id,
          action: mode.action,
          targetType: 'user',
          targetId: user.id,
          ip: ctx.ip,
          userAgent: ctx.userAgent,
          result: 'success',
        },
        trx,
      )
      return rotated
    })
    const me = await presentMe(db, user.id, { currentOrgId: actor.currentOrgId, isSecondFactorPending: false })
    return { token, me }
  }

  /**
   * Confirms enrolment with a code from the new authenticator: enables TOTP and passes the second factor.
   * @throws AppError UNAUTHENTICATED | STATE_INVALID | LOCKED | VALIDATION (body.code wrong)
   */
  function enableTotp(ctx: TRequestContext, input: TTotpCodeRequest): Promise<TSecondFactorPassed> {
    return passWithCode(ctx, input.code, { action: 'identity.totp_enable', isEnrolment: true })
  }

  /**
   * Passes the second factor of this session with a code from the enrolled authenticator.
   * @throws AppError UNAUTHENTICATED | STATE_INVALID (none enrolled) | LOCKED | VALIDATION (body.code wrong)
   */
  function verifyTotp(ctx: TRequestContext, input: TTotpCodeRequest): Promise<TSecondFactorPassed> {
    return passWithCode(ctx, input.code, { action: 'identity.second_factor', isEnrolment: false })
  }

  return { setupTotp, enableTotp, verifyTotp }
}

export type TSecondFactor = ReturnType<typeof createSecondFactor>
