import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { buildAuthzWorld, type TAuthzWorld } from '../../../../test/helpers/authz-world.ts'
import type { TTestSession } from '../../../../test/helpers/sessions.ts'
import { call, createLifecycleDriver, editBody, resourceUrl } from './catalog.int-helpers.ts'

// The lifecycle after publication: offline/online with the search index, audit and notifications, and the
// node's review queue.
let ctx: TTestContext
let world: TAuthzWorld
let admin: TTestSession
let operator: TTestSession
const db = () => ctx.database.db

beforeAll(async () => {
  ctx = await createTestApp()
  world = await buildAuthzWorld(db())
  admin = world.sessions.orgAdmin
  operator = world.sessions.nodeOperator
  drive = createLifecycleDriver(ctx.app, { orgId: world.orgA.id, owner: admin, reviewer: operator })
})
afterAll(async () => ctx.close())

const url = resourceUrl
let drive: ReturnType<typeof createLifecycleDriver>
const submitted = (o?: Record<string, unknown>) => drive.submitted(o)
const published = (o?: Record<string, unknown>) => drive.published(o)
const publicDetail = (id: string) => drive.publicDetail(id)
const searchIds = (q: string) => drive.searchIds(q)

describe('offline and online', () => {
  it('node staff take a resource offline with a reason: out of the catalogue and search, audited, notified', async () => {
    const p = await published()
    const res = await call(ctx.app, 'POST', url(p.id, 'offline'), world.sessions.nodeAdmin, { reason: '设备报废' })
    expect(res.json()).toMatchObject({ status: 'offline', offlineReason: '设备报废', cstr: p.cstr })
    expect((await publicDetail(p.id)).statusCode).toBe(404)
    expect(await searchIds(p.title)).not.toContain(p.id)
    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'result'])
      .where('target_id', '=', p.id)
      .where('action', '=', 'resource.offline')
      .execute()
    expect(audit).toEqual([{ action: 'resource.offline', result: 'success' }])
    const note = await db()
      .selectFrom('notification')
      .selectAll()
      .where('event', '=', 'resource.offline')
      .where('user_id', '=', admin.userId)
      .executeTakeFirst()
    expect(note?.body).toContain('设备报废')
    const online = await call(ctx.app, 'POST', url(p.id, 'online'), admin)
    expect(online.json()).toMatchObject({ status: 'submitted' })
    const back = await call(ctx.app, 'POST', url(p.id, 'review'), operator, { decision: 'approve' })
    expect(back.json()).toMatchObject({ status: 'published', cstr: p.cstr, offlineReason: null })
    expect(await searchIds(p.title)).toContain(p.id)
  })

  it('an open revision is folded into the offline row; offline needs a reason; outsiders get 404', async () => {
    const p = await published()
    const managed = (await call(ctx.app, 'GET', url(p.id), admin)).json()
    await call(
      ctx.app,
      'PUT',
      url(p.id),
      admin,
      editBody(managed.content, managed.version, { summary: '修订中的描述' }),
    )
    expect((await call(ctx.app, 'POST', url(p.id, 'offline'), admin, { reason: '' })).statusCode).toBe(400)
    expect(
      (await call(ctx.app, 'POST', url(p.id, 'offline'), world.sessions.otherOrgAdmin, { reason: 'x' })).statusCode,
    ).toBe(404)
    const res = await call(ctx.app, 'POST', url(p.id, 'offline'), admin, { reason: '维修' })
    expect(res.json()).toMatchObject({ status: 'offline', revisionStatus: null, content: { summary: '修订中的描述' } })
  })
})

describe('GET /api/catalog/reviews', () => {
  it('lists submissions of the node’s subtree oldest first, for its staff and the staff above', async () => {
    const first = await submitted()
    const second = await submitted()
    const ids = (who: TTestSession) =>
      call(ctx.app, 'GET', `/api/catalog/reviews?nodeId=${world.nodes.mdj.id}&pageSize=100`, who).then((r) =>
        r.json().items.map((i: { id: string }) => i.id),
      )
    const seen = await ids(operator)
    expect(seen.indexOf(first.id)).toBeLessThan(seen.indexOf(second.id))
    const fromAbove = (
      await call(
        ctx.app,
        'GET',
        `/api/catalog/reviews?nodeId=${world.nodes.hlj.id}&pageSize=100`,
        world.sessions.ancestorAdmin,
      )
    ).json()
    expect(fromAbove.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([first.id, second.id]))
    expect(fromAbove.total).toBe(fromAbove.items.length)
    const filtered = (
      await call(ctx.app, 'GET', `/api/catalog/reviews?nodeId=${world.nodes.mdj.id}&kind=expert`, operator)
    ).json()
    expect(filtered.total).toBe(0)
  })

  it('answers 401, 403 (provider, sibling node), 404 (unknown node), 400 (bad nodeId)', async () => {
    const q = `/api/catalog/reviews?nodeId=${world.nodes.mdj.id}`
    expect((await call(ctx.app, 'GET', q, null)).statusCode).toBe(401)
    expect((await call(ctx.app, 'GET', q, admin)).statusCode).toBe(403)
    expect((await call(ctx.app, 'GET', q, world.sessions.siblingAdmin)).statusCode).toBe(403)
    expect(
      (await call(ctx.app, 'GET', '/api/catalog/reviews?nodeId=00000000-0000-4000-8000-000000000000', operator))
        .statusCode,
    ).toBe(404)
    expect((await call(ctx.app, 'GET', '/api/catalog/reviews?nodeId=x', operator)).statusCode).toBe(400)
  })
})
