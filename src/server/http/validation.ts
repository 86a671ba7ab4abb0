import type { FastifySchemaCompiler } from 'fastify'
import type { z } from 'zod'

/** Thrown (as the validation result) when a request part fails its zod schema; carries the raw issues. */
export class RequestValidationError extends Error {
  readonly statusCode = 400
  readonly code = 'FST_ERR_VALIDATION'
  readonly issues: z.core.$ZodIssue[]
  validationContext: string | undefined

  constructor(issues: z.core.$ZodIssue[]) {
    super(issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '))
    this.name = 'RequestValidationError'
    this.issues = issues
  }
}

/**
 * Fastify validator compiler for zod schemas. It keeps the zod issues (with their input) on the error so
 * that the error handler can word each one in the caller's language (zh-CN or en).
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true })
    if (result.success) return { value: result.data }
    return { error: new RequestValidationError(result.error.issues) }
  }
