import { describe, expect, it } from 'vitest'
import {
  addDays,
  isoWeekdayOf,
  localDateOf,
  localDatesOf,
  localMidnight,
  localMinuteOf,
  periodOf,
  toShanghaiIso,
} from './time.ts'

describe('Shanghai wall-clock time', () => {
  it('reads the Shanghai day and minute of an instant (UTC+8, across midnight UTC)', () => {
    const at = new Date('2026-09-30T17:30:00Z')
    expect(localDateOf(at)).toBe('2026-10-01')
    expect(localMinuteOf(at)).toBe(90)
    expect(toShanghaiIso(at)).toBe('2026-10-01T01:30:00+08:00')
  })

  it('finds midnight, weekdays and following days', () => {
    expect(localMidnight('2026-10-01').toISOString()).toBe('2026-09-30T16:00:00.000Z')
    expect(isoWeekdayOf('2026-10-01')).toBe(4)
    expect(isoWeekdayOf('2026-10-04')).toBe(7)
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })

  it('lists the days an interval touches, its end excluded', () => {
    const start = new Date('2026-10-01T15:00:00Z')
    expect(localDatesOf({ start, end: new Date('2026-10-01T16:00:00Z') })).toEqual(['2026-10-01'])
    expect(localDatesOf({ start, end: new Date('2026-10-01T16:30:00Z') })).toEqual(['2026-10-01', '2026-10-02'])
  })

  it('finds the ISO week and the month of an instant, in Shanghai', () => {
    const sundayNight = new Date('2026-09-20T15:59:00Z') // Sunday 23:59 Shanghai
    expect(periodOf(sundayNight, 'week')).toEqual({
      start: localMidnight('2026-09-14'),
      end: localMidnight('2026-09-21'),
    })
    expect(periodOf(new Date('2026-12-31T16:30:00Z'), 'month')).toEqual({
      start: localMidnight('2027-01-01'),
      end: localMidnight('2027-02-01'),
    })
    expect(periodOf(new Date('2026-12-15T00:00:00Z'), 'month')).toEqual({
      start: localMidnight('2026-12-01'),
      end: localMidnight('2027-01-01'),
    })
  })
})
