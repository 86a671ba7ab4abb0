import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  collectPageErrors,
  DEMO_PASSWORD,
  hasHorizontalScroll,
  launchBrowser,
  signInByApi,
  startE2eServer,
  type TE2eServer,
} from './harness.ts'

// Issue 4 items 5–6 in the browser: searching from the home page, facets with counts, a result's detail
// page, English chrome, 帮我找 for a signed-in person, and the page at phone width.
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

async function openPage(width = 1280): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' })
  const page = await context.newPage()
  return { context, page, errors: collectPageErrors(page) }
}

/** The number in "找到 N 条结果". */
async function shownTotal(page: Page): Promise<number> {
  const text = (await page.getByTestId('search-total').textContent()) ?? ''
  return Number(/(\d+)/.exec(text)?.[1] ?? NaN)
}

/** Clicks a facet value and waits until the page shows its count as the total and the URL has the filter. */
async function pickFacet(page: Page, item: Locator, param: string): Promise<{ value: string; count: number }> {
  const testId = (await item.getAttribute('data-testid')) ?? ''
  const count = Number(await item.getAttribute('data-count'))
  const value = testId.replace(/^facet-[a-z]+-/, '')
  expect(count).toBeGreaterThan(0)
  await item.click()
  await expect.poll(() => new URL(page.url()).searchParams.get(param)).toBe(value)
  await expect.poll(() => shownTotal(page)).toBe(count)
  return { value, count }
}

describe('searching the catalogue', () => {
  it('searches from the home page, narrows by city and category, opens an instrument and reads it in English', async () => {
    const { context, page, errors } = await openPage()
    await page.goto(server.baseUrl)
    const box = page.locator('input[data-testid="home-search"], [data-testid="home-search"] input').first()
    await box.fill('扫描电镜')
    await box.press('Enter')
    await page.waitForURL((url) => url.pathname === '/search')
    expect(new URL(page.url()).searchParams.get('q')).toBe('扫描电镜')
    await page.getByTestId('search-result').first().waitFor()

    const marked = await page.getByTestId('search-result-title').locator('mark').allTextContents()
    expect(marked.length).toBeGreaterThan(0)
    for (const text of marked.slice(0, 5)) expect(text).toMatch(/电子显微镜|扫描电镜/)
    const total = await shownTotal(page)
    expect(total).toBeGreaterThan(5)
    const kindCounts = await page
      .locator('[data-testid^="kind-tab-"]')
      .evaluateAll((tabs) =>
        tabs.map((tab) => ({ id: tab.getAttribute('data-testid'), count: Number(tab.getAttribute('data-count')) })),
      )
    const allTab = kindCounts.find((tab) => tab.id === 'kind-tab-all')
    expect(allTab?.count).toBe(total)
    expect(kindCounts.filter((tab) => tab.id !== 'kind-tab-all').reduce((sum, tab) => sum + tab.count, 0)).toBe(total)

    // Province, then one of its cities (the facet drills down), then a category.
    const province = await pickFacet(page, page.getByTestId('facet-region-230000'), 'region')
    expect(province.count).toBeLessThan(total)
    const city = await pickFacet(
      page,
      page.locator('[data-testid^="facet-region-23"][aria-pressed="false"]').first(),
      'region',
    )
    expect(city.value).toMatch(/^23\d{2}00$/)
    expect(city.count).toBeLessThanOrEqual(province.count)
    await expect.poll(() => page.getByTestId('region-current').textContent()).toMatch(/市$/)
    const category = await pickFacet(page, page.locator('[data-testid^="facet-category-"]').first(), 'category')
    expect(category.count).toBeLessThanOrEqual(city.count)
    expect(await page.getByTestId('search-result').count()).toBe(Math.min(category.count, 20))
    const url = new URL(page.url())
    expect(Object.fromEntries(url.searchParams)).toEqual({
      q: '扫描电镜',
      region: city.value,
      category: category.value,
    })

    const instrument = page.getByTestId('search-result').filter({ hasText: '仪器设备' }).first()
    const title = (await instrument.getByTestId('search-result-title').textContent())?.trim()
    await instrument.getByTestId('search-result-title').click()
    await page.getByTestId('resource-title').waitFor()
    expect(new URL(page.url()).pathname).toMatch(/^\/resources\/[0-9a-f-]{36}$/)
    expect((await page.getByTestId('resource-title').textContent())?.trim()).toBe(title)

    await page.getByTestId('lang-switch').click()
    await expect.poll(() => page.locator('header.kx-header').textContent()).toContain('Instruments')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    await page.goBack()
    await page.getByTestId('search-result').first().waitFor()
    await expect.poll(() => page.getByTestId('search-total').textContent()).toBe(`${category.count} results`)
    expect(await page.locator('main h2').first().textContent()).toBe('Search resources')
    expect(await page.getByTestId('facet-region').textContent()).toContain('Region')
    expect(errors).toEqual([])
    await context.close()
  })

  it('says when nothing matched exactly and shows near spellings (a model number typed short)', async () => {
    const { context, page, errors } = await openPage()
    await page.goto(`${server.baseUrl}/search?q=SU801`)
    await page.getByTestId('search-result').first().waitFor()
    expect(await page.getByTestId('match-mode-notice').textContent()).toBe('没有完全匹配的结果，以下是相近的结果')
    expect(await page.getByTestId('search-result').first().textContent()).toContain('SU8010')
    expect(errors).toEqual([])
    await context.close()
  })

  it('browses by industry from the home page and by service unit from a result', async () => {
    const { context, page, errors } = await openPage()
    await page.goto(server.baseUrl)
    await page.getByTestId('industry-M').click()
    await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('industry') === 'M')
    await page.getByTestId('search-result').first().waitFor()
    const owner = page.getByTestId('search-result-owner').first()
    const ownerName = (await owner.textContent())?.trim() ?? ''
    await owner.click()
    await expect.poll(() => new URL(page.url()).searchParams.get('orgId')).toMatch(/^[0-9a-f-]{36}$/)
    await page.getByTestId('active-filter-orgId').waitFor()
    const owners = await page.getByTestId('search-result-owner').allTextContents()
    expect(new Set(owners.map((o) => o.trim()))).toEqual(new Set([ownerName]))
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('sorting by nearest', () => {
  it('uses the browser position when allowed, and explains when it is refused', async () => {
    const allowed = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
      geolocation: { latitude: 44.55, longitude: 129.63 },
      permissions: ['geolocation'],
    })
    const page = await allowed.newPage()
    const errors = collectPageErrors(page)
    await page.goto(`${server.baseUrl}/search?q=${encodeURIComponent('扫描电镜')}&sort=nearest`)
    await expect
      .poll(() => page.getByTestId('search-result').first().textContent(), { timeout: 15_000 })
      .toMatch(/距您 [\d.]+ 公里/)
    expect(await page.getByTestId('search-result').first().textContent()).toContain('牡丹江市')
    expect(new URL(page.url()).searchParams.has('lat')).toBe(false)
    expect(errors).toEqual([])
    await allowed.close()

    const { context, page: refused } = await openPage()
    await refused.goto(`${server.baseUrl}/search?q=${encodeURIComponent('扫描电镜')}&sort=nearest`)
    await expect
      .poll(() => refused.getByTestId('location-notice').textContent(), { timeout: 15_000 })
      .toContain('无法获取您的位置')
    await refused.getByTestId('search-result').first().waitFor()
    await context.close()
  })
})

describe('帮我找 (help me find)', () => {
  it('lets a signed-in person ask for something the catalogue lacks; the request reaches their node', async () => {
    const { context, page, errors } = await openPage()
    await signInByApi(context, server.baseUrl, '13800000005', DEMO_PASSWORD)
    const query = 'qxzvkj'
    await page.goto(`${server.baseUrl}/search?q=${query}`)
    await page.getByTestId('search-empty').waitFor()
    await page.getByTestId('help-open').click()
    const form = page.getByTestId('help-form')
    await form.waitFor()
    expect(await page.getByTestId('help-query').inputValue()).toBe(query)
    await page.getByTestId('help-details').fill('需要一台型号为 qxzvkj 的专用检测设备，用于电池材料分析。')
    await page.getByTestId('help-submit').click()
    await page.getByTestId('help-sent').waitFor()

    const { db } = server.database
    const row = await db
      .selectFrom('help_request as h')
      .innerJoin('app_user as u', 'u.id', 'h.requester_user_id')
      .innerJoin('organisation as o', 'o.id', 'h.requester_org_id')
      .select(['u.phone', 'o.node_id as org_node', 'h.node_id', 'h.contact_phone', 'h.status', 'h.details'])
      .where('h.query', '=', query)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ phone: '13800000005', contact_phone: '13800000005', status: 'open' })
    expect(row.node_id).toBe(row.org_node)
    expect(row.details).toContain('电池材料')
    const told = await db
      .selectFrom('notification as n')
      .innerJoin('app_user as u', 'u.id', 'n.user_id')
      .select('n.event')
      .where('u.phone', '=', '13800000003')
      .where('n.event', '=', 'help_request.created')
      .execute()
    expect(told.length).toBe(1)

    await page.goto(`${server.baseUrl}/me#help-requests`)
    await page.getByTestId('my-help-request').first().waitFor()
    expect(await page.getByTestId('my-help-request').first().textContent()).toContain(query)
    expect(errors).toEqual([])
    await context.close()
  })

  it('asks a visitor to sign in first', async () => {
    const { context, page } = await openPage()
    await page.goto(`${server.baseUrl}/search?q=qxzvkj`)
    await page.getByTestId('help-open').click()
    await page.getByTestId('help-sign-in').waitFor()
    expect(await page.getByTestId('help-sign-in').getAttribute('href')).toBe('/login?next=%2Fsearch%3Fq%3Dqxzvkj')
    await context.close()
  })
})

describe('search at phone width (375 px)', () => {
  it('has no horizontal scroll and keeps the facets in a drawer', async () => {
    const { context, page, errors } = await openPage(375)
    await page.goto(`${server.baseUrl}/search?q=${encodeURIComponent('扫描电镜')}`)
    await page.getByTestId('search-result').first().waitFor()
    await page.waitForLoadState('networkidle')
    expect(await hasHorizontalScroll(page)).toBe(false)
    expect(await page.getByTestId('facet-panel').count()).toBe(0)
    await page.getByTestId('filters-button').click()
    await page.getByTestId('facet-region-230000').click()
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe('230000')
    expect(await hasHorizontalScroll(page)).toBe(false)
    expect(errors).toEqual([])
    await context.close()
  })
})
