import type { TSignInRequest, TSignInResponse } from '#shared/contracts/identity.ts'
import type { TClock } from '../../clock.ts'
import { requireActor, type TRequestContext } from '../../context.ts'
import { inTransaction, type TDb } from '../../db/transaction.ts'
import { AppError } from '../../errors.ts'
import type { TAuditService } from '../audit/audit.service.ts'
import type { TLockout } from './lockout.ts'
import { presentMe } from './me-presenter.ts'
import { isPasswordCorrect } from './secrets.ts'
import * as sessionsRepo from './sessions.repo.ts'
import type { TSessions } from './sessions.ts'
import type { TSmsCodes } from './sms-codes.ts'
import * as usersRepo from './users.repo.ts'

/** A new session's token (for the cookie) with the answer to send. */
export type TSignedIn = { token: string; response: TSignInResponse }

type TOpenedSession = { token: string; sessionId: string; currentOrgId: string | null }

type TDeps = {
  db: TDb
  clock: TClock
  audit: TAuditService
  sessions: TSessions
  lockout: TLockout
  smsCodes: TSmsCodes
}

/**
 * Opens a session for a user who has just proved who they are (sign-in, sign-up): revokes the session the
 * client had before, notes the sign-in time and writes the audit entry, all in `trx`.
 */
export async function openSession(
  deps: Pick<TDeps, 'sessions' | 'audit' | 'clock'>,
  trx: TDb,
  ctx: TRequestContext,
  input: { userId: string; action: string; method: string },
): Promise<TOpenedSession> {
  const opened = await deps.sessions.startSession(trx, {
    userId: input.userId,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    replacesSessionId: ctx.actor?.sessionId ?? null,
  })
  await usersRepo.updateUser(trx, input.userId, { last_sign_in_at: deps.clock.now() })
  const detail = { method: input.method, sessionId: opened.sessionId }
  await deps.audit.record(
    {
      actorId: input.userId,
      action: input.action,
      targetType: 'user',
      targetId: input.userId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      result: 'success',
      detail,
    },
    trx,
  )
  return opened
}

/** Sign-in, sign-out and sign-out everywhere. */
export function createSignIn(deps: TDeps) {
  const { db, clock } = deps

  /**
   * 账号密码登录 or 短信验证码登录. Failures answer the same for an unknown number and a wrong secret; every
   * attempt is recorded, and too many failures lock the account and the address for a while.
   * @throws AppError LOCKED | UNAUTHENTICATED (identity.BAD_CREDENTIALS / BAD_SMS_CREDENTIALS) | FORBIDDEN (disabled)
   */
  async function signIn(ctx: TRequestContext, input: TSignInRequest): Promise<TSignedIn> {
    const user = await usersRepo.findUserByPhone(db, input.phone)
    const attempt = { accountKey: input.phone, method: input.method, userId: user?.id ?? null }
    await deps.lockout.assertNotLocked(ctx, attempt)
    let smsCodeId: string | null = null
    let isProven: boolean
    if (input.method === 'password') {
      isProven = await isPasswordCorrect(user?.password_hash ?? null, input.password)
    } else {
      const check = await deps.smsCodes.checkCode({ phone: input.phone, purpose: 'sign_in', code: input.smsCode })
      smsCodeId = check.isValid ? check.codeId : null
      isProven = check.isValid && user !== undefined
    }
    const messageKey = input.method === 'password' ? 'identity.BAD_CREDENTIALS' : 'identity.BAD_SMS_CREDENTIALS'
    if (!isProven || !user) {
      await deps.lockout.recordFailure(ctx, { ...attempt, reason: 'bad_credentials' })
      throw new AppError('UNAUTHENTICATED', 'bad credentials', { messageKey })
    }
    if (user.status !== 'active') {
      await deps.lockout.recordFailure(ctx, { ...attempt, reason: 'disabled' })
      throw new AppError('FORBIDDEN', `account ${user.id} is ${user.status}`, {
        messageKey: 'identity.ACCOUNT_DISABLED',
      })
    }
    const opened = await inTransaction(db, async (trx) => {
      if (smsCodeId && !(await deps.smsCodes.consumeCode(trx, smsCodeId))) {
        throw new AppError('UNAUTHENTICATED', 'SMS code used concurrently', { messageKey })
      }
      await deps.lockout.recordSuccess(trx, ctx, { accountKey: input.phone, method: input.method })
      return openSession(deps, trx, ctx, { userId: user.id, action: 'identity.sign_in', method: input.method })
    })
    return signedIn(db, user.id, opened)
  }

  /** Ends this session. @throws AppError UNAUTHENTICATED */
  async function signOut(ctx: TRequestContext): Promise<void> {
    const actor = requireActor(ctx, { allowPendingSecondFactor: true })
    await sessionsRepo.revokeSession(db, actor.sessionId, clock.now(), 'sign_out')
  }

  /** Ends every session of the signed-in user, on every device (this one too). @throws AppError UNAUTHENTICATED */
  async function signOutAll(ctx: TRequestContext): Promise<void> {
    const actor = requireActor(ctx, { allowPendingSecondFactor: true })
    await inTransaction(db, async (trx) => {
      const count = await sessionsRepo.revokeSessionsOfUser(trx, actor.userId, clock.now(), 'sign_out_all')
      await deps.audit.record(
        {
          actorId: actor.userId,
          action: 'identity.sign_out_all',
          targetType: 'user',
          targetId: actor.userId,
          ip: ctx.ip,
          userAgent: ctx.userAgent,
          result: 'success',
          detail: { sessions: count },
        },
        trx,
      )
    })
  }

  return { signIn, signOut, signOutAll }
}

/** The answer for a freshly opened session (second factor, if needed, still pending). */
export async function signedIn(db: TDb, userId: string, opened: TOpenedSession): Promise<TSignedIn> {
  const user = await presentMe(db, userId, { currentOrgId: opened.currentOrgId, isSecondFactorPending: true })
  const secondFactor = user.secondFactor === 'passed' ? 'none' : user.secondFactor
  return { token: opened.token, response: { user, secondFactor } }
}

export type TSignIn = ReturnType<typeof createSignIn>
