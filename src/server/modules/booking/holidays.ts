import chineseDays from 'chinese-days'
import type { TDayKind } from '#shared/contracts/booking.ts'
import { AppError } from '../../errors.ts'
import { isoWeekdayOf } from './time.ts'

/**
 * China's public holidays and adjusted workdays (调休), from the bundled `chinese-days` data, replaced year
 * by year by what an admin loaded (booking_calendar_day). Holidays are announced by the State Council each
 * November for the next year, so a date past the data is not guessed: it is `unknown`, and booking it is
 * refused with a request to load that year's calendar.
 */

/** One day as the booking rules see it. */
export type TDayInfo = { date: string; kind: TDayKind; name: string | null }

/** A loaded year: date → name, for holidays and for adjusted workdays. */
export type TLoadedYear = { holidays: Map<string, string>; workdays: Map<string, string> }

/** Days of a year by where they came from; built by the service from the database and the package. */
export type THolidayCalendar = {
  /** The kind of a day; `unknown` when its year is neither bundled nor loaded. */
  dayInfo: (date: string) => TDayInfo
  /** Where a year's data comes from. */
  sourceOf: (year: number) => 'loaded' | 'bundled' | 'missing'
}

const bundledYears = new Map<number, boolean>()

/**
 * True when the bundled data covers a year. Every covered year has statutory holidays on weekdays (元旦,
 * 春节…); a year without any is past the data, where the package answers "ordinary day" for everything.
 */
export function isYearBundled(year: number): boolean {
  let isBundled = bundledYears.get(year)
  if (isBundled === undefined) {
    isBundled = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0
    bundledYears.set(year, isBundled)
  }
  return isBundled
}

/** '国庆节' from the package's 'National Day,国庆节,3'. */
function chineseName(raw: string): string {
  const parts = raw.split(',')
  return parts.length >= 2 ? (parts[1] ?? raw) : raw
}

function isWeekend(date: string): boolean {
  return isoWeekdayOf(date) >= 6
}

function bundledDay(date: string): TDayInfo {
  const detail = chineseDays.getDayDetail(date)
  const isStatutory = detail.name.includes(',')
  if (!detail.work) {
    return isStatutory
      ? { date, kind: 'holiday', name: chineseName(detail.name) }
      : { date, kind: 'weekend', name: null }
  }
  if (isWeekend(date)) return { date, kind: 'adjusted_workday', name: isStatutory ? chineseName(detail.name) : null }
  return { date, kind: 'workday', name: null }
}

function loadedDay(date: string, year: TLoadedYear): TDayInfo {
  const holiday = year.holidays.get(date)
  if (holiday !== undefined) return { date, kind: 'holiday', name: holiday || null }
  const workday = year.workdays.get(date)
  if (workday !== undefined) {
    return { date, kind: isWeekend(date) ? 'adjusted_workday' : 'workday', name: workday || null }
  }
  return { date, kind: isWeekend(date) ? 'weekend' : 'workday', name: null }
}

/**
 * The calendar over the bundled data and the loaded years.
 * @param loaded years an admin loaded; each replaces the bundled data of its year
 */
export function createHolidayCalendar(loaded: ReadonlyMap<number, TLoadedYear>): THolidayCalendar {
  const sourceOf = (year: number) => (loaded.has(year) ? 'loaded' : isYearBundled(year) ? 'bundled' : 'missing')
  return {
    sourceOf,
    dayInfo(date) {
      const year = Number(date.slice(0, 4))
      const loadedYear = loaded.get(year)
      if (loadedYear) return loadedDay(date, loadedYear)
      if (isYearBundled(year)) return bundledDay(date)
      return { date, kind: 'unknown', name: null }
    },
  }
}

/**
 * The refusal for a day past the calendar data: an admin must load that year's holidays first.
 * @returns AppError STATE_INVALID with `details.reason = 'CALENDAR_NOT_LOADED'` and the year
 */
export function calendarNotLoaded(year: number): AppError {
  return new AppError('STATE_INVALID', `no holiday calendar for ${year}`, {
    messageKey: 'booking.CALENDAR_NOT_LOADED',
    vars: { year },
    details: { reason: 'CALENDAR_NOT_LOADED', year },
  })
}

/** The holidays and adjusted workdays of a bundled year, for GET /api/booking-calendar/:year. */
export function bundledYearDays(year: number): { date: string; kind: 'holiday' | 'workday'; name: string }[] {
  if (!isYearBundled(year)) return []
  const holidays = chineseDays
    .getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false)
    .map((date) => ({ date, kind: 'holiday' as const, name: bundledDay(date).name ?? '' }))
  const workdays = chineseDays
    .getWorkdaysInRange(`${year}-01-01`, `${year}-12-31`, true)
    .filter(isWeekend)
    .map((date) => ({ date, kind: 'workday' as const, name: bundledDay(date).name ?? '' }))
  return [...holidays, ...workdays].sort((a, b) => a.date.localeCompare(b.date))
}
