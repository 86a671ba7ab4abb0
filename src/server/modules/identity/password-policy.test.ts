import { describe, expect, it } from 'vitest'
import { checkPassword } from './password-policy.ts'

describe('checkPassword', () => {
  it('accepts 8+ characters from 3 of the 4 classes', () => {
    expect(checkPassword('Kexiang@2026')).toEqual([])
    expect(checkPassword('abcdEF12')).toEqual([])
    expect(checkPassword('abcd12#$')).toEqual([])
    expect(checkPassword('ABCD12#$')).toEqual([])
    expect(checkPassword('科技资源abc12')).toEqual([])
  })

  it('refuses fewer than 8 characters', () => {
    expect(checkPassword('aB3$xyz')).toEqual(['TOO_SHORT'])
  })

  it('refuses more than 128 characters', () => {
    expect(checkPassword(`aB3$${'x'.repeat(125)}`)).toEqual(['TOO_LONG'])
  })

  it('refuses passwords from only one or two classes', () => {
    expect(checkPassword('abcdefghij')).toEqual(['TOO_FEW_CLASSES'])
    expect(checkPassword('abcdef1234')).toEqual(['TOO_FEW_CLASSES'])
    expect(checkPassword('ABCDEF!!!!')).toEqual(['TOO_FEW_CLASSES'])
    expect(checkPassword('12345678')).toEqual(['TOO_FEW_CLASSES'])
  })

  it('lists every broken rule', () => {
    expect(checkPassword('abc')).toEqual(['TOO_SHORT', 'TOO_FEW_CLASSES'])
  })

  it('refuses a password that contains the phone number or its last 8 digits', () => {
    expect(checkPassword('Ab#13812345678', { phone: '13812345678' })).toEqual(['CONTAINS_PHONE'])
    expect(checkPassword('Ab#12345678', { phone: '13812345678' })).toEqual(['CONTAINS_PHONE'])
    expect(checkPassword('Ab#1234567x', { phone: '13812345678' })).toEqual([])
    expect(checkPassword('Ab#13812345678')).toEqual([])
  })

  it('refuses common passwords whatever their case', () => {
    expect(checkPassword('P@ssw0rd')).toEqual(['TOO_COMMON'])
    expect(checkPassword('password123')).toEqual(['TOO_FEW_CLASSES', 'TOO_COMMON'])
    expect(checkPassword('ADMIN@123')).toEqual(['TOO_COMMON'])
    expect(checkPassword('1qaz@WSX')).toEqual(['TOO_COMMON'])
  })
})
