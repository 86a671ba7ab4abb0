import { generate } from 'otplib'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { usccCheckChar } from '../../src/shared/validators/index.ts'
import {
  collectPageErrors,
  DEMO_PASSWORD,
  hasHorizontalScroll,
  launchBrowser,
  readSmsCode,
  signInByApi,
  startE2eServer,
  type TE2eServer,
} from './harness.ts'

// Issue 3 in the browser: two-level registration (person → organisation → node review → people join),
// sign-in errors in both languages, and the account pages at phone width.

const NODE_OPERATOR_PHONE = '13800000003' // node_operator of 牡丹江 (hlj-mdj), scripts/demo/build-accounts.ts
const MEMBER_PHONE = '13800000005'
const AUDITOR_PHONE = '13800000009' // auditor on the root node: must set up an authenticator
const NEW_PASSWORD = 'Mdj#Kx2026q'

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

async function openPage(
  options: { width?: number } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, locale: 'zh-CN' })
  const page = await context.newPage()
  return { context, page, errors: collectPageErrors(page) }
}

/** Fills the person sign-up form (on /register, either kind) with a code read from the dev SMS outbox. */
async function signUpPerson(page: Page, phone: string, name: string): Promise<void> {
  await page.getByLabel('手机号').fill(phone)
  await page.getByTestId('sms-send-button').click()
  await page.getByTestId('sms-notice').waitFor()
  await page.getByTestId('sms-code-input').fill(await readSmsCode(server.database, phone))
  await page.getByLabel('密码', { exact: true }).fill(NEW_PASSWORD)
  await page.getByLabel('姓名').fill(name)
  await page.getByRole('checkbox', { name: /我已阅读并同意/ }).check()
  await page.getByTestId('sign-up-submit').click()
}

/** A well-formed 统一社会信用代码 with a correct check character, unique per run. */
function makeCreditCode(): string {
  const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  let tail = ''
  for (let i = 0; i < 9; i++) tail += charset.charAt(Math.floor(Math.random() * charset.length))
  const first17 = `91231002${tail}`
  return first17 + usccCheckChar(first17)
}

async function pickRegion(page: Page, names: readonly string[]): Promise<void> {
  await page.getByTestId('region-cascader').click()
  for (const name of names) await page.locator(`.ant-cascader-menu-item[title="${name}"]`).click()
}

/** A 1 × 1 PNG: enough for the upload's type check. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
)

/** Uploads a business licence (营业执照) in the organisation form and waits until it is stored. */
async function uploadLicence(page: Page): Promise<void> {
  const field = page.getByTestId('licence-upload')
  await field
    .locator('input[type=file]')
    .setInputFiles({ name: 'licence.png', mimeType: 'image/png', buffer: TINY_PNG })
  await field.getByRole('link', { name: 'licence.png' }).waitFor()
}

/** Confirms the open Popconfirm with its OK button. */
async function confirmPopover(page: Page, label: string): Promise<void> {
  await page.locator('.ant-popconfirm').getByRole('button', { name: label }).click()
}

describe('two-level registration (issue 3)', () => {
  it('registers a person and an enterprise, the node approves it, a second person joins and is told', async () => {
    const stamp = String(Date.now()).slice(-8)
    const adminPhone = `139${stamp}`
    const joinerPhone = `137${stamp}`
    const orgName = `牡丹江测试科技有限公司${stamp}`
    const creditCode = makeCreditCode()
    const { db } = server.database

    // 1. The first person signs up as 单位用户 and registers the enterprise on the 牡丹江 node.
    const admin = await openPage()
    await admin.page.goto(`${server.baseUrl}/register`)
    await admin.page.getByText('单位用户', { exact: true }).click()
    await admin.page.getByText('单位由经办人代为注册').waitFor()
    await signUpPerson(admin.page, adminPhone, '张经办')
    await admin.page.getByTestId('org-form').waitFor()
    await admin.page.getByLabel('单位名称').fill(orgName)
    await admin.page.getByLabel('统一社会信用代码').fill(creditCode)
    await uploadLicence(admin.page)
    await pickRegion(admin.page, ['黑龙江省', '牡丹江市', '东安区'])
    await expect
      .poll(() => admin.page.getByTestId('node-select').textContent())
      .toContain('牡丹江市科技资源共享服务平台')
    await admin.page.getByLabel('详细地址').fill('黑龙江省牡丹江市东安区太平路 1 号')
    await admin.page.getByLabel('联系人').fill('张经办')
    await admin.page.getByLabel('联系电话').fill('0453-6123456')
    await admin.page.getByRole('checkbox', { name: /代表本单位同意/ }).check()
    await admin.page.getByTestId('org-submit').click()
    await admin.page.getByTestId('org-submitted').waitFor()
    expect(await admin.page.getByTestId('org-submitted').textContent()).toContain('已提交，等待平台审核')
    const org = await db
      .selectFrom('organisation')
      .select(['id', 'status'])
      .where('credit_code', '=', creditCode)
      .executeTakeFirstOrThrow()
    expect(org.status).toBe('pending')

    // 2. The node operator of 牡丹江 signs in on the page and approves it.
    const operator = await openPage()
    await operator.page.goto(`${server.baseUrl}/login?next=${encodeURIComponent('/console/nodes')}`)
    await operator.page.getByLabel('手机号').fill(NODE_OPERATOR_PHONE)
    await operator.page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD)
    await operator.page.getByTestId('login-submit').click()
    await operator.page.getByTestId('node-tree').waitFor()
    const card = operator.page.getByTestId('review-card').filter({ hasText: orgName })
    //    The licence uploaded with the registration is one click away for the reviewer.
    expect(await card.getByTestId('licence-link').getAttribute('href')).toMatch(/^\/api\/files\/[0-9a-f-]{36}$/)
    await card.getByTestId('approve-org').click()
    await confirmPopover(operator.page, '通过')
    await card.waitFor({ state: 'detached' })
    //    The operator had been told of the registration, and sees the node's staff on the other tab.
    const told = await db
      .selectFrom('notification as n')
      .innerJoin('app_user as u', 'u.id', 'n.user_id')
      .select('n.link')
      .where('u.phone', '=', NODE_OPERATOR_PHONE)
      .where('n.event', '=', 'org.registered')
      .where('n.body', 'like', `%${orgName}%`)
      .execute()
    expect(told).toHaveLength(1)
    await operator.page.getByRole('tab', { name: '节点人员' }).click()
    await operator.page.getByTestId('staff-row').first().waitFor()
    await expect
      .poll(
        async () =>
          (await db.selectFrom('organisation').select('status').where('id', '=', org.id).executeTakeFirstOrThrow())
            .status,
      )
      .toBe('approved')

    // 3. A second person signs up and asks to join the enterprise from 个人中心 → 加入单位.
    const joiner = await openPage()
    await joiner.page.goto(`${server.baseUrl}/register`)
    await signUpPerson(joiner.page, joinerPhone, '李成员')
    await joiner.page.getByTestId('person-registered').waitFor()
    //    The unit is found by typing a part of its name into the search box.
    await joiner.page.goto(`${server.baseUrl}/me`)
    await joiner.page.getByLabel('查找单位').fill(`测试科技有限公司${stamp}`)
    await joiner.page.getByTestId('org-search-option').filter({ hasText: orgName }).click()
    await expect.poll(() => joiner.page.getByTestId('join-org-name').textContent()).toBe(orgName)
    await joiner.page.getByTestId('join-submit').click()
    await joiner.page.getByTestId('join-sent').waitFor()
    const myRequest = joiner.page.getByTestId('my-join-request').filter({ hasText: orgName })
    expect(await myRequest.getAttribute('data-status')).toBe('pending')

    // 4. The enterprise's admin (the first person) approves the request on the organisation page.
    await admin.page.goto(`${server.baseUrl}/orgs/${org.id}?tab=requests`)
    const request = admin.page.getByTestId('join-request-row').filter({ hasText: '李成员' })
    await request.getByTestId('approve-join').click()
    await confirmPopover(admin.page, '通过')
    await request.waitFor({ state: 'detached' })
    await admin.page.getByRole('tab', { name: '成员' }).click()
    const memberRow = admin.page.getByTestId('member-row').filter({ hasText: '李成员' })
    await memberRow.waitFor()

    // 4b. The admin makes the new member an expert as well (设置角色).
    await memberRow.getByTestId('edit-roles').click()
    await admin.page.getByRole('checkbox', { name: '专家' }).check()
    await admin.page.getByTestId('save-roles').click()
    await expect.poll(() => memberRow.getByTestId('member-roles').textContent()).toContain('专家')

    // 5. The second person finds the decision in the inbox, unread, and the header shows the count.
    await joiner.page.goto(`${server.baseUrl}/inbox`)
    const notice = joiner.page.getByTestId('notification').filter({ hasText: '加入单位申请已通过' })
    await notice.waitFor()
    expect(await notice.getAttribute('data-unread')).toBe('true')
    expect(await notice.textContent()).toContain(orgName)
    await notice.getByTestId('mark-read').click()
    await expect.poll(() => notice.getAttribute('data-unread')).toBe('false')

    for (const person of [admin, operator, joiner]) {
      expect(person.errors).toEqual([])
      await person.context.close()
    }
  }, 240_000)
})

describe('second factor', () => {
  it('makes an auditor set up an authenticator at sign-in, then opens the audit log', async () => {
    const { context, page, errors } = await openPage()
    await page.goto(`${server.baseUrl}/console/audit`)
    await page.waitForURL((url) => url.pathname === '/login')
    await page.getByLabel('手机号').fill(AUDITOR_PHONE)
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD)
    await page.getByTestId('login-submit').click()
    await page.getByTestId('totp-setup-page').waitFor()
    const secret = (await page.getByTestId('totp-secret').textContent())?.replace(/[^A-Z2-7]/g, '') ?? ''
    expect(await page.getByTestId('totp-uri').textContent()).toContain(`secret=${secret}`)
    await page.getByTestId('totp-code').fill(await generate({ secret }))
    await page.getByTestId('totp-submit').click()

    await page.getByTestId('audit-table').waitFor()
    expect(new URL(page.url()).pathname).toBe('/console/audit')
    expect(await page.getByTestId('audit-table').textContent()).toContain('identity.totp_enable')
    const csv = await context.request.get(
      `${server.baseUrl}${await page.getByTestId('audit-export').getAttribute('href')}`,
    )
    expect(csv.status()).toBe(200)
    expect(await csv.text()).toContain('identity.totp_enable')
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('sign-in errors', () => {
  it('shows them in Chinese and, after switching, in English', async () => {
    const { context, page } = await openPage()
    await page.goto(`${server.baseUrl}/login`)
    await page.getByTestId('login-submit').click()
    await page.getByText('请输入手机号').waitFor()
    await page.getByLabel('手机号').fill('123')
    await page.getByText('请输入正确的 11 位手机号').waitFor()

    await page.getByLabel('手机号').fill('13700000000')
    await page.getByLabel('密码', { exact: true }).fill('Wrong#Pass1')
    await page.getByTestId('login-submit').click()
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('手机号或密码错误')

    await page.getByTestId('lang-switch').click()
    await page.getByRole('tab', { name: 'Password' }).waitFor()
    await page.getByLabel('Mobile number').fill('123')
    await page.getByText('Please enter a valid 11-digit mainland mobile number').waitFor()
    await page.getByLabel('Mobile number').fill('13700000000')
    await page.getByTestId('login-submit').click()
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('Wrong phone number or password')
    await context.close()
  })
})

describe('account pages at phone width (375 px)', () => {
  const pages: { path: string; phone?: string; ready: string }[] = [
    { path: '/login', ready: 'login-page' },
    { path: '/register', ready: 'register-page' },
    { path: '/register?type=org', ready: 'register-page' },
    { path: '/me', phone: MEMBER_PHONE, ready: 'me-name' },
    { path: '/inbox', phone: MEMBER_PHONE, ready: 'notification-preferences' },
    { path: '/console/nodes', phone: NODE_OPERATOR_PHONE, ready: 'review-queue' },
  ]
  it.each(pages)('$path has no horizontal scroll', async ({ path, phone, ready }) => {
    const { context, page, errors } = await openPage({ width: 375 })
    if (phone) await signInByApi(context, server.baseUrl, phone, DEMO_PASSWORD)
    await page.goto(`${server.baseUrl}${path}`)
    await page.getByTestId(ready).waitFor()
    await page.waitForLoadState('networkidle')
    expect(await hasHorizontalScroll(page)).toBe(false)
    expect(errors).toEqual([])
    await context.close()
  })

  it('offers the person’s menu in the drawer', async () => {
    const { context, page } = await openPage({ width: 375 })
    await signInByApi(context, server.baseUrl, MEMBER_PHONE, DEMO_PASSWORD)
    await page.goto(server.baseUrl)
    await page.getByTestId('nav-menu-button').click()
    await page.getByRole('menuitem', { name: '消息' }).click()
    await page.getByTestId('inbox').waitFor()
    expect(new URL(page.url()).pathname).toBe('/inbox')
    expect(await hasHorizontalScroll(page)).toBe(false)
    await context.close()
  })
})
