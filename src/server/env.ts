import path from 'node:path'
import { z } from 'zod'

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** postgres://… selects a PostgreSQL server; unset means the embedded PGlite in KEXIANG_DATA_DIR. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres://').optional(),
  KEXIANG_DATA_DIR: z.string().default(path.resolve('data')),
  /** Uploaded files (named by SHA-256); unset means KEXIANG_DATA_DIR/files. Back it up with the database. */
  KEXIANG_FILES_DIR: z.string().min(1).optional(),
  /** Skip loading demo data on first start. */
  KEXIANG_NO_DEMO: z.enum(['0', '1']).default('0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How long a graceful shutdown waits for in-flight requests before it gives up. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Behind a reverse proxy: 'true' (trust every hop) or the proxies' addresses/CIDRs, comma-separated. */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value): boolean | string => {
      if (value === undefined || value === '' || value === 'false') return false
      return value === 'true' ? true : value
    }),
  // Identity (src/server/modules/identity/identity.config.ts); unset means the default there.
  /** Secure session cookie: '1' or '0'; default on in production only. */
  COOKIE_SECURE: z.enum(['0', '1']).optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).optional(),
  SESSION_ADMIN_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).optional(),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 30).optional(),
  LOCKOUT_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(1).max(100).optional(),
  LOCKOUT_IP_MAX_FAILURES: z.coerce.number().int().min(1).max(10_000).optional(),
  LOCKOUT_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).optional(),
  /** Version of the privacy policy sign-up must accept, e.g. 2026-11-01. */
  PRIVACY_VERSION: z.string().min(1).max(40).optional(),
  // Mail, audit (src/server/adapters/mailer.ts, src/server/modules/audit).
  /** smtp://user:pass@host:587 or smtps://user:pass@host:465; unset: e-mails are logged, NOT sent. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  /** The sender of e-mails, e.g. "科享平台 <noreply@example.gov.cn>". */
  MAIL_FROM: z.string().min(3).max(200).default('科享平台 <noreply@kexiang.localhost>'),
  /** Days audit records are kept before the daily purge removes them; the law asks for at least 180. */
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(180, 'must be at least 180 (six months, 网络安全法 Art. 21)').default(180),
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
