import { describe, expect, it } from 'vitest'
import { groupsFraction, sampleGroup, sampleLevel } from './sample-groups.ts'
import { andTsquery } from './search-sql-sample.ts'

const id = (tail: string) => `00000000-0000-4000-8000-0000${tail}`

describe('sample groups', () => {
  it('puts 2^-12 of the ids in level 0 and doubles from there', () => {
    expect(sampleLevel(id('00000000'))).toBe(0)
    expect(sampleLevel(id('000fffff'))).toBe(0)
    expect(sampleLevel(id('00100000'))).toBe(1)
    expect(sampleLevel(id('7fffffff'))).toBe(11)
    expect(sampleLevel(id('80000000'))).toBe(12)
    expect(sampleLevel(id('ffffffff'))).toBe(12)
  })

  it('pairs the levels into six groups, each about three times all before it', () => {
    expect(
      ['00000000', '003fffff', '00400000', '00ffffff', '01000000', '7fffffff', 'ffffffff'].map((t) =>
        sampleGroup(id(t)),
      ),
    ).toEqual([0, 0, 1, 1, 2, 5, 5])
    expect([0, 1, 2, 3, 4, 5].map(groupsFraction)).toEqual([1 / 1024, 1 / 256, 1 / 64, 1 / 16, 1 / 4, 1])
  })

  it('spreads random ids as the fractions say', () => {
    const counts = [0, 0, 0, 0, 0, 0]
    const total = 40_000
    for (let i = 0; i < total; i++) {
      const g = sampleGroup(crypto.randomUUID())
      counts[g] = (counts[g] ?? 0) + 1
    }
    expect((counts[5] ?? 0) / total).toBeGreaterThan(0.73)
    expect((counts[5] ?? 0) / total).toBeLessThan(0.77)
    expect(((counts[3] ?? 0) + (counts[2] ?? 0) + (counts[1] ?? 0) + (counts[0] ?? 0)) / total).toBeLessThan(0.07)
  })

  it('joins tsquery literals', () => {
    expect(andTsquery("'a'", '', "'b' | 'c'")).toBe("( 'a' ) & ( 'b' | 'c' )")
    expect(andTsquery('', "'b'")).toBe("'b'")
    expect(andTsquery('', '')).toBe('')
  })
})
