/**
 * Pure counting rules behind sign-in lockout and SMS rate limits: given the recent events and "now", is the
 * caller refused, and until when. The services load the events; these functions decide.
 */

/** One recorded sign-in attempt, newest first in the lists below. */
export type TAttemptEvent = { at: Date; succeeded: boolean; failureReason: string | null }

/** Locked until `until`, or not locked. */
export type TLockState = { isLocked: false } | { isLocked: true; until: Date }

/** Failure reasons that count towards a lock (a refusal because of the lock itself does not). */
const COUNTED_FAILURES = new Set(['bad_credentials', 'bad_second_factor'])

/**
 * Whether failed attempts lock an account or an address: `maxFailures` counted failures inside the window lock
 * until the oldest of those `maxFailures` leaves the window. For an account, a success ends the run of
 * failures (MLPS: "consecutive" failures); for an IP address it does not, or one attacker's own account would
 * reset the counter of the address.
 * @param attempts recent attempts, newest first (older than the window may be included; they are ignored)
 * @param rule maxFailures, window length, and whether a success resets the count
 */
export function lockStateOf(
  attempts: readonly TAttemptEvent[],
  now: Date,
  rule: { maxFailures: number; windowMs: number; isResetBySuccess: boolean },
): TLockState {
  const windowStart = now.getTime() - rule.windowMs
  const failures: Date[] = []
  for (const attempt of attempts) {
    if (attempt.at.getTime() <= windowStart) break
    if (attempt.succeeded && rule.isResetBySuccess) break
    if (!attempt.succeeded && COUNTED_FAILURES.has(attempt.failureReason ?? '')) failures.push(attempt.at)
  }
  if (failures.length < rule.maxFailures) return { isLocked: false }
  // The lock ends when the maxFailures-th newest failure leaves the window; from then on fewer remain.
  const pivot = failures[rule.maxFailures - 1] as Date
  return { isLocked: true, until: new Date(pivot.getTime() + rule.windowMs) }
}

/** Whole minutes (at least 1) from now until `until`, for the LOCKED message. */
export function minutesUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000))
}

/** "At most `max` events per `windowMs`". */
export type TRateRule = { max: number; windowMs: number }

/**
 * Seconds until another event is allowed under every rule, or 0 when it is allowed now. For each rule that is
 * full, the answer is when its oldest counted event leaves the window; the longest wait wins.
 * @param times earlier events, newest first
 * @param rules the limits to respect together (e.g. 1 per minute, 5 per hour, 10 per day)
 */
export function retryAfterSeconds(times: readonly Date[], now: Date, rules: readonly TRateRule[]): number {
  let waitMs = 0
  for (const rule of rules) {
    const windowStart = now.getTime() - rule.windowMs
    const inWindow = times.filter((t) => t.getTime() > windowStart)
    if (inWindow.length < rule.max) continue
    const pivot = inWindow[rule.max - 1] as Date
    waitMs = Math.max(waitMs, pivot.getTime() + rule.windowMs - now.getTime())
  }
  return waitMs === 0 ? 0 : Math.max(1, Math.ceil(waitMs / 1000))
}
