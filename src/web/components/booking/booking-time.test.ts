import { describe, expect, it } from 'vitest'
import type { TCalendarResponse } from '../../../shared/contracts/booking.ts'
import {
  addDays,
  cellMinutesOf,
  cellState,
  instantOf,
  mondayOf,
  shanghaiDateOf,
  toShanghaiIso,
  visibleMinutes,
} from './booking-time.ts'

const calendar: TCalendarResponse = {
  instrumentId: '11111111-1111-4111-8111-111111111111',
  timeZone: 'Asia/Shanghai',
  from: '2026-09-28',
  to: '2026-09-29',
  slotMinutes: 30,
  maxMinutes: 240,
  isApprovalRequired: false,
  isTrainingRequired: false,
  earliestStart: '2026-09-28T09:00:00+08:00',
  latestStart: '2026-10-28T09:00:00+08:00',
  isBookable: true,
  days: [
    {
      date: '2026-09-28',
      kind: 'workday',
      name: null,
      open: [{ start: '2026-09-28T08:30:00+08:00', end: '2026-09-28T11:30:00+08:00' }],
    },
    {
      date: '2026-09-29',
      kind: 'workday',
      name: null,
      open: [{ start: '2026-09-29T13:30:00+08:00', end: '2026-09-29T17:00:00+08:00' }],
    },
  ],
  busy: [
    {
      start: '2026-09-28T10:00:00+08:00',
      end: '2026-09-28T11:00:00+08:00',
      kind: 'booking',
      isMine: false,
      booking: null,
      reason: null,
    },
    {
      start: '2026-09-29T14:00:00+08:00',
      end: '2026-09-29T15:00:00+08:00',
      kind: 'booking',
      isMine: true,
      booking: { id: '22222222-2222-4222-8222-222222222222', status: 'confirmed', mode: 'self', user: null },
      reason: null,
    },
  ],
}

describe('Shanghai time in the browser', () => {
  it('works in UTC+8 whatever the browser zone', () => {
    expect(shanghaiDateOf(Date.parse('2026-09-30T16:30:00Z'))).toBe('2026-10-01')
    expect(toShanghaiIso(instantOf('2026-10-01', 90))).toBe('2026-10-01T01:30:00+08:00')
    expect(mondayOf('2026-10-04')).toBe('2026-09-28')
    expect(mondayOf('2026-09-28')).toBe('2026-09-28')
    expect(addDays('2026-09-28', 6)).toBe('2026-10-04')
  })

  it('sizes rows to the slot, at least 30 minutes', () => {
    expect([5, 10, 20, 30, 45, 60].map(cellMinutesOf)).toEqual([30, 30, 40, 30, 45, 60])
  })

  it('shows the hours the week opens', () => {
    expect(visibleMinutes(calendar, 30)).toEqual({ from: 510, to: 1020 })
  })
})

describe('cell states', () => {
  it('tells free, busy, mine, closed and outside the window apart', () => {
    expect(cellState(calendar, '2026-09-28', 570, 30, null)).toBe('free')
    expect(cellState(calendar, '2026-09-28', 510, 30, null)).toBe('unavailable')
    expect(cellState(calendar, '2026-09-28', 600, 30, null)).toBe('busy')
    expect(cellState(calendar, '2026-09-28', 720, 30, null)).toBe('closed')
    expect(cellState(calendar, '2026-09-29', 840, 30, null)).toBe('mine')
  })

  it('lets a booking being rescheduled move within its own time', () => {
    expect(cellState(calendar, '2026-09-29', 840, 30, '22222222-2222-4222-8222-222222222222')).toBe('current')
  })
})
