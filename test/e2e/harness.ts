import { existsSync } from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
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

/** The demo accounts' one password (scripts/demo/build-accounts.ts). */
export const DEMO_PASSWORD = 'Kexiang@2026'

/**
 * The newest SMS code the development gateway "sent" to a number (it writes every message to
 * dev_sms_outbox), waiting up to 5 s for it to arrive.
 * @returns the 6 digits
 */
export async function readSmsCode(database: TDatabase, phone: string): Promise<string> {
  const deadline = Date.now() + 5_000
  while (Date.now() < deadline) {
    const row = await database.db
      .selectFrom('dev_sms_outbox')
      .select('body')
      .where('phone', '=', phone)
      .orderBy('id', 'desc')
      .executeTakeFirst()
    const code = row ? /(\d{6})/.exec(row.body)?.[1] : undefined
    if (code) return code
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`no SMS code for ${phone} in dev_sms_outbox`)
}

/**
 * Signs a browser context in through the API (the cookie lands in the context) and sets the web app's
 * session hint, as signing in on the page would, so the pages ask who is signed in.
 */
export async function signInByApi(
  context: BrowserContext,
  baseUrl: string,
  phone: string,
  password: string,
): Promise<void> {
  const response = await context.request.post(`${baseUrl}/api/auth/sign-in`, {
    data: { method: 'password', phone, password },
    headers: { 'Accept-Language': 'zh-CN' },
  })
  if (response.status() !== 200)
    throw new Error(`sign-in of ${phone}: HTTP ${response.status()} ${await response.text()}`)
  await context.addInitScript(() => window.localStorage.setItem('kx.session', '1'))
}
