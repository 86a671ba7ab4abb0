import type { ColumnType, Generated } from 'kysely'
import type { TBookingQuote, TBookingRules } from '#shared/contracts/booking.ts'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type TimestampWithDefault = ColumnType<Date, Date | string | undefined, Date | string>
/** A `date` column, read as 'YYYY-MM-DD' (db/pool.ts keeps DATE values as text). */
type DateColumn = ColumnType<string, string, string>
/**
 * A tstzrange column. Read as PostgreSQL's text form; repos select `lower(during)` / `upper(during)` and
 * write with `tstzrange(start, end, '[)')`, so the text form never reaches a service.
 */
type RangeColumn = ColumnType<string, string, string>
type Json<T> = ColumnType<T, T | string, T | string>

/** The cancellation terms frozen on a booking when it was made. */
export type TChangeTerms = Pick<TBookingRules, 'cancelCutoffHours' | 'lateFee'>

/** ISO weekday ('1' = Monday … '7' = Sunday) → [start, end) minute ranges in Asia/Shanghai. */
export type TOpenHoursJson = Record<string, [number, number][]>

/** Booking rules of one instrument (0015_booking.sql). */
export type InstrumentBookingRuleTable = {
  instrument_id: string
  open_hours: Json<TOpenHoursJson>
  open_on_holidays: boolean
  slot_minutes: number
  min_notice_minutes: number
  max_minutes: number
  max_advance_days: number
  quota_period: string
  user_quota_minutes: number | null
  org_quota_minutes: number | null
  approval_required: boolean
  training_required: boolean
  cancel_cutoff_hours: number
  late_fee_fen: number | null
  late_fee_percent: number | null
  no_show_release_minutes: number
  check_in_opens_minutes: number
  no_show_limit: number | null
  updated_by: string | null
  updated_at: TimestampWithDefault
}

/** A window in which an instrument cannot be booked (0015_booking.sql). */
export type InstrumentMaintenanceTable = {
  id: Generated<string>
  instrument_id: string
  during: RangeColumn
  reason: Generated<string>
  created_by: string | null
  created_at: TimestampWithDefault
}

/** A person trained on an instrument (0015_booking.sql). */
export type InstrumentTrainingTable = {
  instrument_id: string
  user_id: string
  note: Generated<string>
  recorded_by: string | null
  recorded_at: TimestampWithDefault
}

/** One booking of an instrument (0015_booking.sql). */
export type BookingTable = {
  id: Generated<string>
  instrument_id: string
  user_id: string
  org_id: string | null
  during: RangeColumn
  status: string
  mode: string
  quote: Json<TBookingQuote>
  amount_fen: number
  change_terms: Json<TChangeTerms>
  samples: number | null
  purpose: string
  decision_note: string | null
  cancel_reason: string | null
  cancel_fee_fen: Generated<number>
  reschedule_fee_fen: Generated<number>
  reschedule_count: Generated<number>
  decided_by: string | null
  decided_at: Timestamp | null
  checked_in_at: Timestamp | null
  created_at: Timestamp
  updated_at: Timestamp
}

/** One step in a booking's history (0015_booking.sql). */
export type BookingEventTable = {
  id: Generated<number>
  booking_id: string
  action: string
  from_status: string | null
  to_status: string
  actor_id: string | null
  detail: ColumnType<
    Record<string, unknown>,
    Record<string, unknown> | string | undefined,
    Record<string, unknown> | string
  >
  occurred_at: Timestamp
}

/** A year of holidays loaded by an admin (0015_booking.sql). */
export type BookingCalendarYearTable = {
  year: number
  loaded_by: string | null
  loaded_at: TimestampWithDefault
}

/** A holiday or adjusted workday of a loaded year (0015_booking.sql). */
export type BookingCalendarDayTable = {
  day: DateColumn
  year: number
  kind: string
  name: Generated<string>
}
