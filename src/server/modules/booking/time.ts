/**
 * Wall-clock arithmetic in Asia/Shanghai. China has kept UTC+8 without daylight saving since 1991, so a fixed
 * offset is exact for every date the platform books; no time-zone database is needed.
 */

export const MINUTE_MS = 60_000
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS
export const SHANGHAI_OFFSET_MS = 8 * HOUR_MS
export const SHANGHAI_TIME_ZONE = 'Asia/Shanghai'

/** A half-open interval of instants [start, end). */
export type TInterval = { start: Date; end: Date }

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** The instant as Shanghai wall-clock fields (read with the UTC getters). */
function shifted(at: Date): Date {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS)
}

/** @returns the Shanghai calendar day of an instant, YYYY-MM-DD */
export function localDateOf(at: Date): string {
  return shifted(at).toISOString().slice(0, 10)
}

/** @returns minutes after Shanghai midnight (0–1439); seconds are dropped */
export function localMinuteOf(at: Date): number {
  const s = shifted(at)
  return s.getUTCHours() * 60 + s.getUTCMinutes()
}

/** @returns the instant of 00:00 in Shanghai on that day */
export function localMidnight(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS)
}

/** @returns the ISO weekday of a calendar day: 1 = Monday … 7 = Sunday */
export function isoWeekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay()
  return day === 0 ? 7 : day
}

/** @returns the calendar day `days` after (or before, when negative) `date` */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** @returns every calendar day from `from` to `to`, both included */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d)
  return days
}

/** @returns the Shanghai calendar days an interval touches (its end is exclusive) */
export function localDatesOf(interval: TInterval): string[] {
  return daysBetween(localDateOf(interval.start), localDateOf(new Date(interval.end.getTime() - 1)))
}

/** @returns the instant written with the Shanghai offset, e.g. 2026-10-09T09:00:00+08:00 */
export function toShanghaiIso(at: Date): string {
  const s = shifted(at)
  return (
    `${s.getUTCFullYear()}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())}` +
    `T${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}:${pad(s.getUTCSeconds())}+08:00`
  )
}

/**
 * The quota period an instant falls in: the ISO week (Monday 00:00 Shanghai) or the calendar month.
 * @returns [start, end) of that period
 */
export function periodOf(at: Date, period: 'week' | 'month'): TInterval {
  const date = localDateOf(at)
  if (period === 'week') {
    const monday = addDays(date, 1 - isoWeekdayOf(date))
    return { start: localMidnight(monday), end: localMidnight(addDays(monday, 7)) }
  }
  const [year, month] = date.split('-').map(Number) as [number, number]
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`
  return { start: localMidnight(`${year}-${pad(month)}-01`), end: localMidnight(next) }
}

/** @returns true when the two half-open intervals share an instant */
export function overlaps(a: TInterval, b: TInterval): boolean {
  return a.start < b.end && b.start < a.end
}

/** @returns whole minutes from start to end */
export function minutesOf(interval: TInterval): number {
  return Math.round((interval.end.getTime() - interval.start.getTime()) / MINUTE_MS)
}
