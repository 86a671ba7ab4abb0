import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { createJoinRequest, createNode, createOrganisation } from '../../../../test/helpers/factories.ts'
import { signInAs, type TTestSession } from '../../../../test/helpers/sessions.ts'

// 我的加入申请: GET /api/me/join-requests and DELETE /api/join-requests/:id (withdraw one's own pending one).
let ctx: TTestContext
let orgA: Awaited<ReturnType<typeof createOrganisation>>
let orgB: Awaited<ReturnType<typeof createOrganisation>>
let adminA: TTestSession
beforeAll(async () => {
  ctx = await createTestApp()
  const db = ctx.database.db
  const node = await createNode(db, { kind: 'total' })
  orgA = await createOrganisation(db, node.id, { name: '牡丹江北冶新材料有限公司' })
  orgB = await createOrganisation(db, node.id, { name: '哈尔滨工大检测有限公司' })
  adminA = await signInAs(db, { grants: [{ role: 'org_admin', orgId: orgA.id }] })
})
afterAll(async () => ctx.close())

const db = () => ctx.database.db
const send = (who: TTestSession | null, method: 'GET' | 'POST' | 'DELETE', url: string, lang = 'zh-CN') =>
  ctx.app.inject({
    method,
    url,
    headers: { ...(who ? { cookie: who.cookie } : {}), 'accept-language': lang },
  })

describe('my join requests', () => {
  it('lists my own requests, newest first, with the unit’s name and the decision', async () => {
    const person = await signInAs(db())
    const older = await createJoinRequest(db(), orgA.id, person.userId, '我是材料所研究员')
    await db()
      .updateTable('organisation_join_request')
      .set({
        status: 'rejected',
        reason: '非本单位员工',
        decided_by: adminA.userId,
        decided_at: new Date('2026-03-02T00:00:00Z'),
        created_at: new Date('2026-03-01T00:00:00Z'),
      })
      .where('id', '=', older.id)
      .execute()
    const newer = await createJoinRequest(db(), orgB.id, person.userId)
    await createJoinRequest(db(), orgA.id, (await signInAs(db())).userId)

    const res = await send(person, 'GET', '/api/me/join-requests')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ total: 2, page: 1, pageSize: 20 })
    expect(res.json().items).toEqual([
      {
        id: newer.id,
        org: { id: orgB.id, name: '哈尔滨工大检测有限公司' },
        message: '申请加入',
        status: 'pending',
        reason: null,
        decidedAt: null,
        createdAt: expect.any(String),
      },
      {
        id: older.id,
        org: { id: orgA.id, name: '牡丹江北冶新材料有限公司' },
        message: '我是材料所研究员',
        status: 'rejected',
        reason: '非本单位员工',
        decidedAt: '2026-03-02T00:00:00.000Z',
        createdAt: '2026-03-01T00:00:00.000Z',
      },
    ])
    const page2 = await send(person, 'GET', '/api/me/join-requests?pageSize=1&page=2')
    expect(page2.json().items.map((r: { id: string }) => r.id)).toEqual([older.id])
    expect((await send(person, 'GET', '/api/me/join-requests?pageSize=0')).statusCode).toBe(400)
    expect((await send(null, 'GET', '/api/me/join-requests')).statusCode).toBe(401)
  })

  it('withdraws my pending request: it leaves the admins’ queue and I may ask again', async () => {
    const person = await signInAs(db())
    const asked = (
      await ctx.app.inject({
        method: 'POST',
        url: `/api/organisations/${orgA.id}/join-requests`,
        headers: { cookie: person.cookie },
      })
    ).json()
    const res = await send(person, 'DELETE', `/api/join-requests/${asked.id}`)
    expect(res.statusCode).toBe(204)
    expect((await send(person, 'GET', '/api/me/join-requests')).json().items).toEqual([])
    const queue = await send(adminA, 'GET', `/api/organisations/${orgA.id}/join-requests?status=pending`)
    expect(queue.json().items.map((r: { id: string }) => r.id)).not.toContain(asked.id)
    const again = await ctx.app.inject({
      method: 'POST',
      url: `/api/organisations/${orgA.id}/join-requests`,
      headers: { cookie: person.cookie },
    })
    expect(again.statusCode).toBe(201)
    expect((await send(person, 'DELETE', `/api/join-requests/${asked.id}`)).statusCode).toBe(404)
  })

  it('answers 404 for someone else’s request (not revealing it), in zh-CN and en, and leaves it', async () => {
    const owner = await signInAs(db())
    const request = await createJoinRequest(db(), orgA.id, owner.userId)
    const zh = await send(adminA, 'DELETE', `/api/join-requests/${request.id}`)
    expect(zh.statusCode).toBe(404)
    expect(zh.json().error).toEqual({ code: 'NOT_FOUND', message: '加入申请不存在' })
    const other = await signInAs(db())
    const en = await send(other, 'DELETE', `/api/join-requests/${request.id}`, 'en')
    expect(en.statusCode).toBe(404)
    expect(en.json().error.message).toBe('Join request not found')
    const unknown = await send(other, 'DELETE', '/api/join-requests/00000000-0000-4000-8000-000000000000')
    expect(unknown.json().error).toEqual(zh.json().error)
    const still = await db()
      .selectFrom('organisation_join_request')
      .select('status')
      .where('id', '=', request.id)
      .executeTakeFirst()
    expect(still).toEqual({ status: 'pending' })
  })

  it('refuses to withdraw a decided request (409), a malformed id (400) and without a session (401)', async () => {
    const person = await signInAs(db())
    const request = await createJoinRequest(db(), orgA.id, person.userId)
    const decided = await ctx.app.inject({
      method: 'POST',
      url: `/api/organisations/${orgA.id}/join-requests/${request.id}/decide`,
      headers: { cookie: adminA.cookie, 'content-type': 'application/json' },
      payload: JSON.stringify({ decision: 'approve' }),
    })
    expect(decided.statusCode).toBe(200)
    const zh = await send(person, 'DELETE', `/api/join-requests/${request.id}`)
    expect(zh.statusCode).toBe(409)
    expect(zh.json().error).toEqual({ code: 'STATE_INVALID', message: '该申请已处理，不能撤回' })
    const en = await send(person, 'DELETE', `/api/join-requests/${request.id}`, 'en')
    expect(en.json().error.message).toBe('This request has already been decided and cannot be withdrawn')
    const bad = await send(person, 'DELETE', '/api/join-requests/not-an-id')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details.issues[0].path).toBe('params.id')
    expect((await send(null, 'DELETE', `/api/join-requests/${request.id}`)).statusCode).toBe(401)
  })
})
