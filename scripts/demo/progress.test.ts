import { describe, expect, it } from 'vitest'
import { createProgress, formatDuration, progressLine } from './progress.ts'

describe('progress', () => {
  it('formats durations', () => {
    expect(formatDuration(5)).toBe('0:05')
    expect(formatDuration(125)).toBe('2:05')
    expect(formatDuration(3725)).toBe('1:02:05')
    expect(formatDuration(Number.NaN)).toBe('--:--')
  })

  it('shows percent, count, rate and ETA', () => {
    const line = progressLine(50_000, 200_000, 'rows', 5_000)
    expect(line).toContain(' 25.0%')
    expect(line).toContain('50,000/200,000 rows')
    expect(line).toContain('10,000 rows/s')
    expect(line).toContain('ETA 0:15')
  })

  it('redraws one line with \\r on a terminal, at most five times a second', () => {
    const out: string[] = []
    let now = 0
    const p = createProgress({ total: 100, unit: 'rows', out: { isTTY: true, write: (t) => out.push(t) }, clock: () => now })
    now = 300
    p.update(10)
    now = 350
    p.update(20)
    now = 600
    p.update(30)
    p.finish(100)
    expect(out).toHaveLength(3)
    expect(out.every((t) => t.startsWith('\r'))).toBe(true)
    expect(out[2]?.endsWith('\n')).toBe(true)
  })

  it('prints a plain line per 10 % when the output is not a terminal', () => {
    const out: string[] = []
    let now = 0
    const p = createProgress({ total: 100, unit: 'rows', out: { write: (t) => out.push(t) }, clock: () => ++now })
    for (let done = 1; done <= 100; done++) p.update(done)
    p.finish(100)
    expect(out).toHaveLength(10)
    expect(out.every((t) => !t.includes('\r') && t.endsWith('\n'))).toBe(true)
  })
})
