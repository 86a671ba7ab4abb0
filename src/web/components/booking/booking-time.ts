import type { TBusyBlock, TCalendarResponse } from '../../../shared/contracts/booking.ts'

/**
 * Wall-clock arithmetic in Asia/Shanghai for the booking calendar, whatever the browser's zone: China keeps
 * UTC+8 all year, so a fixed offset is exact (the server does the same).
 */

const MINUTE_MS = 60_000
const DAY_MS = 1440 * MINUTE_MS
const OFFSET_MS = 8 * 60 * MINUTE_MS

/** @returns the Shanghai calendar day of an instant, YYYY-MM-DD */
export function shanghaiDateOf(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10)
}

/** @returns the day `days` after `date` */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** @returns the Monday of the week `date` falls in */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
  return addDays(date, weekday === 0 ? -6 : 1 - weekday)
}

/** @returns the instant of `minute` minutes after Shanghai midnight of `date` */
export function instantOf(date: string, minute: number): number {
  return Date.parse(`${date}T00:00:00Z`) - OFFSET_MS + minute * MINUTE_MS
}

/** @returns the instant written with +08:00, as the API takes it */
export function toShanghaiIso(ms: number): string {
  return `${new Date(ms + OFFSET_MS).toISOString().slice(0, 19)}+08:00`
}

/** @returns HH:mm of a minute of the day (1440 is 24:00) */
export function clockOf(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`
}

/** @returns 'YYYY-MM-DD HH:mm' in Shanghai time of an ISO instant */
export function wallClockOf(iso: string): string {
  return toShanghaiIso(Date.parse(iso)).slice(0, 16).replace('T', ' ')
}

/**
 * The height of one grid row in minutes: the slot, or a multiple of it of at least 30 minutes that still
 * divides the day, so selections stay on the slot grid without a row per 5 minutes.
 */
export function cellMinutesOf(slotMinutes: number): number {
  for (let cell = slotMinutes; cell <= 1440; cell += slotMinutes) {
    if (cell >= 30 && 1440 % cell === 0) return cell
  }
  return slotMinutes
}

/** The rows a week needs: from the earliest opening to the latest closing (08:00–18:00 when all closed). */
export function visibleMinutes(calendar: TCalendarResponse, cellMinutes: number): { from: number; to: number } {
  let from = 1440
  let to = 0
  for (const day of calendar.days) {
    for (const open of day.open) {
      const start = Math.round((Date.parse(open.start) - instantOf(day.date, 0)) / MINUTE_MS)
      const end = Math.round((Date.parse(open.end) - instantOf(day.date, 0)) / MINUTE_MS)
      from = Math.min(from, start)
      to = Math.max(to, Math.min(end, 1440))
    }
  }
  if (from >= to) return { from: 8 * 60, to: 18 * 60 }
  return { from: Math.floor(from / cellMinutes) * cellMinutes, to: Math.ceil(to / cellMinutes) * cellMinutes }
}

/** `current`: the booking being rescheduled, which may be moved onto its own time. */
export type TCellState = 'free' | 'current' | 'closed' | 'unavailable' | 'busy' | 'mine' | 'maintenance'

/**
 * What one cell of the grid is.
 * @param ignoreBookingId a booking being rescheduled: its own cells are `current` (selectable)
 */
export function cellState(
  calendar: TCalendarResponse,
  date: string,
  minute: number,
  cellMinutes: number,
  ignoreBookingId: string | null,
): TCellState {
  const start = instantOf(date, minute)
  const end = start + cellMinutes * MINUTE_MS
  const day = calendar.days.find((d) => d.date === date)
  const isOpen = day?.open.some((o) => Date.parse(o.start) <= start && end <= Date.parse(o.end)) ?? false
  if (!isOpen) return 'closed'
  if (start < Date.parse(calendar.earliestStart) || start > Date.parse(calendar.latestStart)) return 'unavailable'
  const blocks = calendar.busy.filter((b: TBusyBlock) => Date.parse(b.start) < end && start < Date.parse(b.end))
  const block = blocks.find((b) => b.booking?.id !== ignoreBookingId)
  if (!block) return blocks.length > 0 ? 'current' : 'free'
  if (block.kind === 'maintenance') return 'maintenance'
  return block.isMine ? 'mine' : 'busy'
}
