import { describe, it, expect } from 'vitest'
import {
  checkUSCC,
  idCardCheckChar,
  isCnIdCard,
  isCnMobile,
  isUSCC,
  maskIdCard,
  maskMobile,
  usccCheckChar,
} from './index.ts'

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'

/** Deterministic pseudo-random integers in [0, n) (mulberry32), so failures reproduce. */
function rng(seed: number): (n: number) => number {
  let a = seed
  return (n) => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)
  }
}

const pick = (next: (n: number) => number, chars: string, length: number): string =>
  Array.from({ length }, () => chars.charAt(next(chars.length))).join('')

/** Replaces the character at position i. */
const replaceAt = (s: string, i: number, c: string): string => `${s.slice(0, i)}${c}${s.slice(i + 1)}`

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts the reference vector and rejects a wrong check character', () => {
    expect(isUSCC('91350100M000100Y43')).toBe(true)
    expect(usccCheckChar('91350100M000100Y4')).toBe('3')
    expect(isUSCC('91350100M000100Y4A')).toBe(false)
    expect(checkUSCC('91350100M000100Y4A')).toBe('checksum')
  })

  it('reports a legal pilot code that fails the checksum as checksum, not format', () => {
    expect(checkUSCC('91350100M0001TGQXM')).toBe('checksum')
  })

  it('reports bad shapes as format', () => {
    for (const code of [
      '',
      '91350100M000100Y4', // 17 characters
      '91350100M000100Y433', // 19 characters
      '91350100m000100Y43', // lower case
      '91350100M000100I43', // I is not in the character set
      '9135A100M000100Y43', // region code must be digits
      ' 91350100M000100Y43',
    ]) {
      expect(checkUSCC(code), code).toBe('format')
      expect(isUSCC(code), code).toBe(false)
    }
  })

  it('round-trips generated codes: the computed check character validates, every other one fails', () => {
    const next = rng(32100)
    for (let n = 0; n < 300; n++) {
      const body = `${pick(next, USCC_CHARS, 2)}${pick(next, '0123456789', 6)}${pick(next, USCC_CHARS, 9)}`
      const check = usccCheckChar(body)
      expect(USCC_CHARS).toContain(check)
      expect(checkUSCC(body + check)).toBe('valid')
      for (const other of USCC_CHARS) if (other !== check) expect(checkUSCC(body + other)).toBe('checksum')
      const i = next(17)
      const changed = replaceAt(
        body,
        i,
        i >= 2 && i < 8 ? String((Number(body[i]) + 1) % 10) : body[i] === 'Y' ? '0' : 'Y',
      )
      expect(isUSCC(changed + check), `${changed}${check}`).toBe(false)
    }
  })

  it('refuses to compute a check character for a malformed body', () => {
    expect(() => usccCheckChar('91350100M000100Y')).toThrow(RangeError)
    expect(() => usccCheckChar('91350100M000100YO')).toThrow(RangeError)
  })
})

describe('公民身份号码 (GB 11643)', () => {
  it('accepts the reference vectors', () => {
    expect(isCnIdCard('11010519491231002X')).toBe(true)
    expect(idCardCheckChar('11010519491231002')).toBe('X')
    expect(isCnIdCard('130701199310302288')).toBe(true)
    expect(idCardCheckChar('13070119931030228')).toBe('8')
  })

  it('rejects one changed digit', () => {
    expect(isCnIdCard('11010519491231003X')).toBe(false)
    expect(isCnIdCard('130701199310302287')).toBe(false)
    expect(isCnIdCard('130701199310312288')).toBe(false)
  })

  it('rejects impossible dates even with a correct check character', () => {
    for (const date of ['19990230', '19990229', '21000101', '18991231', '19991301', '19990100', '19990431']) {
      const body = `110105${date}002`
      expect(isCnIdCard(body + idCardCheckChar(body)), date).toBe(false)
    }
    const leapDay = '11010520000229002'
    expect(isCnIdCard(leapDay + idCardCheckChar(leapDay))).toBe(true)
  })

  it('rejects bad shapes', () => {
    for (const id of ['', '11010519491231002x', '110105194912310', '11010519491231002X0', '1101051949123100XX']) {
      expect(isCnIdCard(id), id).toBe(false)
    }
    expect(() => idCardCheckChar('1101051949123100X')).toThrow(RangeError)
  })

  it('round-trips generated numbers: the computed check character validates, flipping it fails', () => {
    const next = rng(11643)
    for (let n = 0; n < 300; n++) {
      const year = 1900 + next(200)
      const month = String(1 + next(12)).padStart(2, '0')
      const day = String(1 + next(28)).padStart(2, '0')
      const body = `${pick(next, '0123456789', 6)}${year}${month}${day}${pick(next, '0123456789', 3)}`
      const check = idCardCheckChar(body)
      expect(isCnIdCard(body + check), body + check).toBe(true)
      for (const other of '0123456789X') if (other !== check) expect(isCnIdCard(body + other)).toBe(false)
      const i = next(17)
      const changed = replaceAt(body, i, String((Number(body[i]) + 1 + next(9)) % 10))
      expect(isCnIdCard(changed + check), `${changed}${check}`).toBe(false)
    }
  })
})

describe('mobile numbers', () => {
  it('accepts 11 digits starting 13–19', () => {
    for (const s of ['13812345678', '19912345678', '16612345678']) expect(isCnMobile(s), s).toBe(true)
  })

  it('rejects other shapes', () => {
    for (const s of ['12812345678', '1381234567', '138123456789', '+8613812345678', '138 1234 5678', '']) {
      expect(isCnMobile(s), s).toBe(false)
    }
  })
})

describe('masks', () => {
  it('masks a mobile number as 138****5678', () => {
    expect(maskMobile('13812345678')).toBe('138****5678')
  })

  it('masks an ID number keeping the first 6 and last 4', () => {
    expect(maskIdCard('11010519491231002X')).toBe('110105********002X')
    expect(maskIdCard('130701199310302288')).toBe('130701********2288')
  })

  it('never shows the whole of a short value', () => {
    expect(maskMobile('1234567')).toBe('*******')
    expect(maskIdCard('1234567890')).toBe('**********')
    expect(maskMobile('')).toBe('')
  })
})
