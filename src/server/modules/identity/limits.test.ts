import { describe, expect, it } from 'vitest'
import { lockStateOf, minutesUntil, retryAfterSeconds, type TAttemptEvent } from './limits.ts'

const NOW = new Date('2026-12-01T08:00:00Z')
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000)
const fail = (secondsAgo: number, reason = 'bad_credentials'): TAttemptEvent => ({
  at: ago(secondsAgo),
  succeeded: false,
  failureReason: reason,
})
const ok = (secondsAgo: number): TAttemptEvent => ({ at: ago(secondsAgo), succeeded: true, failureReason: null })
const RULE = { maxFailures: 3, windowMs: 15 * 60_000, isResetBySuccess: true }

describe('lockStateOf', () => {
  it('is not locked below the threshold', () => {
    expect(lockStateOf([fail(10), fail(20)], NOW, RULE)).toEqual({ isLocked: false })
  })

  it('locks at the threshold until the oldest counted failure leaves the window', () => {
    expect(lockStateOf([fail(10), fail(20), fail(30)], NOW, RULE)).toEqual({
      isLocked: true,
      until: new Date(ago(30).getTime() + 15 * 60_000),
    })
  })

  it('ignores failures outside the window', () => {
    expect(lockStateOf([fail(10), fail(20), fail(15 * 60 + 1)], NOW, RULE)).toEqual({ isLocked: false })
  })

  it('a success ends the run of failures of an account, not of an address', () => {
    const events = [fail(10), fail(20), ok(25), fail(30)]
    expect(lockStateOf(events, NOW, RULE).isLocked).toBe(false)
    expect(lockStateOf(events, NOW, { ...RULE, isResetBySuccess: false }).isLocked).toBe(true)
  })

  it('does not count refusals because of the lock', () => {
    expect(lockStateOf([fail(5, 'locked'), fail(10), fail(20)], NOW, RULE).isLocked).toBe(false)
    expect(lockStateOf([fail(5, 'bad_second_factor'), fail(10), fail(20)], NOW, RULE).isLocked).toBe(true)
  })
})

describe('minutesUntil', () => {
  it('rounds up and is at least 1', () => {
    expect(minutesUntil(new Date(NOW.getTime() + 61_000), NOW)).toBe(2)
    expect(minutesUntil(new Date(NOW.getTime() + 1_000), NOW)).toBe(1)
    expect(minutesUntil(NOW, NOW)).toBe(1)
  })
})

describe('retryAfterSeconds', () => {
  const rules = [
    { max: 1, windowMs: 60_000 },
    { max: 3, windowMs: 3_600_000 },
  ]

  it('is 0 while every rule has room', () => {
    expect(retryAfterSeconds([], NOW, rules)).toBe(0)
    expect(retryAfterSeconds([ago(61)], NOW, rules)).toBe(0)
  })

  it('waits for the newest event to leave a full short window', () => {
    expect(retryAfterSeconds([ago(20)], NOW, rules)).toBe(40)
  })

  it('waits for the longest of several full windows', () => {
    expect(retryAfterSeconds([ago(100), ago(200), ago(300)], NOW, rules)).toBe(3600 - 300)
  })
})
