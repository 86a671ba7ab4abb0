import type { TBookingRules } from '#shared/contracts/booking.ts'
import { AppError, type TErrorCode } from '../../errors.ts'
import type { THolidayCalendar } from './holidays.ts'
import { isInsideOpening, openIntervalsOf } from './opening-hours.ts'
import {
  DAY_MS,
  localDatesOf,
  localMinuteOf,
  MINUTE_MS,
  minutesOf,
  overlaps,
  toShanghaiIso,
  type TInterval,
} from './time.ts'

/**
 * The pure checks of a requested time range against an instrument's rules (issue 5 item 1 and "bad
 * input"): each broken rule is one violation with a stable reason, worded by booking.messages.ts.
 */

export const WINDOW_REASONS = [
  'RANGE_INVALID',
  'IN_PAST',
  'NOTICE_TOO_SHORT',
  'TOO_FAR_AHEAD',
  'SLOT_MISALIGNED',
  'TOO_LONG',
  'CALENDAR_NOT_LOADED',
  'CLOSED_HOLIDAY',
  'OUTSIDE_OPENING_HOURS',
  'IN_MAINTENANCE',
] as const
export const QUOTA_REASONS = ['USER_QUOTA_EXCEEDED', 'ORG_QUOTA_EXCEEDED', 'NO_SHOW_LIMIT'] as const
export type TViolationReason = (typeof WINDOW_REASONS)[number] | (typeof QUOTA_REASONS)[number]

/** A broken rule: why, and the values its message names. */
export type TViolation = { reason: TViolationReason; vars: Record<string, string | number> }

/** A maintenance window as the checks see it. */
export type TMaintenanceWindow = TInterval & { reason: string }

export type TWindowInput = {
  rules: TBookingRules
  range: TInterval
  now: Date
  calendar: THolidayCalendar
  maintenance: readonly TMaintenanceWindow[]
}

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100
/** 2026-10-09 09:00 (Shanghai), for messages. */
const wallClock = (at: Date) => toShanghaiIso(at).slice(0, 16).replace('T', ' ')

function isAligned(at: Date, slotMinutes: number): boolean {
  return at.getTime() % MINUTE_MS === 0 && localMinuteOf(at) % slotMinutes === 0
}

/** Time rules that need no calendar: order, past, notice, advance, slot alignment, length. */
function findTimingViolation({ rules, range, now }: TWindowInput): TViolation | null {
  if (range.end <= range.start) return { reason: 'RANGE_INVALID', vars: {} }
  if (range.start < now) return { reason: 'IN_PAST', vars: {} }
  if (range.start.getTime() - now.getTime() < rules.minNoticeMinutes * MINUTE_MS) {
    return { reason: 'NOTICE_TOO_SHORT', vars: { hours: hours(rules.minNoticeMinutes) } }
  }
  if (range.start.getTime() - now.getTime() > rules.maxAdvanceDays * DAY_MS) {
    return { reason: 'TOO_FAR_AHEAD', vars: { days: rules.maxAdvanceDays } }
  }
  if (!isAligned(range.start, rules.slotMinutes) || !isAligned(range.end, rules.slotMinutes)) {
    return { reason: 'SLOT_MISALIGNED', vars: { minutes: rules.slotMinutes } }
  }
  if (minutesOf(range) > rules.maxMinutes) return { reason: 'TOO_LONG', vars: { hours: hours(rules.maxMinutes) } }
  return null
}

/** Calendar rules: data for every day, holidays, opening hours (调休 included), maintenance. */
function findCalendarViolation({ rules, range, calendar, maintenance }: TWindowInput): TViolation | null {
  const days = localDatesOf(range).map((date) => calendar.dayInfo(date))
  const unknown = days.find((d) => d.kind === 'unknown')
  if (unknown) return { reason: 'CALENDAR_NOT_LOADED', vars: { year: Number(unknown.date.slice(0, 4)) } }
  if (!isInsideOpening(range, openIntervalsOf(rules, days))) {
    const holiday = days.find((d) => d.kind === 'holiday')
    if (holiday && !rules.isOpenOnHolidays) {
      return { reason: 'CLOSED_HOLIDAY', vars: { date: holiday.date, name: holiday.name ?? '' } }
    }
    return { reason: 'OUTSIDE_OPENING_HOURS', vars: {} }
  }
  const window = maintenance.find((m) => overlaps(m, range))
  if (window) {
    return { reason: 'IN_MAINTENANCE', vars: { from: wallClock(window.start), to: wallClock(window.end) } }
  }
  return null
}

/**
 * Checks a requested range in the order a person would fix it: timing first, then the calendar.
 * @param input the rules, the range, now, the holiday calendar and the instrument's maintenance windows
 * @returns the first broken rule, or null when the range may be booked (overlaps are the database's job)
 */
export function findWindowViolation(input: TWindowInput): TViolation | null {
  return findTimingViolation(input) ?? findCalendarViolation(input)
}

export type TQuotaInput = {
  rules: TBookingRules
  /** Minutes asked for. */
  minutes: number
  /** Minutes the person already holds on this instrument in the period of the start. */
  userUsedMinutes: number
  /** Minutes the person's organisation already holds (null when booking as an individual). */
  orgUsedMinutes: number | null
  /** The person's no-shows on this instrument in the last 90 days. */
  noShows: number
}

/**
 * Per-person and per-organisation quotas, and the no-show limit.
 * @returns the first broken rule, or null
 */
export function findQuotaViolation({
  rules,
  minutes,
  userUsedMinutes,
  orgUsedMinutes,
  noShows,
}: TQuotaInput): TViolation | null {
  if (rules.noShowLimit !== null && noShows >= rules.noShowLimit) {
    return { reason: 'NO_SHOW_LIMIT', vars: { count: noShows } }
  }
  const period = rules.quotaPeriod
  if (rules.userQuotaMinutes !== null && userUsedMinutes + minutes > rules.userQuotaMinutes) {
    return {
      reason: 'USER_QUOTA_EXCEEDED',
      vars: { period, hours: hours(rules.userQuotaMinutes), used: hours(userUsedMinutes) },
    }
  }
  if (rules.orgQuotaMinutes !== null && orgUsedMinutes !== null && orgUsedMinutes + minutes > rules.orgQuotaMinutes) {
    return {
      reason: 'ORG_QUOTA_EXCEEDED',
      vars: { period, hours: hours(rules.orgQuotaMinutes), used: hours(orgUsedMinutes) },
    }
  }
  return null
}

/** True when a booking of this person must be checked against a quota (read under the instrument's lock). */
export function hasQuota(rules: TBookingRules, orgId: string | null): boolean {
  return rules.userQuotaMinutes !== null || (rules.orgQuotaMinutes !== null && orgId !== null)
}

const CODE_OF: Partial<Record<TViolationReason, TErrorCode>> = {
  CALENDAR_NOT_LOADED: 'STATE_INVALID',
  USER_QUOTA_EXCEEDED: 'STATE_INVALID',
  ORG_QUOTA_EXCEEDED: 'STATE_INVALID',
  NO_SHOW_LIMIT: 'FORBIDDEN',
}

/**
 * The AppError of a violation: VALIDATION for a range that breaks a rule, STATE_INVALID for a missing
 * calendar or a used-up quota, FORBIDDEN past the no-show limit. `details.reason` names the rule.
 */
export function violationError(violation: TViolation): AppError {
  const code = CODE_OF[violation.reason] ?? 'VALIDATION'
  // Quotas are worded per period: "this week" / "this month".
  const suffix = typeof violation.vars.period === 'string' ? `_${violation.vars.period.toUpperCase()}` : ''
  return new AppError(code, `booking refused: ${violation.reason}`, {
    messageKey: `booking.${violation.reason}${suffix}`,
    vars: violation.vars,
    details: { reason: violation.reason, ...violation.vars },
  })
}
