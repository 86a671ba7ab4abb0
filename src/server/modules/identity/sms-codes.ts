import type { TDevSmsResponse, TRequestSmsCodeRequest, TRequestSmsCodeResponse } from '#shared/contracts/identity.ts'
import type { TSmsGateway } from '../../adapters/sms-gateway.ts'
import type { TClock } from '../../clock.ts'
import type { TRequestContext } from '../../context.ts'
import { inTransaction, type TDb } from '../../db/transaction.ts'
import { AppError } from '../../errors.ts'
import * as eventsRepo from './auth-events.repo.ts'
import type { TIdentityConfig } from './identity.config.ts'
import { retryAfterSeconds } from './limits.ts'
import { hashSmsCode, isSameDigest, newSmsCode } from './secrets.ts'

export type TSmsPurpose = TRequestSmsCodeRequest['purpose']

/** Outcome of checking a code: its id (to consume it with the write it authorises), or why it failed. */
export type TSmsCheck = { isValid: true; codeId: string } | { isValid: false; reason: 'wrong' | 'expired' }

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** The text of the message (a carrier's signed template: always Chinese, whatever the page's language). */
export function smsText(code: string, minutes: number): string {
  return `【科享】您的验证码是${code}，${minutes}分钟内有效。如非本人操作，请忽略。`
}

/**
 * One-time SMS codes (standards-and-conventions §2.3): 6 digits, stored as a digest, valid `codeTtlMinutes`,
 * single use, dead after `maxWrongTries` wrong entries; only the newest code of a number and purpose counts.
 * Requests are limited per number (1 per resend interval, per hour, per day) and per IP address (per hour).
 */
export function createSmsCodes(deps: { db: TDb; clock: TClock; sms: TSmsGateway; config: TIdentityConfig }) {
  const { clock, config } = deps
  const rules = config.sms

  /**
   * Sends a new code to `phone`. The answer is the same whether or not the number has an account, so this
   * endpoint cannot be used to find out who is registered.
   * @throws AppError RATE_LIMITED with `details.retryAfterSeconds`
   */
  async function requestCode(ctx: TRequestContext, input: TRequestSmsCodeRequest): Promise<TRequestSmsCodeResponse> {
    const code = newSmsCode()
    await inTransaction(deps.db, async (trx) => {
      await eventsRepo.lockPhoneForSms(trx, input.phone)
      const now = clock.now()
      const phoneTimes = await eventsRepo.listSmsTimesOfPhone(trx, input.phone, new Date(now.getTime() - DAY))
      const ipTimes = await eventsRepo.listSmsTimesOfIp(trx, ctx.ip, new Date(now.getTime() - HOUR))
      const wait = Math.max(
        retryAfterSeconds(phoneTimes, now, [
          { max: 1, windowMs: rules.resendSeconds * 1000 },
          { max: rules.perPhonePerHour, windowMs: HOUR },
          { max: rules.perPhonePerDay, windowMs: DAY },
        ]),
        retryAfterSeconds(ipTimes, now, [{ max: rules.perIpPerHour, windowMs: HOUR }]),
      )
      if (wait > 0) {
        throw new AppError('RATE_LIMITED', `SMS code rate limit: retry in ${wait} s`, {
          messageKey: 'identity.SMS_RATE_LIMITED',
          vars: { seconds: wait },
          details: { retryAfterSeconds: wait },
        })
      }
      await eventsRepo.insertSmsCode(trx, {
        phone: input.phone,
        purpose: input.purpose,
        code_hash: hashSmsCode(code, input.phone, input.purpose),
        ip: ctx.ip,
        created_at: now,
        expires_at: new Date(now.getTime() + rules.codeTtlMinutes * MINUTE),
      })
    })
    // After the commit: the code must exist before the person can type it.
    await deps.sms.send(input.phone, smsText(code, rules.codeTtlMinutes))
    return { resendAfterSeconds: rules.resendSeconds, expiresInSeconds: rules.codeTtlMinutes * 60 }
  }

  /**
   * Checks a code without using it up. A wrong entry is counted (and committed) at once; a code that is
   * expired, used, or has had `maxWrongTries` wrong entries is 'expired'. Call {@link consumeCode} in the
   * transaction of the write the code authorises, so a failed write leaves the code usable.
   */
  async function checkCode(input: { phone: string; purpose: TSmsPurpose; code: string }): Promise<TSmsCheck> {
    return inTransaction(deps.db, async (trx) => {
      const row = await eventsRepo.findLatestSmsCodeForUpdate(trx, input.phone, input.purpose)
      const now = clock.now()
      const isUsable =
        row &&
        row.consumed_at === null &&
        row.expires_at.getTime() > now.getTime() &&
        row.attempts < rules.maxWrongTries
      if (!row || !isUsable) return { isValid: false, reason: 'expired' }
      if (!isSameDigest(row.code_hash, hashSmsCode(input.code, input.phone, input.purpose))) {
        await eventsRepo.incrementSmsCodeAttempts(trx, row.id)
        return { isValid: false, reason: 'wrong' }
      }
      return { isValid: true, codeId: row.id }
    })
  }

  /**
   * Uses a checked code up, inside the caller's transaction.
   * @returns false when a concurrent request used it first
   */
  async function consumeCode(trx: TDb, codeId: string): Promise<boolean> {
    return eventsRepo.consumeSmsCode(trx, codeId, clock.now())
  }

  /** The development gateway's latest 50 messages (the route exists only when the dev inbox is on). */
  async function listDevInbox(): Promise<TDevSmsResponse> {
    const rows = await eventsRepo.listDevSms(deps.db, 50)
    return {
      items: rows.map((r) => ({ id: r.id, phone: r.phone, body: r.body, createdAt: r.created_at.toISOString() })),
    }
  }

  return { requestCode, checkCode, consumeCode, listDevInbox }
}

export type TSmsCodes = ReturnType<typeof createSmsCodes>
