import type { TResetPasswordRequest, TSignUpRequest } from '#shared/contracts/identity.ts'
import type { TClock } from '../../clock.ts'
import type { TRequestContext } from '../../context.ts'
import { inTransaction, type TDb } from '../../db/transaction.ts'
import type { TAuditService } from '../audit/audit.service.ts'
import { fieldError, type TFieldIssue } from '../../errors.ts'
import type { TIdentityConfig } from './identity.config.ts'
import { passwordIssues } from './password-issues.ts'
import { hashPassword } from './secrets.ts'
import * as sessionsRepo from './sessions.repo.ts'
import type { TSessions } from './sessions.ts'
import { openSession, signedIn, type TSignedIn } from './sign-in.ts'
import type { TSmsCheck, TSmsCodes, TSmsPurpose } from './sms-codes.ts'
import * as usersRepo from './users.repo.ts'

type TDeps = {
  db: TDb
  clock: TClock
  audit: TAuditService
  config: TIdentityConfig
  sessions: TSessions
  smsCodes: TSmsCodes
}

function smsCodeIssue(reason: 'wrong' | 'expired', path = 'body.smsCode'): TFieldIssue {
  return { path, messageKey: reason === 'wrong' ? 'identity.SMS_CODE_WRONG' : 'identity.SMS_CODE_EXPIRED' }
}

/** Registration of a person (个人用户注册) and 忘记密码. */
export function createSignUp(deps: TDeps) {
  const { db, clock, config } = deps

  /** Checks the SMS code; a bad one is a field error of `body.smsCode`. */
  async function requireSmsCode(phone: string, purpose: TSmsPurpose, code: string): Promise<string> {
    const check: TSmsCheck = await deps.smsCodes.checkCode({ phone, purpose, code })
    if (!check.isValid) throw fieldError('VALIDATION', [smsCodeIssue(check.reason)])
    return check.codeId
  }

  /**
   * Creates an account for a phone number its owner has proved with an SMS code, records which privacy
   * policy version they accepted and when (PIPL Art. 17, 29), and signs them in. Nothing is created on any
   * error; a wrong SMS code still counts towards the code's wrong tries.
   * @throws AppError VALIDATION (password rules, consent, SMS code: field errors) | CONFLICT (body.phone taken)
   */
  async function signUp(ctx: TRequestContext, input: TSignUpRequest): Promise<TSignedIn> {
    const issues = passwordIssues(input.password, input.phone, 'body.password')
    if (!input.acceptPrivacy) issues.push({ path: 'body.acceptPrivacy', messageKey: 'identity.PRIVACY_NOT_ACCEPTED' })
    if (input.privacyVersion !== config.privacyVersion) {
      issues.push({ path: 'body.privacyVersion', messageKey: 'identity.PRIVACY_OUTDATED' })
    }
    if (issues.length > 0) throw fieldError('VALIDATION', issues)
    const codeId = await requireSmsCode(input.phone, 'sign_up', input.smsCode)
    const passwordHash = await hashPassword(input.password)
    const opened = await inTransaction(db, async (trx) => {
      if (await usersRepo.findUserByPhone(trx, input.phone)) {
        throw fieldError(
          'CONFLICT',
          [{ path: 'body.phone', messageKey: 'identity.PHONE_TAKEN' }],
          'identity.PHONE_TAKEN',
        )
      }
      if (!(await deps.smsCodes.consumeCode(trx, codeId))) throw fieldError('VALIDATION', [smsCodeIssue('expired')])
      const now = clock.now()
      const userId = await usersRepo.insertUser(trx, {
        display_name: input.displayName,
        phone: input.phone,
        password_hash: passwordHash,
        status: 'active',
        privacy_version: input.privacyVersion,
        privacy_consented_at: now,
        password_changed_at: now,
        created_at: now,
      })
      const session = await openSession(deps, trx, ctx, { userId, action: 'identity.sign_up', method: 'sms' })
      return { ...session, userId }
    })
    return signedIn(db, opened.userId, opened)
  }

  /**
   * Sets a new password for the account of a phone number its owner has proved with an SMS code, and ends
   * every session of that account.
   * @throws AppError VALIDATION (password rules, SMS code, body.phone without an account: field errors)
   */
  async function resetPassword(ctx: TRequestContext, input: TResetPasswordRequest): Promise<void> {
    const issues = passwordIssues(input.newPassword, input.phone, 'body.newPassword')
    if (issues.length > 0) throw fieldError('VALIDATION', issues)
    const codeId = await requireSmsCode(input.phone, 'reset_password', input.smsCode)
    const passwordHash = await hashPassword(input.newPassword)
    await inTransaction(db, async (trx) => {
      // Only the owner of the number gets here (the code proved it), so naming the missing account is safe.
      const user = await usersRepo.findUserByPhone(trx, input.phone)
      if (!user) throw fieldError('VALIDATION', [{ path: 'body.phone', messageKey: 'identity.PHONE_NOT_REGISTERED' }])
      if (!(await deps.smsCodes.consumeCode(trx, codeId))) throw fieldError('VALIDATION', [smsCodeIssue('expired')])
      const now = clock.now()
      await usersRepo.updateUser(trx, user.id, { password_hash: passwordHash, password_changed_at: now })
      const sessions = await sessionsRepo.revokeSessionsOfUser(trx, user.id, now, 'password_reset')
      await deps.audit.record(
        {
          actorId: user.id,
          action: 'identity.password_reset',
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

  return { signUp, resetPassword }
}

export type TSignUp = ReturnType<typeof createSignUp>
