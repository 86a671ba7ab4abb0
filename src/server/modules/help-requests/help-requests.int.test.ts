import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { buildAuthzWorld, expectRow, runMatrixRow, type TAuthzWorld } from '../../../../test/helpers/authz-world.ts'
import { signInAs, type TTestSession } from '../../../../test/helpers/sessions.ts'

// 帮我找: asking a node for help, the node staff's queue and answers, who may do what.
let ctx: TTestContext
let world: TAuthzWorld
let loner: TTestSession
beforeAll(async () => {
  ctx = await createTestApp()
  world = await buildAuthzWorld(ctx.database.db)
  loner = await signInAs(ctx.database.db, { displayName: '个人用户', phone: '13711112222' })
  // The member of orgA acts for it: sessions carry the current organisation.
  await db()
    .updateTable('user_session')
    .set({ current_org_id: world.orgA.id })
    .where('user_id', '=', world.sessions.memberOfThis.userId)
    .execute()
})
afterAll(async () => ctx.close())

const db = () => ctx.database.db
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000'
const ASK = { query: '扫描电镜 原位拉伸台', details: '需要做金属样品原位拉伸观察', contactPhone: '13912340000' }

const send = (who: TTestSession | null, method: 'GET' | 'POST', url: string, payload?: object, lang?: string) =>
  ctx.app.inject({
    method,
    url,
    headers: {
      ...(who ? { cookie: who.cookie } : {}),
      ...(payload ? { 'content-type': 'application/json' } : {}),
      ...(lang ? { 'accept-language': lang } : {}),
    },
    ...(payload ? { payload: JSON.stringify(payload) } : {}),
  })
const inboxOf = (userId: string) =>
  db().selectFrom('notification').select(['event', 'title', 'body', 'link']).where('user_id', '=', userId).execute()
const countRequests = async () =>
  (
    await db()
      .selectFrom('help_request')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n

async function ask(who: TTestSession, body: object = ASK) {
  const res = await send(who, 'POST', '/api/help-requests', body)
  expect(res.statusCode).toBe(201)
  return res.json()
}

describe('asking for help', () => {
  it('refuses anonymous visitors on every endpoint with 401', async () => {
    const answer = { answer: '已为您联系' }
    expect((await send(null, 'POST', '/api/help-requests', ASK)).statusCode).toBe(401)
    expect((await send(null, 'GET', '/api/help-requests/mine')).statusCode).toBe(401)
    expect((await send(null, 'GET', `/api/nodes/${world.nodes.mdj.id}/help-requests`)).statusCode).toBe(401)
    expect((await send(null, 'POST', `/api/help-requests/${UNKNOWN_ID}/answer`, answer)).statusCode).toBe(401)
  })

  it('names bad fields in Chinese and in English, storing nothing', async () => {
    const before = await countRequests()
    const zh = await send(loner, 'POST', '/api/help-requests', { query: '扫', contactPhone: '12345' })
    expect(zh.statusCode).toBe(400)
    expect(zh.json().error.code).toBe('VALIDATION')
    expect(zh.json().error.message).toMatch(/^请求参数有误，请检查后重试（body\.query: /)
    expect(zh.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.query',
      'body.contactPhone',
    ])
    const en = await send(loner, 'POST', '/api/help-requests', { ...ASK, deadline: '2020-01-01' }, 'en')
    expect(en.statusCode).toBe(400)
    expect(en.json().error.details.issues).toEqual([
      { path: 'body.deadline', message: 'The deadline cannot be before today' },
    ])
    const zhDeadline = await send(loner, 'POST', '/api/help-requests', { ...ASK, deadline: '2020-01-01' })
    expect(zhDeadline.json().error.details.issues).toEqual([{ path: 'body.deadline', message: '截止日期不能早于今天' }])
    const unknownNode = await send(loner, 'POST', '/api/help-requests', { ...ASK, nodeId: UNKNOWN_ID })
    expect(unknownNode.statusCode).toBe(400)
    expect(unknownNode.json().error.details.issues).toEqual([{ path: 'body.nodeId', message: '所选的平台节点不存在' }])
    const badDate = await send(loner, 'POST', '/api/help-requests', { ...ASK, deadline: '2099-13-40' }, 'en')
    expect(badDate.json().error.message).toMatch(
      /^The request is invalid; please check it and try again（body\.deadline: /,
    )
    expect(await countRequests()).toBe(before)
  })

  it('sends a person without organisation to the national root by default, with the account phone', async () => {
    const { contactPhone: _omitted, ...withoutPhone } = ASK
    const created = await ask(loner, withoutPhone)
    expect(created).toMatchObject({
      query: ASK.query,
      details: ASK.details,
      contactPhone: '13711112222',
      contactPreference: 'phone',
      deadline: null,
      status: 'open',
      requester: { id: loner.userId, displayName: '个人用户' },
      requesterOrg: null,
      node: { id: world.nodes.root.id, name: world.nodes.root.name },
      answer: null,
      answeredBy: null,
    })
    expect(await inboxOf(world.sessions.platformAdmin.userId)).toContainEqual(
      expect.objectContaining({
        event: 'help_request.created',
        link: `/console/help-requests?node=${world.nodes.root.id}`,
      }),
    )
  })

  it('sends it to the node a person without organisation picks, telling that node’s staff', async () => {
    const created = await ask(loner, {
      ...ASK,
      nodeId: world.nodes.hb.id,
      deadline: '2099-12-31',
      contactPreference: 'sms',
    })
    expect(created).toMatchObject({ node: { id: world.nodes.hb.id }, deadline: '2099-12-31', contactPreference: 'sms' })
    const inbox = await inboxOf(world.sessions.unrelatedOperator.userId)
    expect(inbox).toContainEqual({
      event: 'help_request.created',
      title: '新的“帮我找”求助',
      body: `个人用户 向“湖北测试平台”求助：${ASK.query}`,
      link: `/console/help-requests?node=${world.nodes.hb.id}`,
    })
  })

  it('sends a person acting for an organisation to its node, whatever node they name; its own staff are told', async () => {
    const member = world.sessions.memberOfThis
    const created = await ask(member, { ...ASK, query: '激光共聚焦显微镜', nodeId: world.nodes.hb.id })
    expect(created).toMatchObject({
      node: { id: world.nodes.mdj.id },
      requesterOrg: { id: world.orgA.id, name: world.orgA.name },
    })
    for (const staff of [world.sessions.nodeOperator, world.sessions.nodeAdmin]) {
      const events = (await inboxOf(staff.userId)).map((n) => n.body)
      expect(events).toContain(`${member.displayName} 向“牡丹江测试平台”求助：激光共聚焦显微镜`)
    }
    // The nearest staff only: the province's admin is not disturbed while 牡丹江 has its own.
    expect((await inboxOf(world.sessions.ancestorAdmin.userId)).map((n) => n.event)).not.toContain(
      'help_request.created',
    )
  })

  it('lists only the person’s own requests, newest first', async () => {
    const res = await send(loner, 'GET', '/api/help-requests/mine?pageSize=50')
    expect(res.statusCode).toBe(200)
    const { items, total } = res.json()
    expect(total).toBe(items.length)
    expect(items.length).toBeGreaterThanOrEqual(2)
    expect(items.every((i: { requester: { id: string } }) => i.requester.id === loner.userId)).toBe(true)
    const times = items.map((i: { createdAt: string }) => i.createdAt)
    expect([...times].sort().reverse()).toEqual(times)
    expect((await send(loner, 'GET', '/api/help-requests/mine?pageSize=500')).statusCode).toBe(400)
  })
})

describe('the node’s queue', () => {
  it('GET /api/nodes/:id/help-requests — node staff of the node or above only', async () => {
    const row = await runMatrixRow(ctx.app, world, () => ({
      method: 'GET',
      url: `/api/nodes/${world.nodes.mdj.id}/help-requests?status=open`,
    }))
    expect(row).toEqual(
      expectRow(403, { anonymous: 401, nodeOperator: 200, nodeAdmin: 200, ancestorAdmin: 200, platformAdmin: 200 }),
    )
  })

  it('holds the node’s requests, and those below it unless subtree=false', async () => {
    await ask(world.sessions.memberOfThis, { ...ASK, query: '队列测试需求' })
    const admin = world.sessions.ancestorAdmin
    const withBelow = await send(admin, 'GET', `/api/nodes/${world.nodes.hlj.id}/help-requests?status=open`)
    expect(withBelow.json().items.map((i: { query: string }) => i.query)).toContain('队列测试需求')
    const onlyHere = await send(admin, 'GET', `/api/nodes/${world.nodes.hlj.id}/help-requests?subtree=false`)
    expect(onlyHere.json()).toMatchObject({ items: [], total: 0 })
    expect((await send(admin, 'GET', `/api/nodes/${UNKNOWN_ID}/help-requests`)).statusCode).toBe(404)
    const bad = await send(admin, 'GET', `/api/nodes/${world.nodes.hlj.id}/help-requests?status=done`)
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details.issues[0].path).toBe('query.status')
  })
})

describe('answering', () => {
  it('lets staff over the node answer, tells the requester, audits it; then closes it for good', async () => {
    const member = world.sessions.memberOfThis
    const created = await ask(member, { ...ASK, query: '答复测试需求' })
    const url = `/api/help-requests/${created.id}/answer`
    const operator = world.sessions.nodeOperator

    const answered = await send(operator, 'POST', url, { answer: '牡丹江医学院有一台，已为您联系管理员。' })
    expect(answered.statusCode).toBe(200)
    expect(answered.json()).toMatchObject({
      status: 'answered',
      answer: '牡丹江医学院有一台，已为您联系管理员。',
      answeredBy: { id: operator.userId, displayName: operator.displayName },
      answeredAt: expect.any(String),
    })
    expect(await inboxOf(member.userId)).toContainEqual({
      event: 'help_request.answered',
      title: '您的“帮我找”求助有了答复',
      body: '“答复测试需求”：牡丹江医学院有一台，已为您联系管理员。',
      link: '/me#help-requests',
    })
    const audit = await db()
      .selectFrom('audit_log')
      .select(['actor_id', 'action', 'result', 'detail'])
      .where('target_id', '=', created.id)
      .execute()
    expect(audit).toEqual([
      {
        actor_id: operator.userId,
        action: 'help_request.answer',
        result: 'success',
        detail: { nodeId: world.nodes.mdj.id, status: 'answered' },
      },
    ])
    const mine = (await send(member, 'GET', '/api/help-requests/mine')).json()
    expect(mine.items.find((i: { id: string }) => i.id === created.id)).toMatchObject({ status: 'answered' })

    const closed = await send(world.sessions.ancestorAdmin, 'POST', url, {
      answer: '需求已满足，关闭。',
      status: 'closed',
    })
    expect(closed.statusCode).toBe(200)
    expect(closed.json().status).toBe('closed')
    const again = await send(operator, 'POST', url, { answer: '补充一句' }, 'en')
    expect(again.statusCode).toBe(409)
    expect(again.json().error).toMatchObject({
      code: 'STATE_INVALID',
      message: 'This help request is closed and cannot be answered',
    })
  })

  it('refuses staff of another subtree with 403 (audited) and unknown ids with 404', async () => {
    const created = await ask(world.sessions.memberOfThis, { ...ASK, query: '越权测试需求' })
    const url = `/api/help-requests/${created.id}/answer`
    for (const who of ['siblingAdmin', 'unrelatedOperator', 'memberOfThis', 'orgAdmin'] as const) {
      const res = await send(world.sessions[who], 'POST', url, { answer: '不该由我答复' })
      expect(res.statusCode, who).toBe(403)
    }
    const denied = await db()
      .selectFrom('audit_log')
      .select(['result'])
      .where('target_id', '=', created.id)
      .where('actor_id', '=', world.sessions.siblingAdmin.userId)
      .execute()
    expect(denied).toEqual([{ result: 'denied' }])
    const stored = await db().selectFrom('help_request').select('status').where('id', '=', created.id).execute()
    expect(stored).toEqual([{ status: 'open' }])

    const missing = await send(world.sessions.nodeOperator, 'POST', `/api/help-requests/${UNKNOWN_ID}/answer`, {
      answer: '找不到',
    })
    expect(missing.statusCode).toBe(404)
    expect(missing.json().error.message).toBe('求助不存在')
    const malformed = await send(world.sessions.nodeOperator, 'POST', '/api/help-requests/nope/answer', {
      answer: '好的',
    })
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().error.details.issues[0].path).toBe('params.id')
    const empty = await send(world.sessions.nodeOperator, 'POST', url, { answer: ' ' }, 'en')
    expect(empty.statusCode).toBe(400)
    expect(empty.json().error.details.issues[0].path).toBe('body.answer')
  })
})
