import { describe, expect, it } from 'vitest'
import type { TBookingRules } from '#shared/contracts/booking.ts'
import { findQuotaViolation, findWindowViolation, violationError, type TWindowInput } from './booking-checks.ts'
import { createHolidayCalendar } from './holidays.ts'
import { DEFAULT_RULES } from './rules.ts'

const rules: TBookingRules = {
  ...DEFAULT_RULES,
  openHours: {
    '1': [
      [510, 690],
      [810, 1020],
    ],
    '2': [
      [510, 690],
      [810, 1020],
    ],
    '3': [
      [510, 690],
      [810, 1020],
    ],
    '4': [
      [510, 690],
      [810, 1020],
    ],
    '5': [
      [510, 690],
      [810, 1020],
    ],
    '6': [],
    '7': [],
  },
  slotMinutes: 30,
  minNoticeMinutes: 60,
  maxMinutes: 240,
  maxAdvanceDays: 60,
}
const now = new Date('2026-09-14T01:00:00Z') // Monday 09:00 Shanghai
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`)

function check(start: Date, end: Date, overrides: Partial<TWindowInput> = {}) {
  return findWindowViolation({
    rules,
    range: { start, end },
    now,
    calendar: createHolidayCalendar(new Map()),
    maintenance: [],
    ...overrides,
  })
}

describe('findWindowViolation', () => {
  it('accepts a slot inside the opening hours', () => {
    expect(check(at('2026-09-15', '09:00'), at('2026-09-15', '11:30'))).toBeNull()
    expect(check(at('2026-09-15', '13:30'), at('2026-09-15', '17:00'))).toBeNull()
  })

  it('refuses in order: range, past, notice, advance, slot, length', () => {
    expect(check(at('2026-09-15', '10:00'), at('2026-09-15', '10:00'))?.reason).toBe('RANGE_INVALID')
    expect(check(at('2026-09-14', '08:30'), at('2026-09-14', '09:30'))?.reason).toBe('IN_PAST')
    expect(check(at('2026-09-14', '09:30'), at('2026-09-14', '10:00'))).toEqual({
      reason: 'NOTICE_TOO_SHORT',
      vars: { hours: 1 },
    })
    expect(check(at('2026-09-14', '10:00'), at('2026-09-14', '10:30'))).toBeNull()
    expect(check(at('2026-11-13', '09:30'), at('2026-11-13', '10:00'))).toEqual({
      reason: 'TOO_FAR_AHEAD',
      vars: { days: 60 },
    })
    expect(check(at('2026-09-15', '09:15'), at('2026-09-15', '10:00'))?.reason).toBe('SLOT_MISALIGNED')
    expect(check(new Date(at('2026-09-15', '09:00').getTime() + 1000), at('2026-09-15', '10:00'))?.reason).toBe(
      'SLOT_MISALIGNED',
    )
    expect(check(at('2026-09-15', '09:00'), at('2026-09-15', '13:30'))).toEqual({
      reason: 'TOO_LONG',
      vars: { hours: 4 },
    })
  })

  it('refuses the lunch break, evenings and weekends', () => {
    expect(check(at('2026-09-15', '11:00'), at('2026-09-15', '14:00'))?.reason).toBe('OUTSIDE_OPENING_HOURS')
    expect(check(at('2026-09-15', '08:00'), at('2026-09-15', '09:00'))?.reason).toBe('OUTSIDE_OPENING_HOURS')
    expect(check(at('2026-09-19', '09:00'), at('2026-09-19', '10:00'))?.reason).toBe('OUTSIDE_OPENING_HOURS')
  })

  it('closes on holidays and opens on 调休 weekends', () => {
    expect(check(at('2026-10-01', '09:00'), at('2026-10-01', '10:00'))).toEqual({
      reason: 'CLOSED_HOLIDAY',
      vars: { date: '2026-10-01', name: '国庆节' },
    })
    expect(check(at('2026-10-10', '09:00'), at('2026-10-10', '10:00'))).toBeNull()
    expect(check(at('2026-09-20', '14:00'), at('2026-09-20', '15:00'))).toBeNull()
    const holidayOpen = { ...rules, isOpenOnHolidays: true }
    expect(check(at('2026-10-01', '09:00'), at('2026-10-01', '10:00'), { rules: holidayOpen })).toBeNull()
  })

  it('refuses days past the calendar data, naming the year', () => {
    const far = { rules: { ...rules, maxAdvanceDays: 366 } }
    expect(check(at('2027-01-05', '09:00'), at('2027-01-05', '10:00'), far)).toEqual({
      reason: 'CALENDAR_NOT_LOADED',
      vars: { year: 2027 },
    })
  })

  it('lets a booking span midnight only when the hours join', () => {
    const allDay = {
      ...rules,
      openHours: {
        '1': [[0, 1440]],
        '2': [[0, 1440]],
        '3': [[0, 1440]],
        '4': [[0, 1440]],
        '5': [[0, 1440]],
        '6': [],
        '7': [],
      },
    } as TBookingRules
    expect(check(at('2026-09-15', '22:00'), at('2026-09-16', '02:00'), { rules: allDay })).toBeNull()
    expect(check(at('2026-09-18', '22:00'), at('2026-09-19', '02:00'), { rules: allDay })?.reason).toBe(
      'OUTSIDE_OPENING_HOURS',
    )
  })

  it('refuses maintenance windows', () => {
    const maintenance = [{ start: at('2026-09-15', '10:00'), end: at('2026-09-15', '12:00'), reason: '校准' }]
    expect(check(at('2026-09-15', '09:00'), at('2026-09-15', '10:30'), { maintenance })).toEqual({
      reason: 'IN_MAINTENANCE',
      vars: { from: '2026-09-15 10:00', to: '2026-09-15 12:00' },
    })
    expect(check(at('2026-09-15', '09:00'), at('2026-09-15', '10:00'), { maintenance })).toBeNull()
  })
})

describe('findQuotaViolation', () => {
  const base = {
    rules: { ...rules, userQuotaMinutes: 120, orgQuotaMinutes: 300 },
    minutes: 60,
    userUsedMinutes: 60,
    orgUsedMinutes: 200,
    noShows: 0,
  }

  it('accepts what fits exactly', () => {
    expect(findQuotaViolation(base)).toBeNull()
  })

  it('refuses over the person, over the organisation, past the no-show limit', () => {
    expect(findQuotaViolation({ ...base, userUsedMinutes: 90 })).toEqual({
      reason: 'USER_QUOTA_EXCEEDED',
      vars: { period: 'week', hours: 2, used: 1.5 },
    })
    expect(findQuotaViolation({ ...base, orgUsedMinutes: 250 })?.reason).toBe('ORG_QUOTA_EXCEEDED')
    expect(findQuotaViolation({ ...base, orgUsedMinutes: null })).toBeNull()
    expect(findQuotaViolation({ ...base, noShows: 3 })).toEqual({ reason: 'NO_SHOW_LIMIT', vars: { count: 3 } })
  })
})

describe('violationError', () => {
  it('maps reasons to codes and per-period messages', () => {
    expect(violationError({ reason: 'IN_PAST', vars: {} })).toMatchObject({
      code: 'VALIDATION',
      messageKey: 'booking.IN_PAST',
      details: { reason: 'IN_PAST' },
    })
    expect(violationError({ reason: 'CALENDAR_NOT_LOADED', vars: { year: 2027 } })).toMatchObject({
      code: 'STATE_INVALID',
      details: { year: 2027 },
    })
    expect(
      violationError({ reason: 'USER_QUOTA_EXCEEDED', vars: { period: 'month', hours: 2, used: 1 } }).messageKey,
    ).toBe('booking.USER_QUOTA_EXCEEDED_MONTH')
    expect(violationError({ reason: 'NO_SHOW_LIMIT', vars: { count: 3 } }).code).toBe('FORBIDDEN')
  })
})
