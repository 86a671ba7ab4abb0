import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NOTIFY_CHANNELS, NOTIFY_EVENT_NAMES } from '#shared/contracts/notify.ts'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { signInAs, type TTestSession } from '../../../../test/helpers/sessions.ts'
import type { TMail, TMailer } from '../../adapters/mailer.ts'
import { createDevSmsGateway } from '../../adapters/sms-gateway.ts'
import { systemClock } from '../../clock.ts'
import { createInProcessJobQueue, type TInProcessJobQueue } from '../../jobs/queue.ts'
import { createNotifyService, type TNotification, type TNotifyService } from './notify.service.ts'

// The app's own notify service is built inside buildApp(); the tests drive a second one over the same
// database, with its own queue (drainable) and a mailer that collects what it is given.
let ctx: TTestContext
let jobs: TInProcessJobQueue
let notify: TNotifyService
const sent: TMail[] = []
let mailFailures = 0
const mailer: TMailer = {
  description: 'test mailer',
  send: async (mail) => {
    if (mailFailures > 0) {
      mailFailures -= 1
      throw new Error('421 try again later')
    }
    sent.push(mail)
  },
}
let alice: TTestSession
let bob: TTestSession

beforeAll(async () => {
  ctx = await createTestApp()
  const { db } = ctx.database
  jobs = createInProcessJobQueue({ delayScale: 0.001 })
  notify = createNotifyService({ db, clock: systemClock, jobs, mailer, sms: createDevSmsGateway({ db, log: () => {} }) })
  alice = await signInAs(db, { displayName: '李爱丽' })
  bob = await signInAs(db, { displayName: '王博' })
  await db.updateTable('app_user').set({ email: 'alice@example.com' }).where('id', '=', alice.userId).execute()
})
afterAll(async () => {
  await jobs.stop()
  await ctx.close()
})

const notice = (overrides: Partial<TNotification> = {}): TNotification => ({
  userIds: [alice.userId],
  event: 'org.join_decided',
  title: '加入单位申请已通过',
  body: '您已成为“哈尔滨测试科技有限公司”的成员。',
  link: '/organisations/1',
  ...overrides,
})

const call = (method: 'GET' | 'POST' | 'PUT', url: string, session?: TTestSession, payload?: unknown) =>
  ctx.app.inject({
    method,
    url,
    headers: {
      ...(session ? { cookie: session.cookie } : {}),
      ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  })

const deliveriesOf = (userId: string) =>
  ctx.database.db
    .selectFrom('notification_delivery as d')
    .innerJoin('notification as n', 'n.id', 'd.notification_id')
    .select(['n.title', 'd.channel', 'd.status', 'd.attempts', 'd.last_error'])
    .where('n.user_id', '=', userId)
    .orderBy('d.created_at')
    .execute()

describe('every endpoint needs a session', () => {
  it.each([
    ['GET', '/api/notifications'],
    ['GET', '/api/notifications/unread-count'],
    ['POST', `/api/notifications/${crypto.randomUUID()}/read`],
    ['POST', '/api/notifications/read-all'],
    ['GET', '/api/notification-preferences'],
    ['PUT', '/api/notification-preferences'],
  ] as const)('%s %s answers 401 without one', async (method, url) => {
    const body = method === 'PUT' ? [{ event: 'account.security', channel: 'sms', enabled: false }] : undefined
    const res = await call(method, url, undefined, body)
    expect(res.statusCode).toBe(401)
    expect(res.json().error.code).toBe('UNAUTHENTICATED')
  })
})

describe('inbox', () => {
  it('lists a user’s notifications newest first, with the unread count, and never another user’s', async () => {
    await notify.notify(notice({ title: '第一条' }))
    await notify.notify(notice({ title: '第二条', userIds: [alice.userId, bob.userId, alice.userId] }))
    const res = await call('GET', '/api/notifications', alice)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ total: 2, page: 1, pageSize: 20, unreadCount: 2 })
    expect(body.items.map((i: { title: string }) => i.title)).toEqual(['第二条', '第一条'])
    expect(body.items[0]).toMatchObject({ event: 'org.join_decided', link: '/organisations/1', readAt: null })
    const bobs = (await call('GET', '/api/notifications', bob)).json()
    expect(bobs.items.map((i: { title: string }) => i.title)).toEqual(['第二条'])
    expect((await call('GET', '/api/notifications/unread-count', bob)).json()).toEqual({ unreadCount: 1 })
  })

  it('marks one read (once), refuses another user’s as 404 and leaves it unread', async () => {
    const [newest] = (await call('GET', '/api/notifications', bob)).json().items
    const stolen = await call('POST', `/api/notifications/${newest.id}/read`, alice)
    expect(stolen.statusCode).toBe(404)
    expect(stolen.json().error).toEqual({ code: 'NOT_FOUND', message: '消息不存在' })
    expect((await call('GET', '/api/notifications/unread-count', bob)).json()).toEqual({ unreadCount: 1 })

    const first = await call('POST', `/api/notifications/${newest.id}/read`, bob)
    expect(first.statusCode).toBe(200)
    expect(first.json()).toMatchObject({ id: newest.id, unreadCount: 0 })
    const again = await call('POST', `/api/notifications/${newest.id}/read`, bob)
    expect(again.json().readAt).toBe(first.json().readAt)
    expect((await call('POST', `/api/notifications/${crypto.randomUUID()}/read`, bob)).statusCode).toBe(404)
    const bad = await call('POST', '/api/notifications/not-a-uuid/read', bob)
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details.issues[0].path).toBe('params.id')
  })

  it('filters unread only and pages; read-all touches only the caller’s', async () => {
    const unread = (await call('GET', '/api/notifications?unreadOnly=true&pageSize=1&page=2', alice)).json()
    expect(unread).toMatchObject({ total: 2, page: 2, pageSize: 1, unreadCount: 2 })
    expect(unread.items.map((i: { title: string }) => i.title)).toEqual(['第一条'])
    await notify.notify(notice({ userIds: [bob.userId], title: '给王博' }))
    const all = await call('POST', '/api/notifications/read-all', alice)
    expect(all.json()).toEqual({ updated: 2, unreadCount: 0 })
    expect((await call('GET', '/api/notifications?unreadOnly=true', alice)).json().total).toBe(0)
    expect((await call('GET', '/api/notifications/unread-count', bob)).json()).toEqual({ unreadCount: 1 })
    expect((await call('GET', '/api/notifications?unreadOnly=maybe', alice)).statusCode).toBe(400)
  })
})

describe('preferences', () => {
  it('shows the defaults: inbox and e-mail on, SMS only for time-critical events', async () => {
    const res = await call('GET', '/api/notification-preferences', bob)
    expect(res.statusCode).toBe(200)
    const { items } = res.json()
    expect(items).toHaveLength(NOTIFY_EVENT_NAMES.length * NOTIFY_CHANNELS.length)
    expect(items).toContainEqual({ event: 'account.security', channel: 'sms', enabled: true, isDefault: true })
    expect(items).toContainEqual({ event: 'org.join_decided', channel: 'sms', enabled: false, isDefault: true })
  })

  it('stores choices and answers 400 for unknown events, channels and duplicates', async () => {
    const res = await call('PUT', '/api/notification-preferences', bob, [
      { event: 'org.review_decided', channel: 'inbox', enabled: false },
      { event: 'org.review_decided', channel: 'sms', enabled: true },
    ])
    expect(res.statusCode).toBe(200)
    expect(res.json().items).toContainEqual({ event: 'org.review_decided', channel: 'inbox', enabled: false, isDefault: false })
    const again = await call('PUT', '/api/notification-preferences', bob, [{ event: 'org.review_decided', channel: 'sms', enabled: false }])
    expect(again.json().items).toContainEqual({ event: 'org.review_decided', channel: 'sms', enabled: false, isDefault: false })
    const alices = (await call('GET', '/api/notification-preferences', alice)).json().items
    expect(alices).toContainEqual({ event: 'org.review_decided', channel: 'inbox', enabled: true, isDefault: true })

    const unknown = await call('PUT', '/api/notification-preferences', bob, [{ event: 'org.nope', channel: 'fax', enabled: true }])
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(['body.0.event', 'body.0.channel'])
    expect((await call('PUT', '/api/notification-preferences', bob, [])).statusCode).toBe(400)
    const twice = await call('PUT', '/api/notification-preferences', bob, [
      { event: 'account.security', channel: 'email', enabled: true },
      { event: 'account.security', channel: 'email', enabled: false },
    ])
    expect(twice.statusCode).toBe(400)
    expect(twice.json().error.message).toBe('同一事件和通知方式只能设置一次：account.security / email')
  })

  it('are followed by notify(): inbox off keeps it out of the list', async () => {
    await notify.notify(notice({ userIds: [bob.userId], event: 'org.review_decided', title: '不进收件箱' }))
    const titles = (await call('GET', '/api/notifications', bob)).json().items.map((i: { title: string }) => i.title)
    expect(titles).not.toContain('不进收件箱')
    await jobs.drain()
    const deliveries = await deliveriesOf(bob.userId)
    expect(deliveries.filter((d) => d.title === '不进收件箱')).toEqual([
      { title: '不进收件箱', channel: 'email', status: 'failed', attempts: 0, last_error: 'no e-mail address on file' },
    ])
  })
})

describe('e-mail and SMS delivery', () => {
  it('e-mails the user through the worker and records the delivery', async () => {
    sent.length = 0
    await notify.notify(notice({ title: '审核结果通知' }))
    await jobs.drain()
    expect(sent).toEqual([
      { to: 'alice@example.com', subject: '【科享】审核结果通知', text: expect.stringContaining('您已成为“哈尔滨测试科技有限公司”的成员。') },
    ])
    expect((await deliveriesOf(alice.userId)).filter((d) => d.title === '审核结果通知')).toEqual([
      { title: '审核结果通知', channel: 'email', status: 'sent', attempts: 1, last_error: null },
    ])
  })

  it('retries a failing mail server, then gives up and says why', async () => {
    sent.length = 0
    mailFailures = 2
    await notify.notify(notice({ title: '重试两次' }))
    await jobs.drain()
    expect(sent.map((m) => m.subject)).toEqual(['【科享】重试两次'])
    mailFailures = 100
    await notify.notify(notice({ title: '一直失败' }))
    await jobs.drain()
    mailFailures = 0
    const deliveries = (await deliveriesOf(alice.userId)).filter((d) => d.title === '重试两次' || d.title === '一直失败')
    expect(deliveries).toEqual([
      { title: '重试两次', channel: 'email', status: 'sent', attempts: 3, last_error: null },
      { title: '一直失败', channel: 'email', status: 'failed', attempts: 6, last_error: '421 try again later' },
    ])
  })

  it('texts time-critical events to the user’s phone', async () => {
    await notify.notify(notice({ userIds: [bob.userId], event: 'account.security', title: '新设备登录', body: '您的账号在新设备登录。' }))
    await jobs.drain()
    const texts = await ctx.database.db.selectFrom('dev_sms_outbox').select(['phone', 'body']).where('phone', '=', bob.phone).execute()
    expect(texts).toEqual([{ phone: bob.phone, body: '【科享】新设备登录：您的账号在新设备登录。' }])
  })

  it('writes nothing and sends nothing when the caller’s transaction rolls back', async () => {
    sent.length = 0
    const failing = ctx.database.db.transaction().execute(async (trx) => {
      await notify.notify(notice({ title: '回滚的通知' }), trx)
      throw new Error('business rule failed')
    })
    await expect(failing).rejects.toThrow('business rule failed')
    await jobs.drain()
    expect(sent).toEqual([])
    const rows = await ctx.database.db.selectFrom('notification').select('id').where('title', '=', '回滚的通知').execute()
    expect(rows).toEqual([])
  })

  it('delivers once the caller’s transaction commits', async () => {
    sent.length = 0
    await ctx.database.db.transaction().execute(async (trx) => {
      await notify.notify(notice({ title: '提交后的通知' }), trx)
    })
    await jobs.drain()
    expect(sent.map((m) => m.subject)).toEqual(['【科享】提交后的通知'])
  })

  it('notifies more users than one INSERT may carry', async () => {
    const { db } = ctx.database
    const users = await db
      .insertInto('app_user')
      .values(Array.from({ length: 1200 }, (_, i) => ({ display_name: `批量用户${i}` })))
      .returning('id')
      .execute()
    await notify.notify(notice({ userIds: users.map((u) => u.id), title: '批量通知' }))
    await jobs.drain()
    const counts = await db
      .selectFrom('notification as n')
      .innerJoin('notification_delivery as d', 'd.notification_id', 'n.id')
      .select((eb) => [eb.fn.count<number>('n.id').distinct().as('notifications'), eb.fn.countAll<number>().as('deliveries')])
      .where('n.title', '=', '批量通知')
      .executeTakeFirstOrThrow()
    expect(counts).toEqual({ notifications: 1200, deliveries: 1200 })
  })

  it('refuses input that breaks the contract', async () => {
    await expect(notify.notify(notice({ link: 'https://evil.example/' }))).rejects.toThrow('invalid input')
    await expect(notify.notify(notice({ event: 'nope' as never }))).rejects.toThrow('invalid input')
  })
})
