import { describe, expect, it } from 'vitest'
import { cronMatches, parseCron } from './cron.ts'

describe('parseCron / cronMatches', () => {
  it('matches a daily time in UTC', () => {
    const cron = parseCron('17 3 * * *')
    expect(cronMatches(cron, new Date('2026-05-01T03:17:40Z'))).toBe(true)
    expect(cronMatches(cron, new Date('2026-05-01T03:18:00Z'))).toBe(false)
    expect(cronMatches(cron, new Date('2026-05-01T11:17:00+08:00'))).toBe(true)
  })

  it('reads steps, ranges and lists', () => {
    const cron = parseCron('*/15 8-18/2 1,15 * 1-5')
    expect([...cron.fields[0]!]).toEqual([0, 15, 30, 45])
    expect([...cron.fields[1]!]).toEqual([8, 10, 12, 14, 16, 18])
    expect([...cron.fields[2]!]).toEqual([1, 15])
    expect(cronMatches(cron, new Date('2026-06-01T10:30:00Z'))).toBe(true) // a Monday
    expect(cronMatches(cron, new Date('2026-03-01T10:30:00Z'))).toBe(false) // a Sunday
  })

  it('refuses what it cannot read', () => {
    expect(() => parseCron('* * * *')).toThrow('5 fields')
    expect(() => parseCron('60 * * * *')).toThrow('minute')
    expect(() => parseCron('a * * * *')).toThrow('cannot read')
    expect(() => parseCron('5-1 * * * *')).toThrow('outside')
  })
})
