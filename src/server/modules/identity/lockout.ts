import { maskMobile } from '#shared/validators/index.ts'
import type { TClock } from '../../clock.ts'
import type { TRequestContext } from '../../context.ts'
import type { TDb } from '../../db/transaction.ts'
import { AppError } from '../../errors.ts'
import type { TAuditService } from '../audit/audit.service.ts'
import * as eventsRepo from './auth-events.repo.ts'
import type { TAttemptMethod, TFailureReason } from './auth-events.repo.ts'
import type { TIdentityConfig } from './identity.config.ts'
import { lockStateOf, minutesUntil, type TLockState } from './limits.ts'

/** The audit action of an attempt: the step it was part of. */
function auditActionOf(method: TAttemptMethod): string {
  if (method === 'totp') return 'identity.second_factor'
  if (method === 'close_account') return 'identity.account_close'
  return 'identity.sign_in'
}

/**
 * Sign-in lockout (MLPS 身份鉴别 b): every attempt is recorded in sign_in_attempt; `accountMaxFailures`
 * counted failures of one account (phone) or `ipMaxFailures` from one address within the window refuse
 * further attempts with LOCKED, even with the right password, until the window has passed.
 */
export function createLockout(deps: { db: TDb; clock: TClock; audit: TAuditService; config: TIdentityConfig }) {
  const { clock, config } = deps
  const windowMs = config.lockout.windowMinutes * 60_000

  async function stateOf(db: TDb, accountKey: string, ip: string): Promise<{ account: TLockState; ip: TLockState }> {
    const now = clock.now()
    const since = new Date(now.getTime() - windowMs)
    const max = config.lockout
    const [accountEvents, ipEvents] = [
      await eventsRepo.listLockoutEventsOfAccount(db, accountKey, since, max.accountMaxFailures),
      await eventsRepo.listLockoutEventsOfIp(db, ip, since, max.ipMaxFailures),
    ]
    const toEvents = (rows: typeof accountEvents) =>
      rows.map((r) => ({ at: r.created_at, succeeded: r.succeeded, failureReason: r.failure_reason }))
    return {
      account: lockStateOf(toEvents(accountEvents), now, {
        maxFailures: max.accountMaxFailures,
        windowMs,
        isResetBySuccess: true,
      }),
      ip: lockStateOf(toEvents(ipEvents), now, { maxFailures: max.ipMaxFailures, windowMs, isResetBySuccess: false }),
    }
  }

  /**
   * Refuses the attempt when the account or the address is locked; the refusal is recorded (as 'locked', which
   * does not prolong the lock) and audited.
   * @throws AppError LOCKED with the minutes left
   */
  async function assertNotLocked(
    ctx: TRequestContext,
    attempt: { accountKey: string; method: TAttemptMethod; userId: string | null },
  ): Promise<void> {
    const state = await stateOf(deps.db, attempt.accountKey, ctx.ip)
    const until = [state.account, state.ip].flatMap((s) => (s.isLocked ? [s.until] : []))
    if (until.length === 0) return
    const latest = new Date(Math.max(...until.map((d) => d.getTime())))
    const now = clock.now()
    await eventsRepo.insertAttempt(deps.db, {
      account_key: attempt.accountKey,
      ip: ctx.ip,
      method: attempt.method,
      failure_reason: 'locked',
      created_at: now,
    })
    await deps.audit.record({
      actorId: ctx.actor?.userId ?? null,
      action: auditActionOf(attempt.method),
      targetType: 'user',
      targetId: attempt.userId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      result: 'denied',
      detail: { reason: 'locked', phone: maskMobile(attempt.accountKey), method: attempt.method },
    })
    const minutes = minutesUntil(latest, now)
    throw new AppError('LOCKED', `sign-in locked for ${minutes} min`, { vars: { minutes }, details: { minutes } })
  }

  /**
   * Records a failed attempt (committed even though the request fails) and audits it; when this failure
   * locks the account or the address, the lockout is audited too.
   */
  async function recordFailure(
    ctx: TRequestContext,
    attempt: { accountKey: string; method: TAttemptMethod; reason: TFailureReason; userId: string | null },
  ): Promise<void> {
    await eventsRepo.insertAttempt(deps.db, {
      account_key: attempt.accountKey,
      ip: ctx.ip,
      method: attempt.method,
      failure_reason: attempt.reason,
      created_at: clock.now(),
    })
    const phone = maskMobile(attempt.accountKey)
    const base = {
      actorId: ctx.actor?.userId ?? null,
      targetType: 'user',
      targetId: attempt.userId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    }
    const action = auditActionOf(attempt.method)
    await deps.audit.record({
      ...base,
      action,
      result: 'failure',
      detail: { reason: attempt.reason, phone, method: attempt.method },
    })
    const state = await stateOf(deps.db, attempt.accountKey, ctx.ip)
    for (const [scope, lock] of [
      ['account', state.account],
      ['ip', state.ip],
    ] as const) {
      if (!lock.isLocked) continue
      await deps.audit.record({
        ...base,
        action: 'identity.lockout',
        result: 'success',
        detail: { scope, phone, until: lock.until.toISOString() },
      })
    }
  }

  /** Records a successful attempt, inside the caller's transaction. */
  async function recordSuccess(
    trx: TDb,
    ctx: TRequestContext,
    attempt: { accountKey: string; method: TAttemptMethod },
  ) {
    await eventsRepo.insertAttempt(trx, {
      account_key: attempt.accountKey,
      ip: ctx.ip,
      method: attempt.method,
      failure_reason: null,
      created_at: clock.now(),
    })
  }

  return { assertNotLocked, recordFailure, recordSuccess }
}

export type TLockout = ReturnType<typeof createLockout>
