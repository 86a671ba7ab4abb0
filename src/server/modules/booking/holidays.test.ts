import { describe, expect, it } from 'vitest'
import { bundledYearDays, createHolidayCalendar, isYearBundled, type TLoadedYear } from './holidays.ts'

describe('holiday calendar over chinese-days', () => {
  const calendar = createHolidayCalendar(new Map())

  it('knows 2026: holidays, 调休 workdays on weekends, ordinary days', () => {
    expect(calendar.dayInfo('2026-10-01')).toEqual({ date: '2026-10-01', kind: 'holiday', name: '国庆节' })
    expect(calendar.dayInfo('2026-10-03')).toEqual({ date: '2026-10-03', kind: 'holiday', name: '国庆节' })
    expect(calendar.dayInfo('2026-10-10')).toEqual({ date: '2026-10-10', kind: 'adjusted_workday', name: '国庆节' })
    expect(calendar.dayInfo('2026-02-14')).toMatchObject({ kind: 'adjusted_workday', name: '春节' })
    expect(calendar.dayInfo('2026-10-11')).toEqual({ date: '2026-10-11', kind: 'weekend', name: null })
    expect(calendar.dayInfo('2026-10-12')).toEqual({ date: '2026-10-12', kind: 'workday', name: null })
  })

  it('does not guess past its data: 2027 is unknown until loaded', () => {
    expect(isYearBundled(2026)).toBe(true)
    expect(isYearBundled(2027)).toBe(false)
    expect(calendar.sourceOf(2027)).toBe('missing')
    expect(calendar.dayInfo('2027-01-01').kind).toBe('unknown')
  })

  it('uses a loaded year instead of the bundled data', () => {
    const year2027: TLoadedYear = {
      holidays: new Map([['2027-01-01', '元旦']]),
      workdays: new Map([['2027-02-20', '春节']]),
    }
    const loaded = createHolidayCalendar(new Map([[2027, year2027]]))
    expect(loaded.sourceOf(2027)).toBe('loaded')
    expect(loaded.dayInfo('2027-01-01')).toEqual({ date: '2027-01-01', kind: 'holiday', name: '元旦' })
    expect(loaded.dayInfo('2027-02-20')).toEqual({ date: '2027-02-20', kind: 'adjusted_workday', name: '春节' })
    expect(loaded.dayInfo('2027-01-02')).toEqual({ date: '2027-01-02', kind: 'weekend', name: null })
    expect(loaded.dayInfo('2027-01-04')).toEqual({ date: '2027-01-04', kind: 'workday', name: null })
  })

  it('lists a bundled year for the admin page', () => {
    const days = bundledYearDays(2026)
    expect(days).toContainEqual({ date: '2026-10-07', kind: 'holiday', name: '国庆节' })
    expect(days.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ])
    expect(bundledYearDays(2027)).toEqual([])
  })
})
