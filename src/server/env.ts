import path from 'node:path'
import { z } from 'zod'

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** postgres://… selects a PostgreSQL server; unset means the embedded PGlite in KEXIANG_DATA_DIR. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres://').optional(),
  KEXIANG_DATA_DIR: z.string().default(path.resolve('data')),
  /** Skip loading demo data on first start. */
  KEXIANG_NO_DEMO: z.enum(['0', '1']).default('0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How long a graceful shutdown waits for in-flight requests before it gives up. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
})

export type TEnv = z.infer<typeof ZEnv>

/**
 * Parses the process environment once. On invalid values it prints every problem and exits,
 * so a misconfigured server never starts half-working.
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): TEnv {
  const parsed = ZEnv.safeParse(source)
  if (parsed.success) return parsed.data
  for (const issue of parsed.error.issues) {
    console.error(`Invalid environment variable ${issue.path.join('.')}: ${issue.message}`)
  }
  process.exit(1)
}
