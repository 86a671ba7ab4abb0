import type { Selectable } from 'kysely'
import type { TBookingRules, TOpenHours } from '#shared/contracts/booking.ts'
import type { InstrumentBookingRuleTable, TOpenHoursJson } from './booking.tables.ts'

/**
 * An instrument's booking rules: the saved row, or — until a manager saves one — rules derived from the
 * instrument's description (`attributes.bookingRules` of the demo and imported data:
 * `{ openHours: '工作日 8:30–11:30，13:30–17:00', minNoticeHours, slotMinutes, maxHoursPerBooking,
 * trainingRequired, approvalRequired }`) with the platform's defaults for everything else.
 */

export type TRuleRow = Selectable<InstrumentBookingRuleTable>

/** Platform defaults for what an instrument's description does not say. */
export const DEFAULT_RULES: TBookingRules = {
  openHours: weekHours([1, 2, 3, 4, 5], [[510, 1020]]),
  isOpenOnHolidays: false,
  slotMinutes: 60,
  minNoticeMinutes: 24 * 60,
  maxMinutes: 8 * 60,
  maxAdvanceDays: 30,
  quotaPeriod: 'week',
  userQuotaMinutes: null,
  orgQuotaMinutes: null,
  isApprovalRequired: true,
  isTrainingRequired: false,
  cancelCutoffHours: 24,
  lateFee: { kind: 'none' },
  noShowReleaseMinutes: 30,
  checkInOpensMinutes: 30,
  noShowLimit: 3,
}

function weekHours(weekdays: number[], ranges: [number, number][]): TOpenHours {
  const hours = { '1': [], '2': [], '3': [], '4': [], '5': [], '6': [], '7': [] } as TOpenHours
  for (const day of weekdays) hours[String(day) as keyof TOpenHours] = ranges.map(([a, b]) => [a, b])
  return hours
}

const WEEKDAY_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 }

/** '工作日' → Mon–Fri; '周一至周六' → Mon–Sat; '每天' / '全年' → every day; anything else → Mon–Fri. */
function weekdaysOf(text: string): number[] {
  if (/每天|每日|全年|全天|7\s*[×x*]\s*24/.test(text)) return [1, 2, 3, 4, 5, 6, 7]
  const span = /周([一二三四五六日天])\s*[至到~\-–]\s*周?([一二三四五六日天])/.exec(text)
  if (span) {
    const from = WEEKDAY_DIGITS[span[1]!]!
    const to = WEEKDAY_DIGITS[span[2]!]!
    return Array.from({ length: to - from + 1 }, (_, i) => from + i)
  }
  return [1, 2, 3, 4, 5]
}

/** Every 'H:MM–H:MM' in the text as minute ranges; '24小时' is the whole day. */
function rangesOf(text: string): [number, number][] {
  if (/24\s*小时/.test(text)) return [[0, 1440]]
  const ranges: [number, number][] = []
  for (const m of text.matchAll(/(\d{1,2})[:：](\d{2})\s*[–\-~至到]\s*(\d{1,2})[:：](\d{2})/g)) {
    const start = Number(m[1]) * 60 + Number(m[2])
    const end = Number(m[3]) * 60 + Number(m[4])
    if (start < end && end <= 1440) ranges.push([start, end])
  }
  return ranges
}

/**
 * Reads opening hours written in Chinese, as instrument descriptions give them.
 * @param text e.g. '工作日 8:30–11:30，13:30–17:00' or '周一至周六 8:30–17:30'
 * @returns opening hours per weekday; the default (workdays 8:30–17:00) when the text says nothing usable
 */
export function parseOpenHoursText(text: string): TOpenHours {
  const ranges = rangesOf(text)
  if (ranges.length === 0) return DEFAULT_RULES.openHours
  return weekHours(weekdaysOf(text), ranges)
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

function positiveInt(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null
}

/**
 * Rules derived from an instrument's attributes when no manager has saved any.
 * @param attributes the resource's `attributes` (reads `bookingRules`)
 * @returns complete rules
 */
export function deriveRules(attributes: Record<string, unknown>): TBookingRules {
  const given = record(attributes.bookingRules)
  const slot = positiveInt(given.slotMinutes)
  const slotMinutes = slot !== null && slot <= 1440 && 1440 % slot === 0 ? slot : DEFAULT_RULES.slotMinutes
  const maxHours = positiveInt(given.maxHoursPerBooking)
  const notice = typeof given.minNoticeHours === 'number' && given.minNoticeHours >= 0 ? given.minNoticeHours : null
  return {
    ...DEFAULT_RULES,
    openHours: typeof given.openHours === 'string' ? parseOpenHoursText(given.openHours) : DEFAULT_RULES.openHours,
    slotMinutes,
    minNoticeMinutes: notice === null ? DEFAULT_RULES.minNoticeMinutes : Math.round(notice * 60),
    maxMinutes: Math.max(slotMinutes, maxHours === null ? DEFAULT_RULES.maxMinutes : Math.min(maxHours * 60, 20_160)),
    isApprovalRequired:
      typeof given.approvalRequired === 'boolean' ? given.approvalRequired : DEFAULT_RULES.isApprovalRequired,
    isTrainingRequired:
      typeof given.trainingRequired === 'boolean' ? given.trainingRequired : DEFAULT_RULES.isTrainingRequired,
  }
}

/** @returns the rules a saved row holds */
export function rulesFromRow(row: Omit<TRuleRow, 'instrument_id' | 'updated_by' | 'updated_at'>): TBookingRules {
  const lateFee: TBookingRules['lateFee'] =
    row.late_fee_fen !== null
      ? { kind: 'fixed', fen: row.late_fee_fen }
      : row.late_fee_percent !== null
        ? { kind: 'percent', percent: row.late_fee_percent }
        : { kind: 'none' }
  return {
    openHours: { ...DEFAULT_RULES.openHours, ...(row.open_hours as Partial<TOpenHours>) },
    isOpenOnHolidays: row.open_on_holidays,
    slotMinutes: row.slot_minutes,
    minNoticeMinutes: row.min_notice_minutes,
    maxMinutes: row.max_minutes,
    maxAdvanceDays: row.max_advance_days,
    quotaPeriod: row.quota_period === 'month' ? 'month' : 'week',
    userQuotaMinutes: row.user_quota_minutes,
    orgQuotaMinutes: row.org_quota_minutes,
    isApprovalRequired: row.approval_required,
    isTrainingRequired: row.training_required,
    cancelCutoffHours: row.cancel_cutoff_hours,
    lateFee,
    noShowReleaseMinutes: row.no_show_release_minutes,
    checkInOpensMinutes: row.check_in_opens_minutes,
    noShowLimit: row.no_show_limit,
  }
}

/** @returns the columns that store the rules (without the instrument and who saved them) */
export function rowFromRules(rules: TBookingRules): Omit<TRuleRow, 'instrument_id' | 'updated_by' | 'updated_at'> {
  return {
    open_hours: rules.openHours as TOpenHoursJson,
    open_on_holidays: rules.isOpenOnHolidays,
    slot_minutes: rules.slotMinutes,
    min_notice_minutes: rules.minNoticeMinutes,
    max_minutes: rules.maxMinutes,
    max_advance_days: rules.maxAdvanceDays,
    quota_period: rules.quotaPeriod,
    user_quota_minutes: rules.userQuotaMinutes,
    org_quota_minutes: rules.orgQuotaMinutes,
    approval_required: rules.isApprovalRequired,
    training_required: rules.isTrainingRequired,
    cancel_cutoff_hours: rules.cancelCutoffHours,
    late_fee_fen: rules.lateFee.kind === 'fixed' ? rules.lateFee.fen : null,
    late_fee_percent: rules.lateFee.kind === 'percent' ? rules.lateFee.percent : null,
    no_show_release_minutes: rules.noShowReleaseMinutes,
    check_in_opens_minutes: rules.checkInOpensMinutes,
    no_show_limit: rules.noShowLimit,
  }
}
