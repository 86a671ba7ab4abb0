import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { locales } from 'zod'
import { mapDatabaseError } from '../db/db-errors.ts'
import { AppError, ERROR_STATUS, isAppError, isPendingFieldIssues, type TErrorCode } from '../errors.ts'
import { isMessageKey, languageOf, translate, type TLang } from './messages.ts'
import { RequestValidationError } from './validation.ts'

const ZOD_LOCALES = { 'zh-CN': locales.zhCN(), en: locales.en() } as const
const PART_NAMES: Record<string, string> = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' }

/** The body of every error response. */
export type TErrorBody = { error: { code: TErrorCode; message: string; details?: Record<string, unknown> } }

function fromValidation(err: RequestValidationError, lang: TLang): { message: string; details: Record<string, unknown> } {
  const part = PART_NAMES[err.validationContext ?? ''] ?? err.validationContext ?? 'request'
  const issues = err.issues.map((issue) => {
    const fieldPath = [part, ...issue.path.map(String)].join('.')
    const localised = ZOD_LOCALES[lang].localeError(issue as never)
    const message = typeof localised === 'string' ? localised : (localised?.message ?? issue.message)
    return { path: fieldPath, message }
  })
  const summary = issues
    .slice(0, 3)
    .map((i) => `${i.path}: ${i.message}`)
    .join(lang === 'en' ? '; ' : '；')
  return { message: `${translate(lang, 'error.VALIDATION')}（${summary}）`, details: { issues } }
}

/** Words the issues of a `fieldError()` in the request's language, as zod's issues are. */
function fromFieldIssues(err: AppError, lang: TLang): AppError {
  if (!isPendingFieldIssues(err.details)) return err
  const issues = err.details.issues.map((i) => ({ path: i.path, message: translate(lang, i.messageKey, i.vars) }))
  const summary = issues
    .slice(0, 3)
    .map((i) => `${i.path}: ${i.message}`)
    .join(lang === 'en' ? '; ' : '；')
  return new AppError(err.code, err.message, {
    messageKey: err.messageKey,
    vars: { summary, ...err.messageVars },
    details: { issues },
    cause: err,
  })
}

/** Turns a Fastify-level error (body parsing, content type, size) into an AppError, or null if it isn't one. */
function fromFastify(err: FastifyError): AppError | null {
  switch (err.code) {
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('VALIDATION', err.message, { messageKey: 'error.EMPTY_BODY' })
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('VALIDATION', err.message, { messageKey: 'error.INVALID_JSON', vars: { reason: err.message } })
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', err.message)
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', err.message)
  }
  if (err instanceof SyntaxError && err.statusCode === 400) {
    return new AppError('VALIDATION', err.message, { messageKey: 'error.INVALID_JSON', vars: { reason: err.message } })
  }
  const status = err.statusCode ?? 500
  if (status === 404) return new AppError('NOT_FOUND', err.message)
  if (status === 405) return new AppError('METHOD_NOT_ALLOWED', err.message)
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE', err.message)
  if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', err.message)
  if (status === 429) return new AppError('RATE_LIMITED', err.message)
  if (status === 503) return new AppError('UNAVAILABLE', err.message, { messageKey: 'error.SHUTTING_DOWN' })
  if (status >= 400 && status < 500) return new AppError('VALIDATION', err.message)
  return null
}

/**
 * The only writer of error responses: `{ error: { code, message, details } }`, status from the code table,
 * message in the caller's language. Unknown errors become INTERNAL (500): logged with the request id, their
 * text hidden from the client.
 */
export function sendError(err: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const lang = languageOf(request.headers['accept-language'])
  if (err instanceof RequestValidationError) {
    const { message, details } = fromValidation(err, lang)
    request.log.info({ err: err.message }, 'request validation failed')
    return reply.status(ERROR_STATUS.VALIDATION).send({ error: { code: 'VALIDATION', message, details } })
  }
  const mapped = mapDatabaseError(err)
  const appError = isAppError(mapped) ? fromFieldIssues(mapped, lang) : fromFastify(mapped as FastifyError)
  if (!appError) {
    request.log.error({ err }, 'unhandled error')
    const message = translate(lang, 'error.INTERNAL', { requestId: request.id })
    return reply.status(500).send({ error: { code: 'INTERNAL', message } })
  }
  const key = appError.messageKey ?? `error.${appError.code}`
  const message = isMessageKey(key) ? translate(lang, key, appError.messageVars) : appError.message
  const level = appError.status >= 500 ? 'error' : 'info'
  request.log[level]({ code: appError.code, err: appError.message }, 'request failed')
  const body: TErrorBody = { error: { code: appError.code, message, ...(appError.details ? { details: appError.details } : {}) } }
  return reply.status(appError.status).send(body)
}

/** Installs the error handler and the JSON 404 for unknown API routes. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => sendError(err, request, reply))
}

/** The NOT_FOUND error for a route nobody serves. */
export function routeNotFound(request: FastifyRequest): AppError {
  return new AppError('NOT_FOUND', `No route ${request.method} ${request.url}`, {
    messageKey: 'error.ROUTE_NOT_FOUND',
    vars: { method: request.method, url: request.url.split('?')[0] ?? request.url },
  })
}
