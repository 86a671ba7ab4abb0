import { buildApp, type TAppDeps } from '../../src/server/app.ts'
import type { TDatabase } from '../../src/server/db/pool.ts'
import type { TApp } from '../../src/server/http/app-type.ts'
import { createTestDatabase } from './db.ts'

export type TTestContext = { app: TApp; database: TDatabase; close: () => Promise<void> }

/**
 * buildApp() over this file's own database, without listening: call `app.inject()`.
 * @param overrides other dependencies (a manual clock, a mailer pointed at a test SMTP server, settings)
 */
export async function createTestApp(overrides: Omit<Partial<TAppDeps>, 'database'> = {}): Promise<TTestContext> {
  const database = await createTestDatabase()
  const app = await buildApp({ database, logger: false, webDir: null, ...overrides })
  await app.ready()
  return {
    app,
    database,
    close: async () => {
      await app.close()
      await database.close()
    },
  }
}
