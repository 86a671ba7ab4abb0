import { AppError, type TErrorCode } from '../errors.ts'

/**
 * Exclusion constraints that stand for a domain rule, and the error code each one means.
 * A module that adds such a constraint names it here (e.g. the booking module's no-overlap rule).
 */
const EXCLUSION_CODES: Record<string, TErrorCode> = {
  booking_no_overlap: 'SLOT_TAKEN',
}

type TPgError = Error & { code: string; constraint?: string; detail?: string; column?: string; table?: string }

function isPgError(err: unknown): err is TPgError {
  return (
    err instanceof Error && typeof (err as { code?: unknown }).code === 'string' && /^[0-9A-Z]{5}$/.test((err as TPgError).code)
  )
}

/**
 * The one place that turns a database error into an AppError (SQLSTATE → code):
 * unique_violation → CONFLICT, exclusion_violation → the constraint's domain code (else CONFLICT),
 * foreign_key_violation / check_violation / not_null / invalid text → VALIDATION,
 * connection failures → UNAVAILABLE. Anything else is returned unchanged (it becomes INTERNAL).
 */
export function mapDatabaseError(err: unknown): unknown {
  if (!isPgError(err)) {
    if (err instanceof Error && /ECONNREFUSED|timeout exceeded when trying to connect|Connection terminated/.test(err.message)) {
      return new AppError('UNAVAILABLE', err.message, { messageKey: 'error.DATABASE_UNAVAILABLE', cause: err })
    }
    return err
  }
  const constraint = err.constraint ?? ''
  const details = constraint ? { constraint } : undefined
  switch (err.code) {
    case '23505':
      return new AppError('CONFLICT', err.detail ?? err.message, { details, cause: err })
    case '23P01':
      return new AppError(EXCLUSION_CODES[constraint] ?? 'CONFLICT', err.detail ?? err.message, { details, cause: err })
    case '23503':
      return new AppError('VALIDATION', err.detail ?? err.message, {
        details,
        messageKey: 'error.FOREIGN_KEY',
        vars: { constraint },
        cause: err,
      })
    case '23514':
    case '23502':
      return new AppError('VALIDATION', err.message, {
        details: { constraint: constraint || err.column || '' },
        messageKey: 'error.CHECK_FAILED',
        vars: { constraint: constraint || err.column || '' },
        cause: err,
      })
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return new AppError('VALIDATION', err.message, { messageKey: 'error.INVALID_VALUE', cause: err })
    case '57P01':
    case '57P03':
    case '08006':
    case '08001':
      return new AppError('UNAVAILABLE', err.message, { messageKey: 'error.DATABASE_UNAVAILABLE', cause: err })
    default:
      return err
  }
}
