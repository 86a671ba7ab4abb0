import { z } from 'zod'

/**
 * Instrument booking (SPEC §4.1–4.2, issue 5): rules per instrument, the free/busy calendar, quotes with
 * member / internal / external prices (内外有别), bookings and their changes. Times travel as ISO 8601 with
 * an offset; the server answers in Asia/Shanghai (+08:00). Money is integer fen.
 */

/** Lifecycle: pending (waits for the manager) → confirmed → checked_in → completed; or cancelled, rejected, no_show. */
export const BOOKING_STATUSES = [
  'pending',
  'confirmed',
  'checked_in',
  'completed',
  'cancelled',
  'no_show',
  'rejected',
] as const
export type TBookingStatus = (typeof BOOKING_STATUSES)[number]
/** Statuses that hold the slot (the database's exclusion constraint covers exactly these). */
export const ACTIVE_BOOKING_STATUSES = [
  'pending',
  'confirmed',
  'checked_in',
] as const satisfies readonly TBookingStatus[]

/** self: the person operates the instrument (trained); with_operator: the instrument's staff operate it. */
export const BOOKING_MODES = ['self', 'with_operator'] as const
export type TBookingMode = (typeof BOOKING_MODES)[number]

/** 内外有别: the owner's own people (internal), members of the node network (member), everyone else (external). */
export const PRICE_TIERS = ['internal', 'member', 'external'] as const
export type TPriceTier = (typeof PRICE_TIERS)[number]
export const PRICE_UNITS = ['hour', 'sample', 'item', 'day'] as const
export type TPriceUnit = (typeof PRICE_UNITS)[number]

/** Kind of a calendar day in China: 调休 Saturdays/Sundays are `adjusted_workday`; `unknown` = no calendar data. */
export const DAY_KINDS = ['workday', 'weekend', 'holiday', 'adjusted_workday', 'unknown'] as const
export type TDayKind = (typeof DAY_KINDS)[number]

/** An instant with its offset, e.g. 2026-10-09T09:00:00+08:00. */
export const ZDateTime = z.iso.datetime({ offset: true })
/** A calendar day in Asia/Shanghai, YYYY-MM-DD. */
export const ZLocalDate = z.iso.date()

const ZMinute = z.number().int().min(0).max(1440)
/** [start, end) minutes after midnight, Asia/Shanghai. */
export const ZMinuteRange = z
  .tuple([ZMinute, ZMinute])
  .refine(([start, end]) => start < end, { message: 'start must be before end' })
const ZDayHours = z.array(ZMinuteRange).max(6)
/** Opening hours per ISO weekday ('1' = Monday … '7' = Sunday). */
export const ZOpenHours = z.object({
  '1': ZDayHours,
  '2': ZDayHours,
  '3': ZDayHours,
  '4': ZDayHours,
  '5': ZDayHours,
  '6': ZDayHours,
  '7': ZDayHours,
})
export type TOpenHours = z.infer<typeof ZOpenHours>

/** The late fee for cancelling or rescheduling after the cut-off: none, a fixed amount, or a share of the quote. */
export const ZLateFee = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('fixed'), fen: z.number().int().min(0).max(100_000_000) }),
  z.object({ kind: z.literal('percent'), percent: z.number().int().min(0).max(100) }),
])
export type TLateFee = z.infer<typeof ZLateFee>

/** Booking rules of one instrument (PUT body and part of the GET answer). */
export const ZBookingRules = z
  .object({
    openHours: ZOpenHours,
    /** Open on public holidays too (otherwise closed; 调休 workdays open with the workday hours). */
    isOpenOnHolidays: z.boolean(),
    /** Bookings start and end on multiples of this many minutes after midnight. */
    slotMinutes: z
      .number()
      .int()
      .min(5)
      .max(1440)
      .refine((n) => 1440 % n === 0, { message: 'must divide a day (5, 10, 15, 20, 30, 60, …)' }),
    minNoticeMinutes: z.number().int().min(0).max(129_600),
    maxMinutes: z.number().int().min(5).max(20_160),
    maxAdvanceDays: z.number().int().min(1).max(366),
    quotaPeriod: z.enum(['week', 'month']),
    /** Minutes one person may book on this instrument per period; null = no quota. */
    userQuotaMinutes: z.number().int().min(1).max(50_000).nullable(),
    /** Minutes one organisation's people together may book per period; null = no quota. */
    orgQuotaMinutes: z.number().int().min(1).max(50_000).nullable(),
    isApprovalRequired: z.boolean(),
    /** Self-operation only after training is recorded; untrained people book "with operator". */
    isTrainingRequired: z.boolean(),
    cancelCutoffHours: z.number().int().min(0).max(720),
    lateFee: ZLateFee,
    noShowReleaseMinutes: z.number().int().min(5).max(1440),
    checkInOpensMinutes: z.number().int().min(0).max(1440),
    /** No-shows in the last 90 days after which the person may not book this instrument; null = never. */
    noShowLimit: z.number().int().min(1).max(100).nullable(),
  })
  .refine((r) => r.maxMinutes >= r.slotMinutes, {
    message: 'maxMinutes must be at least slotMinutes',
    path: ['maxMinutes'],
  })
export type TBookingRules = z.infer<typeof ZBookingRules>

export const ZInstrumentIdParams = z.object({ id: z.uuid() })
export const ZBookingIdParams = z.object({ id: z.uuid() })
export const ZMaintenanceParams = z.object({ id: z.uuid(), maintenanceId: z.uuid() })
export const ZTrainingParams = z.object({ id: z.uuid(), userId: z.uuid() })
export const ZCalendarYearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) })

/** GET /api/instruments/:id/booking-rules */
export const ZBookingRulesResponse = z.object({
  instrumentId: z.uuid(),
  rules: ZBookingRules,
  /** True while no manager has saved rules: they are derived from the instrument's description. */
  isDerived: z.boolean(),
  updatedAt: z.string().nullable(),
})
export type TBookingRulesResponse = z.infer<typeof ZBookingRulesResponse>

/** The price as quoted, frozen on the booking. */
export const ZBookingQuote = z.object({
  tier: z.enum(PRICE_TIERS),
  unit: z.enum(PRICE_UNITS),
  unitPriceFen: z.number().int().min(0),
  /** Hours (to 2 decimals), samples, items or days. */
  quantity: z.number().min(0),
  amountFen: z.number().int().min(0),
  /** Basic service shared free of charge (sharing level "free"). */
  isFree: z.boolean(),
})
export type TBookingQuote = z.infer<typeof ZBookingQuote>

/** POST /api/instruments/:id/quote */
export const ZQuoteRequest = z
  .object({
    start: ZDateTime.optional(),
    end: ZDateTime.optional(),
    samples: z.number().int().min(1).max(10_000).optional(),
  })
  .refine((q) => (q.start === undefined) === (q.end === undefined), {
    message: 'give both start and end, or neither',
    path: ['end'],
  })
export type TQuoteRequest = z.infer<typeof ZQuoteRequest>

export const ZQuoteResponse = z.object({
  quote: ZBookingQuote,
  /** How the signed-in person would book (self or with operator); null for anonymous visitors. */
  mode: z.enum(BOOKING_MODES).nullable(),
})
export type TQuoteResponse = z.infer<typeof ZQuoteResponse>

/** GET /api/instruments/:id/calendar?from=&to= (days in Asia/Shanghai, both included, at most 62). */
export const ZCalendarQuery = z.object({ from: ZLocalDate, to: ZLocalDate })
export type TCalendarQuery = z.infer<typeof ZCalendarQuery>

const ZInterval = z.object({ start: z.string(), end: z.string() })
const ZPersonRef = z.object({ id: z.uuid(), displayName: z.string() })

export const ZCalendarDay = z.object({
  date: ZLocalDate,
  kind: z.enum(DAY_KINDS),
  /** Holiday or 调休 name (国庆节), else null. */
  name: z.string().nullable(),
  open: z.array(ZInterval),
})
export type TCalendarDay = z.infer<typeof ZCalendarDay>

/** A busy block. Who booked it is shown only to the instrument's managers; people see their own bookings. */
export const ZBusyBlock = ZInterval.extend({
  kind: z.enum(['booking', 'maintenance']),
  isMine: z.boolean(),
  booking: z
    .object({
      id: z.uuid(),
      status: z.enum(BOOKING_STATUSES),
      mode: z.enum(BOOKING_MODES),
      user: ZPersonRef.nullable(),
    })
    .nullable(),
  /** Maintenance reason (maintenance blocks only). */
  reason: z.string().nullable(),
})
export type TBusyBlock = z.infer<typeof ZBusyBlock>

export const ZCalendarResponse = z.object({
  instrumentId: z.uuid(),
  timeZone: z.literal('Asia/Shanghai'),
  from: ZLocalDate,
  to: ZLocalDate,
  slotMinutes: z.number().int(),
  maxMinutes: z.number().int(),
  isApprovalRequired: z.boolean(),
  isTrainingRequired: z.boolean(),
  /** The earliest and latest start the rules allow now. */
  earliestStart: z.string(),
  latestStart: z.string(),
  days: z.array(ZCalendarDay),
  busy: z.array(ZBusyBlock),
  /** True when the instrument takes bookings now (published and not retired). */
  isBookable: z.boolean(),
})
export type TCalendarResponse = z.infer<typeof ZCalendarResponse>

/** POST /api/bookings */
export const ZCreateBookingRequest = z.object({
  instrumentId: z.uuid(),
  start: ZDateTime,
  end: ZDateTime,
  samples: z.number().int().min(1).max(10_000).optional(),
  purpose: z.string().trim().min(1).max(500),
  /** Ask for the instrument's staff to operate it even if trained. Untrained people always get with_operator. */
  mode: z.enum(BOOKING_MODES).optional(),
})
export type TCreateBookingRequest = z.infer<typeof ZCreateBookingRequest>

export const ZBooking = z.object({
  id: z.uuid(),
  instrument: z.object({ id: z.uuid(), title: z.string() }),
  user: ZPersonRef,
  org: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  start: z.string(),
  end: z.string(),
  status: z.enum(BOOKING_STATUSES),
  mode: z.enum(BOOKING_MODES),
  quote: ZBookingQuote,
  samples: z.number().int().nullable(),
  purpose: z.string(),
  decisionNote: z.string().nullable(),
  cancelReason: z.string().nullable(),
  cancelFeeFen: z.number().int(),
  rescheduleFeeFen: z.number().int(),
  rescheduleCount: z.number().int(),
  /** Until this instant cancelling or rescheduling is free. */
  freeChangeUntil: z.string(),
  checkedInAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type TBooking = z.infer<typeof ZBooking>

const ZPage = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
}

/** GET /api/bookings/mine */
export const ZListMyBookingsQuery = z.object({ status: z.enum(BOOKING_STATUSES).optional(), ...ZPage })
export type TListMyBookingsQuery = z.infer<typeof ZListMyBookingsQuery>

/** GET /api/instruments/:id/bookings (managers): optionally only bookings meeting [from, to]. */
export const ZListInstrumentBookingsQuery = z.object({
  status: z.enum(BOOKING_STATUSES).optional(),
  from: ZDateTime.optional(),
  to: ZDateTime.optional(),
  ...ZPage,
})
export type TListInstrumentBookingsQuery = z.infer<typeof ZListInstrumentBookingsQuery>

export const ZListBookingsResponse = z.object({
  items: z.array(ZBooking),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})
export type TListBookingsResponse = z.infer<typeof ZListBookingsResponse>

/** GET /api/bookings/mine also says how many no-shows count against the person (last 90 days). */
export const ZListMyBookingsResponse = ZListBookingsResponse.extend({ noShowCount: z.number().int() })
export type TListMyBookingsResponse = z.infer<typeof ZListMyBookingsResponse>

/** POST /api/bookings/:id/approve */
export const ZApproveBookingRequest = z.object({ note: z.string().trim().max(500).optional() })
export type TApproveBookingRequest = z.infer<typeof ZApproveBookingRequest>
/** POST /api/bookings/:id/reject: the person sees the reason. */
export const ZRejectBookingRequest = z.object({ reason: z.string().trim().min(2).max(500) })
export type TRejectBookingRequest = z.infer<typeof ZRejectBookingRequest>
/** POST /api/bookings/:id/cancel */
export const ZCancelBookingRequest = z.object({ reason: z.string().trim().max(500).optional() })
export type TCancelBookingRequest = z.infer<typeof ZCancelBookingRequest>
/** POST /api/bookings/:id/reschedule */
export const ZRescheduleBookingRequest = z.object({ start: ZDateTime, end: ZDateTime })
export type TRescheduleBookingRequest = z.infer<typeof ZRescheduleBookingRequest>
