import type { Browser, BrowserContext, Page } from 'playwright-core'
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

// Issue 4 item 7 in the browser: a provider writes an instrument with its kind fields, meets a field error
// from the server and fixes it, submits; the operator of its node approves it in the review queue; the
// public detail page shows the indicators, the fee tiers and the platform identifier; the console pages
// fit a phone.

const INSTRUMENT_MANAGER_PHONE = '13800000006' // instrument_manager of 牡丹江医学院 (mdjmu, node hlj-mdj)
const NODE_OPERATOR_PHONE = '13800000003' // node_operator of 牡丹江 (hlj-mdj), scripts/demo/build-accounts.ts
const ORG_NAME = '牡丹江医学院'
/** A 1×1 PNG. */
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

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

type TSession = { context: BrowserContext; page: Page; errors: string[] }

async function openAs(phone: string | null, width = 1280): Promise<TSession> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' })
  if (phone) await signInByApi(context, server.baseUrl, phone, DEMO_PASSWORD)
  const page = await context.newPage()
  return { context, page, errors: collectPageErrors(page) }
}

/** The form item of a kind field (data-testid="field-<key>"). */
function field(page: Page, key: string) {
  return page.getByTestId(`field-${key}`)
}

async function pickOption(page: Page, key: string, label: string): Promise<void> {
  await field(page, key).locator('.ant-select').click()
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).click()
}

async function fillInstrument(page: Page, title: string): Promise<void> {
  await page.getByLabel('资源名称').fill(title)
  await page.getByLabel('简介').fill('用于细胞与组织样品的高分辨三维成像，面向本地企业开放共享。')
  await page.getByTestId('region-cascader').click()
  for (const name of ['黑龙江省', '牡丹江市', '爱民区'])
    await page.locator(`.ant-cascader-menu-item[title="${name}"]`).click()
  await page.getByLabel('规格型号').fill('LSM 980')
  await page.getByLabel('生产厂商').fill('卡尔蔡司')
  await page.getByLabel('主要技术指标').fill('1. 分辨率 120 nm\n2. 激光 405/488/561/640 nm')
  await page.getByLabel('主要功能').fill('活细胞成像、三维重构、荧光共定位分析')
  await pickOption(page, 'feeStandard.unit', '按机时')
  await page.getByLabel('会员价（元）').fill('240')
  await page.getByLabel('内部价（元）').fill('150')
  // A trillion yuan: the form takes it (it has no upper bound), the server refuses it (at most 10^13 fen).
  await page.getByLabel('对外价（元）').fill('999999999999')
  await page.getByLabel('所在实验室').fill('牡丹江医学院共聚焦显微镜室')
  await page.getByLabel('安放地址').fill('黑龙江省牡丹江市爱民区通乡街3号')
  await page.getByLabel('联系人').fill('王老师')
  await page.getByLabel('电话').fill('0453-6984321')
}

describe('catalogue: provider writes, node reviews, public reads (issue 4)', () => {
  it('creates an instrument, fixes a server field error, submits; the operator approves; the detail page shows it', async () => {
    const title = `激光共聚焦显微镜 E2E ${String(Date.now()).slice(-6)}`
    const { db } = server.database

    // 1. The instrument manager opens 资源管理 from the user menu and starts a new instrument.
    const provider = await openAs(INSTRUMENT_MANAGER_PHONE)
    await provider.page.goto(server.baseUrl)
    await provider.page.getByTestId('user-menu').click()
    await provider.page.getByRole('menuitem', { name: '资源管理' }).click()
    await provider.page.getByTestId('console-total').waitFor()
    await provider.page.getByTestId('new-resource').click()
    await provider.page.getByTestId('new-instrument').click()
    await provider.page.getByTestId('resource-form').waitFor()
    await fillInstrument(provider.page, title)

    // An image: text dressed as a PNG is refused with the server's reason; a real PNG is attached.
    const imageInput = provider.page.locator('.ant-upload input[type=file]').first()
    await imageInput.setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('not an image') })
    expect(await provider.page.getByTestId('upload-error').textContent()).toContain('文件类型不符合要求')
    await imageInput.setInputFiles({
      name: 'lsm980.png',
      mimeType: 'image/png',
      buffer: Buffer.from(PNG_1PX, 'base64'),
    })
    await provider.page.getByTestId('attachment-row').filter({ hasText: 'lsm980.png' }).waitFor()

    // 2. Save and submit: the server refuses the external price, the error lands under that field.
    await provider.page.getByTestId('save-submit').click()
    const external = field(provider.page, 'feeStandard.externalFen')
    await external.locator('.ant-form-item-explain-error').waitFor()
    expect(await external.locator('.ant-form-item-explain-error').textContent()).toContain('整数金额')
    expect(await db.selectFrom('resource').select('id').where('title', '=', title).executeTakeFirst()).toBeUndefined()

    // 3. Fixed, saved and submitted: the view page says it waits for review.
    await provider.page.getByLabel('对外价（元）').fill('300')
    await provider.page.getByTestId('save-submit').click()
    await provider.page.getByTestId('console-resource-title').waitFor()
    await expect
      .poll(() => provider.page.getByTestId('resource-status').first().getAttribute('data-status'))
      .toBe('submitted')
    const row = await db
      .selectFrom('resource')
      .select(['id', 'status', 'attributes'])
      .where('title', '=', title)
      .executeTakeFirstOrThrow()
    expect(row.status).toBe('submitted')
    expect(row.attributes).toMatchObject({
      model: 'LSM 980',
      feeStandard: { unit: 'hour', memberFen: 24000, internalFen: 15000, externalFen: 30000 },
    })
    await provider.page.getByTestId('versions-timeline').getByText('提交审核').first().waitFor()

    // 4. The operator of 牡丹江 opens 资源审核, finds it and approves it (publish now).
    const operator = await openAs(NODE_OPERATOR_PHONE)
    await operator.page.goto(server.baseUrl)
    await operator.page.getByTestId('user-menu').click()
    await operator.page.getByRole('menuitem', { name: '资源审核' }).click()
    await operator.page.getByTestId('review-total').waitFor()
    // The demo queue holds about twenty submissions, oldest first: narrow it to instruments.
    await operator.page.getByLabel('资源类型').click()
    await operator.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '仪器设备' })
      .click()
    await operator.page.waitForURL((url) => url.searchParams.get('kind') === 'instrument')
    const item = operator.page.getByTestId('managed-resource').filter({ hasText: title })
    await item.waitFor()
    expect(await item.textContent()).toContain(ORG_NAME)
    await item.getByTestId('managed-resource-title').click()
    await operator.page.getByTestId('review-title').waitFor()
    expect(await operator.page.getByTestId('content-view').textContent()).toContain('LSM 980')
    await operator.page.getByTestId('approve-resource').click()
    await operator.page.locator('.ant-popconfirm').getByRole('button', { name: '通过' }).click()
    await operator.page.waitForURL((url) => url.pathname === '/console/reviews')
    await item.waitFor({ state: 'detached' })
    const published = await db
      .selectFrom('resource')
      .select(['status', 'cstr'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow()
    expect(published.status).toBe('published')
    expect(published.cstr).toMatch(/^CSTR:/)

    // 5. Anyone sees the public detail page: indicators, the three fee tiers in yuan, the platform identifier.
    const visitor = await openAs(null)
    await visitor.page.goto(`${server.baseUrl}/resources/${row.id}`)
    await visitor.page.getByTestId('resource-title').waitFor()
    expect(await visitor.page.getByTestId('text-indicators').textContent()).toContain('分辨率 120 nm')
    expect(await visitor.page.getByTestId('fee-member').textContent()).toContain('240.00 元')
    expect(await visitor.page.getByTestId('fee-internal').textContent()).toContain('150.00 元')
    expect(await visitor.page.getByTestId('fee-external').textContent()).toContain('300.00 元')
    expect(await visitor.page.getByTestId('fee-standard').textContent()).toContain('机时')
    expect(await visitor.page.getByTestId('resource-cstr-value').textContent()).toBe(published.cstr)
    expect(await visitor.page.getByTestId('resource-cstr').textContent()).toContain('平台标识符')
    expect(await visitor.page.getByTestId('instrument-location').textContent()).toContain(ORG_NAME)
    expect(await visitor.page.getByTestId('book-instrument').isDisabled()).toBe(true)
    expect(await visitor.page.getByTestId('image-gallery').locator('img').count()).toBe(1)

    // 6. In English the sections and the button are translated.
    await visitor.page.getByTestId('lang-switch').click()
    await expect.poll(() => visitor.page.getByTestId('fee-standard').textContent()).toContain('machine-hour')
    expect(await visitor.page.getByTestId('book-instrument').textContent()).toContain('Book machine time')

    // 7. The provider edits the published instrument (a revision) while someone else saves it first: the
    //    save answers 409, the editor offers to reload, and the reloaded form shows the other change.
    await provider.page.goto(`${server.baseUrl}/console/resources/${row.id}/edit`)
    await provider.page.getByTestId('resource-form').waitFor()
    const managed = await provider.context.request.get(`${server.baseUrl}/api/catalog/resources/${row.id}`)
    const { content, version } = (await managed.json()) as { content: Record<string, unknown>; version: number }
    const otherSave = await provider.context.request.put(`${server.baseUrl}/api/catalog/resources/${row.id}`, {
      data: { ...content, summary: '另一位管理员补充：支持活细胞长时程成像。', expectedVersion: version },
    })
    expect(otherSave.status()).toBe(200)
    await provider.page.getByLabel('资源名称').fill(`${title}（修订）`)
    await provider.page.getByTestId('save-draft').click()
    await provider.page.getByTestId('conflict-modal').getByRole('button', { name: '重新加载' }).click()
    await expect.poll(() => provider.page.getByLabel('简介').inputValue()).toContain('活细胞长时程成像')
    await provider.page.getByLabel('资源名称').fill(`${title}（修订）`)
    await provider.page.getByTestId('save-submit').click()
    await provider.page.waitForURL((url) => url.pathname === `/console/resources/${row.id}`)
    await expect.poll(() => provider.page.getByTestId('revision-status').textContent()).toBe('修订：待审核')

    // 8. The operator sees it as a revision, the changed lines marked beside the published ones.
    await operator.page.goto(`${server.baseUrl}/console/reviews?kind=instrument`)
    // The queue lists the resource under its published title until the revision is approved.
    const revision = operator.page.getByTestId('managed-resource').filter({ hasText: title })
    await revision.waitFor()
    expect(await revision.getByTestId('submission-kind').textContent()).toBe('修订')
    await revision.getByTestId('managed-resource-title').click()
    await operator.page.getByTestId('content-diff').waitFor()
    const changed = await operator.page.getByTestId('changed-field').allTextContents()
    expect(changed).toHaveLength(2)
    expect(changed.join(' ')).toContain('资源名称')
    expect(changed.join(' ')).toContain('简介')

    // The refused upload and saves are the expected failures: the browser logs their 400, 400 and 409.
    expect(provider.errors).toEqual([
      expect.stringContaining('400 (Bad Request)'),
      expect.stringContaining('400 (Bad Request)'),
      expect.stringContaining('409 (Conflict)'),
    ])
    for (const session of [provider, operator, visitor]) {
      if (session !== provider) expect(session.errors).toEqual([])
      await session.context.close()
    }
  }, 240_000)
})

describe('catalogue consoles at phone width (375 px)', () => {
  it('have no horizontal scroll', async () => {
    const resource = await server.database.db
      .selectFrom('resource')
      .innerJoin('organisation', 'organisation.id', 'resource.owner_org_id')
      .select(['resource.id', 'resource.owner_org_id'])
      .where('organisation.name', '=', ORG_NAME)
      .where('resource.kind', '=', 'instrument')
      .where('resource.status', '=', 'published')
      .where('resource.title', 'not like', '%E2E%')
      .executeTakeFirstOrThrow()
    const provider = await openAs(INSTRUMENT_MANAGER_PHONE, 375)
    const operator = await openAs(NODE_OPERATOR_PHONE, 375)
    const visits: [TSession, string, string][] = [
      [provider, `/console/resources?orgId=${resource.owner_org_id}`, 'console-total'],
      [provider, `/console/resources/new?kind=instrument&orgId=${resource.owner_org_id}`, 'resource-form'],
      [provider, `/console/resources/${resource.id}`, 'console-resource-title'],
      [provider, `/console/resources/${resource.id}/edit`, 'resource-form'],
      [operator, '/console/reviews', 'review-total'],
      [operator, `/console/reviews/${resource.id}`, 'content-view'],
      [operator, `/resources/${resource.id}`, 'fee-standard'],
    ]
    for (const [session, path, testId] of visits) {
      await session.page.goto(`${server.baseUrl}${path}`)
      await session.page.getByTestId(testId).first().waitFor()
      await session.page.waitForLoadState('networkidle')
      expect(await hasHorizontalScroll(session.page), path).toBe(false)
    }
    for (const session of [provider, operator]) {
      expect(session.errors).toEqual([])
      await session.context.close()
    }
  }, 120_000)
})
