import { z } from 'zod'
import { ZDateTime, ZLocalDate } from './booking.ts'

/**
 * Instrument managers' and platform admins' side of booking (issue 5 item 1): maintenance windows,
 * training records, and the public-holiday calendar loaded for years the bundled data does not cover.
 */

const ZPersonRef = z.object({ id: z.uuid(), displayName: z.string() })

/** POST /api/instruments/:id/maintenance */
export const ZCreateMaintenanceRequest = z.object({
  start: ZDateTime,
  end: ZDateTime,
  reason: z.string().trim().max(200).default(''),
})
export type TCreateMaintenanceRequest = z.infer<typeof ZCreateMaintenanceRequest>
export const ZMaintenance = z.object({
  id: z.uuid(),
  start: z.string(),
  end: z.string(),
  reason: z.string(),
  /** Active bookings inside the window, which the manager should move or cancel. */
  overlappingBookings: z.number().int(),
})
export type TMaintenance = z.infer<typeof ZMaintenance>

/** PUT /api/instruments/:id/trainings/:userId */
export const ZRecordTrainingRequest = z.object({ note: z.string().trim().max(200).default('') })
export type TRecordTrainingRequest = z.infer<typeof ZRecordTrainingRequest>
export const ZTraining = z.object({ user: ZPersonRef, note: z.string(), recordedAt: z.string() })
export type TTraining = z.infer<typeof ZTraining>
export const ZListTrainingsResponse = z.object({ items: z.array(ZTraining) })
export type TListTrainingsResponse = z.infer<typeof ZListTrainingsResponse>

/** One holiday or adjusted workday of a year's calendar. */
export const ZCalendarDayEntry = z.object({
  date: ZLocalDate,
  kind: z.enum(['holiday', 'workday']),
  name: z.string().trim().max(40).default(''),
})
/** PUT /api/booking-calendar/:year (platform admins): the State Council's list for a year. */
export const ZLoadCalendarYearRequest = z.object({ days: z.array(ZCalendarDayEntry).min(1).max(120) })
export type TLoadCalendarYearRequest = z.infer<typeof ZLoadCalendarYearRequest>
/** GET /api/booking-calendar/:year */
export const ZCalendarYearResponse = z.object({
  year: z.number().int(),
  /** loaded: by an admin; bundled: the chinese-days package; missing: neither (bookings that year are refused). */
  source: z.enum(['loaded', 'bundled', 'missing']),
  days: z.array(ZCalendarDayEntry.extend({ name: z.string() })),
})
export type TCalendarYearResponse = z.infer<typeof ZCalendarYearResponse>
