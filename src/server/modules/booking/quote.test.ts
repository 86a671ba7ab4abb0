import { describe, expect, it } from 'vitest'
import { computeQuote, freeChangeUntil, lateChangeFee, readFeeStandard, requote, resolveTier } from './quote.ts'

const fee = { unit: 'hour' as const, externalFen: 10_000, memberFen: 8_000, internalFen: 5_000 }

describe('price tiers (内外有别)', () => {
  it('internal before member before external', () => {
    expect(resolveTier({ ownerOrgId: 'a', personOrgIds: ['b', 'a'], isNetworkMember: true })).toBe('internal')
    expect(resolveTier({ ownerOrgId: 'a', personOrgIds: ['b'], isNetworkMember: true })).toBe('member')
    expect(resolveTier({ ownerOrgId: 'a', personOrgIds: [], isNetworkMember: false })).toBe('external')
  })

  it('reads a fee standard, defaulting what is missing', () => {
    expect(readFeeStandard({ feeStandard: { unit: 'sample', externalFen: 300, memberFen: -1 } })).toEqual({
      unit: 'sample',
      externalFen: 300,
      memberFen: 0,
      internalFen: 0,
    })
    expect(readFeeStandard({}).unit).toBe('hour')
  })
})

describe('quotes', () => {
  it('prices hours by the minute, rounded to the fen', () => {
    expect(computeQuote({ fee, tier: 'member', isFree: false, minutes: 90, samples: 1 })).toEqual({
      tier: 'member',
      unit: 'hour',
      unitPriceFen: 8_000,
      quantity: 1.5,
      amountFen: 12_000,
      isFree: false,
    })
    expect(
      computeQuote({ fee: { ...fee, externalFen: 333 }, tier: 'external', isFree: false, minutes: 20, samples: 1 })
        .amountFen,
    ).toBe(111)
  })

  it('prices samples, items and days', () => {
    expect(
      computeQuote({ fee: { ...fee, unit: 'sample' }, tier: 'internal', isFree: false, minutes: 60, samples: 4 }),
    ).toMatchObject({ quantity: 4, amountFen: 20_000 })
    expect(
      computeQuote({ fee: { ...fee, unit: 'day' }, tier: 'external', isFree: false, minutes: 1500, samples: 1 }),
    ).toMatchObject({ quantity: 2, amountFen: 20_000 })
  })

  it('charges nothing for a free basic service', () => {
    expect(computeQuote({ fee, tier: 'external', isFree: true, minutes: 120, samples: 1 })).toMatchObject({
      unitPriceFen: 0,
      amountFen: 0,
      isFree: true,
    })
  })

  it('requotes a changed range at the frozen prices', () => {
    const frozen = computeQuote({ fee, tier: 'member', isFree: false, minutes: 60, samples: 1 })
    expect(requote(frozen, 150, 1)).toEqual({ ...frozen, quantity: 2.5, amountFen: 20_000 })
  })
})

describe('late change fee', () => {
  const start = new Date('2026-09-20T01:00:00Z')
  const rules = { cancelCutoffHours: 24, lateFee: { kind: 'percent' as const, percent: 30 } }

  it('is free before the cut-off and due from it on', () => {
    expect(freeChangeUntil(rules, start).toISOString()).toBe('2026-09-19T01:00:00.000Z')
    expect(lateChangeFee({ rules, amountFen: 10_001, start, now: new Date('2026-09-19T00:59:59Z') })).toBe(0)
    expect(lateChangeFee({ rules, amountFen: 10_001, start, now: new Date('2026-09-19T01:00:00Z') })).toBe(3_000)
  })

  it('can be fixed or none', () => {
    const now = new Date('2026-09-20T00:00:00Z')
    expect(
      lateChangeFee({ rules: { ...rules, lateFee: { kind: 'fixed', fen: 5_000 } }, amountFen: 1, start, now }),
    ).toBe(5_000)
    expect(lateChangeFee({ rules: { ...rules, lateFee: { kind: 'none' } }, amountFen: 10_000, start, now })).toBe(0)
  })
})
