import { describe, expect, it } from 'vitest'
import { buildBusyBlocks, buildCalendarDays } from './calendar.ts'
import { createHolidayCalendar } from './holidays.ts'
import { DEFAULT_RULES } from './rules.ts'

describe('calendar days', () => {
  it('gives each day its kind and opening intervals in +08:00', () => {
    const days = buildCalendarDays(DEFAULT_RULES, createHolidayCalendar(new Map()), '2026-09-30', '2026-10-01')
    expect(days).toEqual([
      {
        date: '2026-09-30',
        kind: 'workday',
        name: null,
        open: [{ start: '2026-09-30T08:30:00+08:00', end: '2026-09-30T17:00:00+08:00' }],
      },
      { date: '2026-10-01', kind: 'holiday', name: '国庆节', open: [] },
    ])
  })
})

describe('busy blocks', () => {
  const booking = {
    id: '11111111-1111-4111-8111-111111111111',
    start: new Date('2026-09-15T01:00:00Z'),
    end: new Date('2026-09-15T02:00:00Z'),
    status: 'confirmed' as const,
    mode: 'self' as const,
    userId: 'u1',
    userName: '王五',
  }
  const maintenance = [
    { id: 'm1', start: new Date('2026-09-15T00:00:00Z'), end: new Date('2026-09-15T01:00:00Z'), reason: '校准' },
  ]

  it('hides who booked from anonymous readers and other people', () => {
    const blocks = buildBusyBlocks([booking], maintenance, { userId: null, isManager: false })
    expect(blocks).toEqual([
      {
        start: '2026-09-15T08:00:00+08:00',
        end: '2026-09-15T09:00:00+08:00',
        kind: 'maintenance',
        isMine: false,
        booking: null,
        reason: '校准',
      },
      {
        start: '2026-09-15T09:00:00+08:00',
        end: '2026-09-15T10:00:00+08:00',
        kind: 'booking',
        isMine: false,
        booking: null,
        reason: null,
      },
    ])
  })

  it('shows their own booking to a person and every booking to managers', () => {
    expect(buildBusyBlocks([booking], [], { userId: 'u1', isManager: false })[0]).toMatchObject({
      isMine: true,
      booking: { id: booking.id, user: { displayName: '王五' } },
    })
    expect(buildBusyBlocks([booking], [], { userId: 'u2', isManager: true })[0]).toMatchObject({
      isMine: false,
      booking: { user: { id: 'u1' } },
    })
  })
})
