import type { TRng } from './prng.ts'

/** The fixed "today" of the demo data, so that every run gives the same timestamps. */
export const DEFAULT_NOW = new Date('2026-11-01T00:00:00+08:00')

const DAY_MS = 86_400_000
const BEIJING_OFFSET_MS = 8 * 3_600_000

/** Row timestamps of a catalogue entry: created, last updated, published (null until published). */
export type TStamps = { created_at: Date; updated_at: Date; published_at: Date | null }

/**
 * A moment between minDays and maxDays before now, at whole seconds, in working hours (08–20 Beijing time)
 * more often than not, as real edits are.
 * @param rng the stream to draw from
 * @param now the fixed reference time
 */
export function daysBefore(rng: TRng, now: Date, minDays: number, maxDays: number): Date {
  const dayStart = Math.floor((now.getTime() + BEIJING_OFFSET_MS) / DAY_MS) * DAY_MS - BEIJING_OFFSET_MS
  const day = rng.int(Math.max(1, Math.ceil(minDays)), Math.max(1, Math.floor(maxDays)))
  const hour = rng.chance(0.85) ? rng.int(8, 19) : rng.int(0, 23)
  const seconds = hour * 3600 + rng.int(0, 3599)
  return new Date(dayStart - day * DAY_MS + seconds * 1000)
}

/**
 * Timestamps for a row with the given status: published rows were published within the last
 * `spanDays` (two years by default) and created a little before; drafts were created recently.
 * @param rng the stream to draw from
 * @param now the fixed reference time
 * @param isPublished whether the row needs published_at
 */
export function stampsFor(rng: TRng, now: Date, isPublished: boolean, spanDays = 730): TStamps {
  if (!isPublished) {
    const created = daysBefore(rng, now, 1, spanDays / 4)
    return { created_at: created, updated_at: created, published_at: null }
  }
  const published = daysBefore(rng, now, 1, spanDays)
  const created = new Date(published.getTime() - rng.int(1, 21) * DAY_MS - rng.int(0, 36_000) * 1000)
  const isEdited = rng.chance(0.3)
  const editedAt = new Date(published.getTime() + rng.int(1, 120) * DAY_MS)
  const updated = isEdited && editedAt < now ? editedAt : published
  return { created_at: created, updated_at: updated, published_at: published }
}

/**
 * The calendar date (Beijing time) of a moment, as 'YYYY-MM-DD' for `date` columns.
 * @param moment any Date
 */
export function beijingDate(moment: Date): string {
  return new Date(moment.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10)
}

/**
 * Adds whole days to a moment.
 * @param moment the start
 * @param days may be negative
 */
export function addDays(moment: Date, days: number): Date {
  return new Date(moment.getTime() + days * DAY_MS)
}
