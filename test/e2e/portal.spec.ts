import { sql } from 'kysely'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RESOURCE_KINDS } from '../../src/shared/resource-kinds.ts'
import { collectPageErrors, hasHorizontalScroll, launchBrowser, startE2eServer, type TE2eServer } from './harness.ts'

let server: TE2eServer
let browser: Browser

beforeAll(async () => {
  server = await startE2eServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function openPage(options: { width?: number; locale?: string } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    locale: options.locale ?? 'zh-CN',
  })
  const page = await context.newPage()
  return { context, page, errors: collectPageErrors(page) }
}

describe('home page', () => {
  it('shows the figures the database holds', async () => {
    const { context, page, errors } = await openPage()
    await page.goto(server.baseUrl)
    await page.getByTestId('stat-kind-instrument').waitFor()

    const { db } = server.database
    const byKind = await sql<{ kind: string; n: number }>`
      select kind, count(*) as n from resource where status = 'published' group by kind`.execute(db)
    const counts = new Map(byKind.rows.map((r) => [r.kind, r.n]))
    expect(counts.get('instrument')).toBeGreaterThan(300)
    for (const kind of RESOURCE_KINDS) {
      expect(await page.getByTestId(`stat-kind-${kind}`).textContent()).toBe(String(counts.get(kind) ?? 0))
    }
    const orgs = await sql<{ n: number; cities: number }>`
      select count(*) as n, count(distinct city_code) as cities from organisation where status = 'approved'`.execute(db)
    expect(await page.getByTestId('stat-organisations').textContent()).toContain(String(orgs.rows[0]!.n))
    expect(await page.getByTestId('stat-cities').textContent()).toContain(String(orgs.rows[0]!.cities))
    const total = [...counts.values()].reduce((a, b) => a + b, 0)
    expect(await page.getByTestId('stat-resources-total').textContent()).toContain(String(total))
    expect(errors).toEqual([])
    await context.close()
  })

  it('switches to English and remembers it after a reload', async () => {
    const { context, page, errors } = await openPage()
    await page.goto(server.baseUrl)
    await expect.poll(() => page.locator('header').textContent()).toContain('仪器设备')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN')

    await page.getByTestId('lang-switch').click()
    await expect.poll(() => page.locator('header').textContent()).toContain('Instruments')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')

    await page.reload()
    await expect.poll(() => page.locator('header').textContent()).toContain('Instruments')
    await page.getByTestId('lang-switch').click()
    await expect.poll(() => page.locator('header').textContent()).toContain('仪器设备')
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('browsing the catalogue', () => {
  it('lists published instruments and opens one', async () => {
    const { context, page, errors } = await openPage()
    await page.goto(`${server.baseUrl}/instruments`)
    const cards = page.getByTestId('resource-card')
    await cards.first().waitFor()
    const { db } = server.database
    const row = await db
      .selectFrom('resource')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'instrument')
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow()
    expect(await page.getByTestId('list-total').textContent()).toContain(String(row.n))

    const title = (await cards.first().locator('h3').textContent())?.trim()
    await cards.first().click()
    await page.getByTestId('resource-title').waitFor()
    expect((await page.getByTestId('resource-title').textContent())?.trim()).toBe(title)
    expect(await page.getByTestId('book-button').isDisabled()).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })

  it('answers an unknown address with the not-found page', async () => {
    const { context, page } = await openPage()
    await page.goto(`${server.baseUrl}/no/such/page`)
    await page.getByTestId('not-found').waitFor()
    await context.close()
  })
})

describe('phone width (375 px)', () => {
  it.each(['/', '/instruments', '/demands', '/stats', '/map', '/vouchers', '/login'])(
    '%s has no horizontal scroll',
    async (path) => {
      const { context, page, errors } = await openPage({ width: 375 })
      await page.goto(`${server.baseUrl}${path}`)
      await page.waitForLoadState('networkidle')
      await page.locator('main').first().waitFor()
      expect(await hasHorizontalScroll(page)).toBe(false)
      expect(errors).toEqual([])
      await context.close()
    },
  )

  it('reaches every section through the menu button', async () => {
    const { context, page } = await openPage({ width: 375 })
    await page.goto(server.baseUrl)
    await page.getByTestId('nav-menu-button').click()
    await page.getByRole('menuitem', { name: '数据统计' }).click()
    await page.getByTestId('stats-by-city').waitFor()
    expect(new URL(page.url()).pathname).toBe('/stats')
    await context.close()
  })
})
