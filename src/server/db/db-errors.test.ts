import { describe, expect, it } from 'vitest'
import { AppError } from '../errors.ts'
import { mapDatabaseError } from './db-errors.ts'

const pgError = (code: string, constraint?: string) =>
  Object.assign(new Error(`pg error ${code}`), { code, ...(constraint ? { constraint } : {}) })

describe('mapDatabaseError', () => {
  it.each([
    ['23505', 'organisation_credit_code_key', 'CONFLICT', 409],
    ['23P01', 'booking_no_overlap', 'SLOT_TAKEN', 409],
    ['23P01', 'some_other_exclusion', 'CONFLICT', 409],
    ['23503', 'resource_owner_org_id_fkey', 'VALIDATION', 400],
    ['23514', 'feedback_content_check', 'VALIDATION', 400],
    ['22P02', undefined, 'VALIDATION', 400],
    ['57P01', undefined, 'UNAVAILABLE', 503],
  ])('SQLSTATE %s (%s) → %s', (sqlstate, constraint, code, status) => {
    const mapped = mapDatabaseError(pgError(sqlstate, constraint))
    expect(mapped).toBeInstanceOf(AppError)
    expect((mapped as AppError).code).toBe(code)
    expect((mapped as AppError).status).toBe(status)
  })

  it('keeps the constraint name in the details', () => {
    const mapped = mapDatabaseError(pgError('23505', 'organisation_credit_code_key')) as AppError
    expect(mapped.details).toEqual({ constraint: 'organisation_credit_code_key' })
  })

  it('returns other errors unchanged', () => {
    const plain = new Error('boom')
    expect(mapDatabaseError(plain)).toBe(plain)
    const syntax = pgError('42601')
    expect(mapDatabaseError(syntax)).toBe(syntax)
  })

  it('treats a refused connection as UNAVAILABLE', () => {
    const mapped = mapDatabaseError(new Error('connect ECONNREFUSED 127.0.0.1:5432')) as AppError
    expect(mapped.code).toBe('UNAVAILABLE')
  })
})
