import { describe, expect, it } from 'vitest'
import { RESOURCE_KINDS } from '#shared/resource-kinds.ts'
import { assertCstrPrefix, CSTR_TYPE_CODES, DEFAULT_CSTR_PREFIX, formatCstr } from './cstr.ts'

describe('CSTR-shaped platform identifiers', () => {
  it('writes CSTR:<prefix>.<type>.<local id> matching the GB/T 32843 pattern', () => {
    const id = formatCstr(DEFAULT_CSTR_PREFIX, 'instrument', 42)
    expect(id).toBe('CSTR:KX000.01.00000042')
    expect(id.slice(5)).toMatch(/^\w{5}\.\d{2}\..+$/)
  })

  it('gives every kind its own two-digit type code', () => {
    const codes = RESOURCE_KINDS.map((k) => CSTR_TYPE_CODES[k])
    expect(new Set(codes).size).toBe(RESOURCE_KINDS.length)
    for (const code of codes) expect(code).toMatch(/^\d{2}$/)
  })

  it('accepts only 5-character prefixes', () => {
    expect(assertCstrPrefix('31253')).toBe('31253')
    expect(() => assertCstrPrefix('KX00')).toThrow(/5 letters or digits/)
    expect(() => assertCstrPrefix('KX-00')).toThrow()
  })
})
