import { describe, expect, it } from 'vitest'
import { DEFAULT_RULES, deriveRules, parseOpenHoursText, rowFromRules, rulesFromRow } from './rules.ts'

describe('opening hours written in Chinese', () => {
  it('reads the forms the instrument descriptions use', () => {
    expect(parseOpenHoursText('工作日 8:30–11:30，13:30–17:00')).toMatchObject({
      '1': [
        [510, 690],
        [810, 1020],
      ],
      '5': [
        [510, 690],
        [810, 1020],
      ],
      '6': [],
      '7': [],
    })
    expect(parseOpenHoursText('周一至周六 8:30–17:30')).toMatchObject({ '6': [[510, 1050]], '7': [] })
    expect(parseOpenHoursText('每天 24小时开放')['7']).toEqual([[0, 1440]])
  })

  it('falls back to the default when it cannot read the text', () => {
    expect(parseOpenHoursText('请电话预约')).toEqual(DEFAULT_RULES.openHours)
  })
})

describe('rules derived from the description', () => {
  it('maps the demo fields and keeps defaults for the rest', () => {
    const rules = deriveRules({
      bookingRules: {
        openHours: '工作日 8:00–12:00，14:00–18:00',
        minNoticeHours: 72,
        slotMinutes: 30,
        maxHoursPerBooking: 4,
        trainingRequired: true,
        approvalRequired: false,
      },
    })
    expect(rules).toMatchObject({
      minNoticeMinutes: 4320,
      slotMinutes: 30,
      maxMinutes: 240,
      isTrainingRequired: true,
      isApprovalRequired: false,
      maxAdvanceDays: 30,
    })
    expect(rules.openHours['2']).toEqual([
      [480, 720],
      [840, 1080],
    ])
  })

  it('ignores values that do not fit (per-sample instruments have no slot)', () => {
    const rules = deriveRules({
      bookingRules: { slotMinutes: null, maxHoursPerBooking: null, minNoticeHours: -1, slotMinutesX: 7 },
    })
    expect(rules).toMatchObject({ slotMinutes: 60, maxMinutes: 480, minNoticeMinutes: 1440 })
    expect(deriveRules({ bookingRules: { slotMinutes: 7 } }).slotMinutes).toBe(60)
    expect(deriveRules({})).toEqual(DEFAULT_RULES)
  })

  it('stores and restores every rule', () => {
    for (const lateFee of [{ kind: 'none' }, { kind: 'fixed', fen: 2000 }, { kind: 'percent', percent: 30 }] as const) {
      const rules = { ...DEFAULT_RULES, lateFee, userQuotaMinutes: 600, quotaPeriod: 'month' as const }
      expect(rulesFromRow(rowFromRules(rules))).toEqual(rules)
    }
  })
})
