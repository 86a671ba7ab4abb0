import { sql } from 'kysely'
import { z } from 'zod'
import type { TDatabase } from '../../db/pool.ts'
import { AppError } from '../../errors.ts'
import type { TApp } from '../../http/app-type.ts'

const ZHealth = z.object({ status: z.literal('ok') })
const ZReady = z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']) })

/**
 * Liveness and readiness. /healthz answers while the process runs; /readyz also asks the database,
 * and answers 503 (code UNAVAILABLE) when it cannot, so a load balancer stops sending traffic.
 */
export function registerSystemRoutes(app: TApp, deps: { database: TDatabase }): void {
  app.get('/healthz', { schema: { tags: ['system'], response: { 200: ZHealth } } }, async () => ({ status: 'ok' as const }))

  app.get('/readyz', { schema: { tags: ['system'], response: { 200: ZReady } } }, async () => {
    try {
      await sql`select 1`.execute(deps.database.db)
    } catch (err) {
      throw new AppError('UNAVAILABLE', 'database did not answer', { messageKey: 'error.DATABASE_UNAVAILABLE', cause: err })
    }
    return { status: 'ready' as const, database: deps.database.kind }
  })
}
