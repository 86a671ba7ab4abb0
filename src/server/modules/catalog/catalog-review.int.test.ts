import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { buildAuthzWorld, type TAuthzWorld } from '../../../../test/helpers/authz-world.ts'
import { signInAs, type TTestSession } from '../../../../test/helpers/sessions.ts'
import { buildInstrumentBody, call, createLifecycleDriver, editBody, resourceUrl } from './catalog.int-helpers.ts'

// The lifecycle: submit, withdraw, review (approve/publish, return), publish, revisions of published
// resources, CSTR, search index, audit, notifications, concurrent reviews.
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
const draft = (o?: Record<string, unknown>) => drive.draft(o)
const submitted = (o?: Record<string, unknown>) => drive.submitted(o)
const published = (o?: Record<string, unknown>) => drive.published(o)
const publicDetail = (id: string) => drive.publicDetail(id)
const searchIds = (q: string) => drive.searchIds(q)
const versionsOf = (id: string) => drive.versionsOf(id)

describe('submit, review and publish', () => {
  it('keeps drafts and submissions out of /api/resources, /api/resources/:id and /api/search', async () => {
    const d = await draft()
    const s = await submitted()
    for (const id of [d.id, s.id]) expect((await publicDetail(id)).statusCode).toBe(404)
    const list = (await call(ctx.app, 'GET', `/api/resources?orgId=${world.orgA.id}&pageSize=100`, null)).json()
    expect(list.items.map((i: { id: string }) => i.id)).not.toEqual(expect.arrayContaining([d.id]))
    expect(list.items.map((i: { id: string }) => i.id)).not.toEqual(expect.arrayContaining([s.id]))
    expect(await searchIds(d.title)).not.toContain(d.id)
    expect(await searchIds(s.title)).not.toContain(s.id)
  })

  it('approve publishes at once: CSTR, published_at, versions, index, audit and a notification', async () => {
    const manager = await signInAs(db(), { grants: [{ role: 'resource_manager', orgId: world.orgA.id }] })
    const s = await submitted()
    const res = await call(ctx.app, 'POST', url(s.id, 'review'), operator, { decision: 'approve' })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ status: 'published', version: 4, actions: ['offline'] })
    expect(body.cstr).toMatch(/^CSTR:KX000\.01\.\d{8}$/)
    expect(await versionsOf(s.id)).toEqual([
      '4 publish published',
      '3 approve approved',
      '2 submit submitted',
      '1 create draft',
    ])
    const detail = await publicDetail(s.id)
    expect(detail.statusCode).toBe(200)
    expect(detail.json()).toMatchObject({ cstr: body.cstr, audience: 'public', attachments: [] })
    expect((await searchIds(s.title))[0]).toBe(s.id)
    const audit = await db().selectFrom('audit_log').selectAll().where('target_id', '=', s.id).execute()
    expect(audit).toEqual([
      expect.objectContaining({ action: 'resource.review', result: 'success', actor_id: operator.userId }),
    ])
    const notes = await db()
      .selectFrom('notification')
      .selectAll()
      .where('event', '=', 'resource.reviewed')
      .where('link', '=', `/console/resources/${s.id}`)
      .execute()
    expect(notes.map((n) => n.user_id).sort()).toEqual([admin.userId, manager.userId].sort())
    expect(notes[0]?.title).toBe('资源已通过审核')
  })

  it('approve with publish=false leaves it approved until the provider publishes', async () => {
    const s = await submitted()
    const approved = await call(ctx.app, 'POST', url(s.id, 'review'), operator, { decision: 'approve', publish: false })
    expect(approved.json()).toMatchObject({ status: 'approved', cstr: null })
    expect((await publicDetail(s.id)).statusCode).toBe(404)
    expect((await call(ctx.app, 'POST', url(s.id, 'publish'), operator)).statusCode).toBe(403)
    const res = await call(ctx.app, 'POST', url(s.id, 'publish'), admin)
    expect(res.statusCode).toBe(200)
    expect(res.json().status).toBe('published')
    expect(res.json().cstr).toMatch(/^CSTR:KX000\.01\./)
    expect((await call(ctx.app, 'POST', url(s.id, 'publish'), admin)).statusCode).toBe(409)
  })

  it('return needs a reason, sends it back to the provider, who edits and resubmits', async () => {
    const s = await submitted()
    const noReason = await call(ctx.app, 'POST', url(s.id, 'review'), operator, { decision: 'return' })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().error.details.issues[0].path).toBe('body.reason')
    const res = await call(ctx.app, 'POST', url(s.id, 'review'), operator, {
      decision: 'return',
      reason: '技术指标不完整',
    })
    expect(res.json()).toMatchObject({ status: 'returned', returnReason: '技术指标不完整', actions: [] })
    const mine = (await call(ctx.app, 'GET', url(s.id), admin)).json()
    expect(mine.actions).toEqual(['edit', 'submit', 'delete'])
    const note = await db()
      .selectFrom('notification')
      .selectAll()
      .where('user_id', '=', admin.userId)
      .where('title', '=', '资源未通过审核')
      .executeTakeFirst()
    expect(note?.body).toContain('技术指标不完整')
    const edited = await call(
      ctx.app,
      'PUT',
      url(s.id),
      admin,
      editBody(res.json().content, res.json().version, { summary: '补充了指标' }),
    )
    expect(edited.json()).toMatchObject({ status: 'returned' })
    expect((await call(ctx.app, 'POST', url(s.id, 'submit'), admin)).json().status).toBe('submitted')
  })

  it('withdraw turns a submission back into a draft; nothing to withdraw → 409', async () => {
    const s = await submitted()
    const res = await call(ctx.app, 'POST', url(s.id, 'withdraw'), admin)
    expect(res.json()).toMatchObject({ status: 'draft', submittedAt: null })
    expect((await call(ctx.app, 'POST', url(s.id, 'withdraw'), admin)).statusCode).toBe(409)
    expect((await call(ctx.app, 'POST', url(s.id, 'withdraw'), operator)).statusCode).toBe(403)
  })

  it('reviewing: providers 403, staff of other nodes 404, own submission 403 — refusals audited', async () => {
    const s = await submitted()
    const approve = { decision: 'approve' }
    expect((await call(ctx.app, 'POST', url(s.id, 'review'), null, approve)).statusCode).toBe(401)
    expect((await call(ctx.app, 'POST', url(s.id, 'review'), admin, approve)).statusCode).toBe(403)
    expect((await call(ctx.app, 'POST', url(s.id, 'review'), world.sessions.siblingAdmin, approve)).statusCode).toBe(
      404,
    )
    const both = await signInAs(db(), {
      grants: [
        { role: 'resource_manager', orgId: world.orgA.id },
        { role: 'node_operator', nodeId: world.nodes.mdj.id },
      ],
    })
    const own = (await call(ctx.app, 'POST', '/api/catalog/resources', both, buildInstrumentBody(world.orgA.id))).json()
    await call(ctx.app, 'POST', url(own.id, 'submit'), both)
    const res = await call(ctx.app, 'POST', url(own.id, 'review'), both, approve)
    expect(res.statusCode).toBe(403)
    expect(res.json().error.message).toBe('不能审核自己提交的资源')
    const denied = await db()
      .selectFrom('audit_log')
      .select(['action', 'result'])
      .where('target_id', 'in', [s.id, own.id])
      .execute()
    expect(denied).toEqual([
      { action: 'resource.review', result: 'denied' },
      { action: 'resource.review', result: 'denied' },
    ])
    expect((await call(ctx.app, 'POST', url(own.id, 'review'), world.sessions.ancestorAdmin, approve)).statusCode).toBe(
      200,
    )
  })

  it('a draft cannot be reviewed (409), published twice or brought online', async () => {
    const d = await draft()
    expect((await call(ctx.app, 'POST', url(d.id, 'review'), operator, { decision: 'approve' })).statusCode).toBe(409)
    expect((await call(ctx.app, 'POST', url(d.id, 'publish'), admin)).statusCode).toBe(409)
    expect((await call(ctx.app, 'POST', url(d.id, 'online'), admin)).statusCode).toBe(409)
    expect((await call(ctx.app, 'POST', url(d.id, 'offline'), admin, { reason: '停用' })).statusCode).toBe(409)
  })

  it('two operators approving the same submission at once: exactly one succeeds', async () => {
    const other = await signInAs(db(), { grants: [{ role: 'node_operator', nodeId: world.nodes.mdj.id }] })
    const s = await submitted()
    const results = await Promise.all(
      [operator, other].map((who) => call(ctx.app, 'POST', url(s.id, 'review'), who, { decision: 'approve' })),
    )
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409])
    const rows = await db().selectFrom('resource_version').select('action').where('resource_id', '=', s.id).execute()
    expect(rows.filter((r) => r.action === 'approve')).toHaveLength(1)
  })
})

describe('revisions of a published resource', () => {
  it('the public sees the old content until the revision is approved; the CSTR stays', async () => {
    const p = await published()
    const managed = (await call(ctx.app, 'GET', url(p.id), admin)).json()
    const newTitle = `${p.title} 升级版`
    const saved = await call(
      ctx.app,
      'PUT',
      url(p.id),
      admin,
      editBody(managed.content, managed.version, { title: newTitle }),
    )
    expect(saved.statusCode).toBe(200)
    expect(saved.json()).toMatchObject({
      status: 'published',
      revisionStatus: 'draft',
      content: { title: newTitle },
      publishedContent: { title: p.title },
    })
    expect((await publicDetail(p.id)).json().title).toBe(p.title)
    await call(ctx.app, 'POST', url(p.id, 'submit'), admin)
    expect((await publicDetail(p.id)).json().title).toBe(p.title)
    const queue = (
      await call(ctx.app, 'GET', `/api/catalog/reviews?nodeId=${world.nodes.mdj.id}&pageSize=100`, operator)
    ).json()
    expect(queue.items.find((i: { id: string }) => i.id === p.id)).toMatchObject({
      status: 'published',
      revisionStatus: 'submitted',
    })
    expect(
      (await call(ctx.app, 'PUT', url(p.id), admin, editBody(managed.content, saved.json().version + 1))).statusCode,
    ).toBe(409)
    const res = await call(ctx.app, 'POST', url(p.id, 'review'), operator, { decision: 'approve' })
    expect(res.json()).toMatchObject({
      status: 'published',
      revisionStatus: null,
      cstr: p.cstr,
      publishedContent: null,
    })
    expect((await publicDetail(p.id)).json()).toMatchObject({ title: newTitle, cstr: p.cstr })
    expect((await searchIds(newTitle))[0]).toBe(p.id)
    expect((await versionsOf(p.id)).slice(0, 3)).toEqual([
      `${p.version + 3} approve published`,
      `${p.version + 2} submit submitted (revision)`,
      `${p.version + 1} edit draft (revision)`,
    ])
  })

  it('a returned revision leaves the public content alone and can be edited and resubmitted', async () => {
    const p = await published()
    const managed = (await call(ctx.app, 'GET', url(p.id), admin)).json()
    await call(
      ctx.app,
      'PUT',
      url(p.id),
      admin,
      editBody(managed.content, managed.version, { title: `${p.title}（改）` }),
    )
    await call(ctx.app, 'POST', url(p.id, 'submit'), admin)
    const res = await call(ctx.app, 'POST', url(p.id, 'review'), operator, { decision: 'return', reason: '名称不规范' })
    expect(res.json()).toMatchObject({ status: 'published', revisionStatus: 'returned', returnReason: '名称不规范' })
    expect((await publicDetail(p.id)).json().title).toBe(p.title)
    expect(res.json().actions).toEqual(['offline'])
    expect((await call(ctx.app, 'GET', url(p.id), admin)).json().actions).toEqual(['edit', 'submit', 'offline'])
    expect((await call(ctx.app, 'POST', url(p.id, 'submit'), admin)).json().revisionStatus).toBe('submitted')
    expect((await call(ctx.app, 'POST', url(p.id, 'withdraw'), admin)).json().revisionStatus).toBe('draft')
  })
})
