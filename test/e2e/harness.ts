import { existsSync } from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { buildApp } from '../../src/server/app.ts'
import { migrate } from '../../src/server/db/migrate.ts'
import { openDatabase, type TDatabase } from '../../src/server/db/pool.ts'
import { seedDemoData } from '../../scripts/demo/index.ts'

export const CHROMIUM_PATH = '/usr/bin/chromium'

export type TE2eServer = { baseUrl: string; database: TDatabase; close: () => Promise<void> }

/**
 * The real app over HTTP on a free port, on a fresh embedded database with the demo data, serving the
 * built UI. It runs in the test process so the test can read the same database the page shows.
 */
export async function startE2eServer(): Promise<TE2eServer> {
  const database = await openDatabase({})
  await migrate(database.pool)
  await seedDemoData(database.db)
  const app = await buildApp({ database, logger: false, webDir: path.resolve('dist/web') })
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  return {
    baseUrl: address,
    database,
    close: async () => {
      await app.close()
      await database.close()
    },
  }
}

/** Debian's chromium, headless, with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error('Debian chromium is missing: apt-get update && apt-get install -y chromium fonts-noto-cjk')
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** Fails the test on any console error or uncaught page error. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text())
  })
  page.on('pageerror', (err) => errors.push(err.message))
  return errors
}

/** True when the page is wider than the viewport (horizontal scrolling). */
export async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)
}
