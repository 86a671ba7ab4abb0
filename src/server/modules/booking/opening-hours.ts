import type { TBookingRules, TOpenHours } from '#shared/contracts/booking.ts'
import type { TDayInfo } from './holidays.ts'
import { isoWeekdayOf, localMidnight, MINUTE_MS, type TInterval } from './time.ts'

/**
 * When an instrument is open, day by day: its weekly hours, closed on public holidays (unless the rules
 * say otherwise), and open with the workday hours on adjusted workdays (调休上班的周末).
 */

function hoursOfWeekday(rules: TBookingRules, weekday: number): [number, number][] {
  return rules.openHours[String(weekday) as keyof TOpenHours]
}

/**
 * The hours of an ordinary workday, for 调休 weekends: those of the first weekday (Monday … Friday) that
 * has any. China's adjusted workday follows the normal working schedule, whatever the weekend hours are.
 */
function workdayHours(rules: TBookingRules): [number, number][] {
  for (const weekday of [1, 2, 3, 4, 5]) {
    const hours = hoursOfWeekday(rules, weekday)
    if (hours.length > 0) return hours
  }
  return []
}

/**
 * @param rules the instrument's rules
 * @param day the day and its kind (from the holiday calendar)
 * @returns the [start, end) minute ranges the instrument is open that day (Asia/Shanghai)
 */
export function openMinutesOf(rules: TBookingRules, day: TDayInfo): [number, number][] {
  const weekday = isoWeekdayOf(day.date)
  switch (day.kind) {
    case 'unknown':
      return []
    case 'holiday':
      return rules.isOpenOnHolidays ? hoursOfWeekday(rules, weekday) : []
    case 'adjusted_workday':
      return workdayHours(rules)
    default:
      return hoursOfWeekday(rules, weekday)
  }
}

/**
 * The opening intervals over some days as instants, sorted, with touching or overlapping intervals merged —
 * so a 24-hour instrument's Monday [0, 1440) and Tuesday [0, 1440) form one interval a booking may span.
 * @param rules the instrument's rules
 * @param days consecutive days in order
 */
export function openIntervalsOf(rules: TBookingRules, days: TDayInfo[]): TInterval[] {
  const intervals = days
    .flatMap((day) => {
      const midnight = localMidnight(day.date).getTime()
      return openMinutesOf(rules, day).map(([a, b]) => ({
        start: new Date(midnight + a * MINUTE_MS),
        end: new Date(midnight + b * MINUTE_MS),
      }))
    })
    .sort((x, y) => x.start.getTime() - y.start.getTime())
  const merged: TInterval[] = []
  for (const interval of intervals) {
    const last = merged.at(-1)
    if (last && interval.start <= last.end) {
      if (interval.end > last.end) last.end = interval.end
    } else {
      merged.push({ ...interval })
    }
  }
  return merged
}

/** @returns true when the interval lies wholly inside one opening interval */
export function isInsideOpening(interval: TInterval, open: TInterval[]): boolean {
  return open.some((o) => o.start <= interval.start && interval.end <= o.end)
}
