/**
 * The one error class of the server. Services throw AppError; only http/error-handler.ts turns it into a
 * response, always `{ error: { code, message, details } }`, with the message in zh-CN or en.
 */

/** Every error code the API can answer with, and its HTTP status. */
export const ERROR_STATUS = {
  /** The request body, query or parameters failed validation. */
  VALIDATION: 400,
  /** No valid session: sign in first. */
  UNAUTHENTICATED: 401,
  /** Signed in, but this session has not passed the second factor its roles require. */
  SECOND_FACTOR_REQUIRED: 401,
  /** Too many failed sign-ins: the account or address is locked for a while. */
  LOCKED: 423,
  /** Signed in, but this role may not do this. */
  FORBIDDEN: 403,
  /** The route or the record does not exist (or is not visible to the caller). */
  NOT_FOUND: 404,
  /** The HTTP method is not allowed on this route. */
  METHOD_NOT_ALLOWED: 405,
  /** The write conflicts with existing data (a unique value already taken). */
  CONFLICT: 409,
  /** The record is not in a state that allows this action (e.g. reviewing an organisation twice). */
  STATE_INVALID: 409,
  /** The time slot is already booked (exclusion constraint on bookings). */
  SLOT_TAKEN: 409,
  /** The request body is larger than the server accepts. */
  PAYLOAD_TOO_LARGE: 413,
  /** The request body is not JSON (or another accepted type). */
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** Too many requests from this client; retry later. */
  RATE_LIMITED: 429,
  /** The server is shutting down or its database is not reachable. */
  UNAVAILABLE: 503,
  /** Anything unexpected: logged with the request id, message hidden. */
  INTERNAL: 500,
} as const

export type TErrorCode = keyof typeof ERROR_STATUS

/** Details attached to an error, e.g. `{ fields: { phone: '…' } }` for VALIDATION. */
export type TErrorDetails = Record<string, unknown>

export class AppError extends Error {
  readonly code: TErrorCode
  readonly details: TErrorDetails | undefined
  /** Message key in the server catalogue (src/server/http/messages.ts), with its variables. */
  readonly messageKey: string | undefined
  readonly messageVars: Record<string, string | number> | undefined

  /**
   * @param code the closed error code; its status comes from ERROR_STATUS
   * @param message an English developer message (logged; shown only when no catalogue key is given)
   * @param options.details structured details returned to the client
   * @param options.messageKey catalogue key of the user-facing message (defaults to `error.<CODE>`)
   */
  constructor(
    code: TErrorCode,
    message: string,
    options: { details?: TErrorDetails; messageKey?: string; vars?: Record<string, string | number>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause })
    this.name = 'AppError'
    this.code = code
    this.details = options.details
    this.messageKey = options.messageKey
    this.messageVars = options.vars
  }

  get status(): number {
    return ERROR_STATUS[this.code]
  }
}

/** True for an AppError (also across module copies in tests). */
export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError
}

/** A field error as a service raises it: the field's path and a catalogue key; worded per language later. */
export type TFieldIssue = { path: string; messageKey: string; vars?: Record<string, string | number> }

/** The details of a field error until the error handler words its issues for the request. */
export type TPendingFieldIssues = { issues: TFieldIssue[]; isPendingTranslation: true }

/** True for the details of {@link fieldError}. */
export function isPendingFieldIssues(details: unknown): details is TPendingFieldIssues {
  return (
    typeof details === 'object' && details !== null && (details as TPendingFieldIssues).isPendingTranslation === true
  )
}

/**
 * An error that names the fields at fault, answered like a validation error:
 * `details.issues = [{ path: 'body.password', message }]`. Services know no language, so the issues carry
 * message keys until the error handler words them in the caller's language.
 * @param code VALIDATION for bad input, CONFLICT for a value already taken
 * @param issues one or more fields and what is wrong with them
 * @param messageKey the top-level message; default: the generic "invalid request (field: message)"
 */
export function fieldError(code: TErrorCode, issues: TFieldIssue[], messageKey = 'error.FIELDS_INVALID'): AppError {
  const summary = issues.map((i) => `${i.path}: ${i.messageKey}`).join('; ')
  const details: TPendingFieldIssues = { issues, isPendingTranslation: true }
  return new AppError(code, `${code}: ${summary}`, { messageKey, details })
}
