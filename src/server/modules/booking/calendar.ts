import type { TBookingRules, TBookingStatus, TBusyBlock, TCalendarDay } from '#shared/contracts/booking.ts'
import type { TMaintenanceWindow } from './booking-checks.ts'
import type { THolidayCalendar } from './holidays.ts'
import { openIntervalsOf } from './opening-hours.ts'
import { daysBetween, toShanghaiIso } from './time.ts'

/**
 * The free/busy calendar of an instrument (issue 5 item 2), built from its rules, the holiday calendar,
 * its active bookings and maintenance windows. Everything is in Asia/Shanghai, whatever the reader's zone.
 */

/** Most days one calendar request covers (a month view with its leading and trailing weeks). */
export const MAX_CALENDAR_DAYS = 62

/**
 * @param rules the instrument's rules
 * @param calendar holidays and adjusted workdays
 * @param from first day, YYYY-MM-DD
 * @param to last day (included)
 * @returns each day with its kind, holiday name and opening intervals (none on holidays or unknown days)
 */
export function buildCalendarDays(
  rules: TBookingRules,
  calendar: THolidayCalendar,
  from: string,
  to: string,
): TCalendarDay[] {
  return daysBetween(from, to).map((date) => {
    const day = calendar.dayInfo(date)
    const open = openIntervalsOf(rules, [day]).map((i) => ({
      start: toShanghaiIso(i.start),
      end: toShanghaiIso(i.end),
    }))
    return { date, kind: day.kind, name: day.name, open }
  })
}

/** An active booking as the calendar needs it. */
export type TBusyBooking = {
  id: string
  start: Date
  end: Date
  status: TBookingStatus
  mode: 'self' | 'with_operator'
  userId: string
  userName: string
}

/**
 * Busy blocks for a reader: anonymous readers and other people see only that a time is taken; a person
 * sees their own bookings; managers see who booked.
 * @param viewer the reader (null: anonymous) and whether they manage the instrument
 */
export function buildBusyBlocks(
  bookings: readonly TBusyBooking[],
  maintenance: readonly (TMaintenanceWindow & { id: string })[],
  viewer: { userId: string | null; isManager: boolean },
): TBusyBlock[] {
  const taken: TBusyBlock[] = bookings.map((b) => {
    const isMine = b.userId === viewer.userId
    const isShown = isMine || viewer.isManager
    return {
      start: toShanghaiIso(b.start),
      end: toShanghaiIso(b.end),
      kind: 'booking',
      isMine,
      booking: isShown
        ? { id: b.id, status: b.status, mode: b.mode, user: { id: b.userId, displayName: b.userName } }
        : null,
      reason: null,
    }
  })
  const closed: TBusyBlock[] = maintenance.map((m) => ({
    start: toShanghaiIso(m.start),
    end: toShanghaiIso(m.end),
    kind: 'maintenance',
    isMine: false,
    booking: null,
    reason: m.reason,
  }))
  return [...taken, ...closed].sort((a, b) => a.start.localeCompare(b.start))
}
