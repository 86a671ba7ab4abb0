import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { createNode, createOrganisation } from '../../../../test/helpers/factories.ts'
import { addGrants, signInAs, type TTestSession } from '../../../../test/helpers/sessions.ts'

let ctx: TTestContext
let orgA: Awaited<ReturnType<typeof createOrganisation>>
let orgB: Awaited<ReturnType<typeof createOrganisation>>
let adminA: TTestSession
let adminB: TTestSession
beforeAll(async () => {
  ctx = await createTestApp()
  const db = ctx.database.db
  const node = await createNode(db, { kind: 'total' })
  orgA = await createOrganisation(db, node.id, { name: '牡丹江北冶新材料有限公司', contact_phone: '13500001234' })
  orgB = await createOrganisation(db, node.id, { name: '哈尔滨工大检测有限公司' })
  adminA = await signInAs(db, { displayName: '甲管理员', grants: [{ role: 'org_admin', orgId: orgA.id }] })
  adminB = await signInAs(db, { displayName: '乙管理员', grants: [{ role: 'org_admin', orgId: orgB.id }] })
})
afterAll(async () => ctx.close())

const db = () => ctx.database.db
const send = (who: TTestSession | null, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  ctx.app.inject({
    method,
    url,
    headers: { ...(who ? { cookie: who.cookie } : {}), ...(payload ? { 'content-type': 'application/json' } : {}) },
    ...(payload ? { payload: JSON.stringify(payload) } : {}),
  })
const inboxOf = (userId: string) =>
  db()
    .selectFrom('notification')
    .select(['event', 'title', 'link'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute()

describe('joining a unit (two-level registration)', () => {
  it('asks, tells the admins, is approved into membership and tells the person', async () => {
    const person = await signInAs(db(), { displayName: '孙研究员', phone: '13611112222' })
    const asked = await send(person, 'POST', `/api/organisations/${orgA.id}/join-requests`, {
      message: '我是材料所研究员',
    })
    expect(asked.statusCode).toBe(201)
    expect(asked.json()).toMatchObject({
      orgId: orgA.id,
      applicant: { id: person.userId, displayName: '孙研究员', phone: '136****2222' },
      message: '我是材料所研究员',
      status: 'pending',
      decidedBy: null,
    })
    expect(await inboxOf(adminA.userId)).toContainEqual({
      event: 'org.join_requested',
      title: '新的加入单位申请',
      link: `/orgs/${orgA.id}?tab=requests`,
    })

    const again = await send(person, 'POST', `/api/organisations/${orgA.id}/join-requests`, {})
    expect(again.statusCode).toBe(409)
    expect(again.json().error.message).toBe('您已提交加入申请，请等待单位管理员处理')

    const queue = await send(adminA, 'GET', `/api/organisations/${orgA.id}/join-requests?status=pending`)
    expect(queue.statusCode).toBe(200)
    expect(queue.json().items.map((r: { id: string }) => r.id)).toContain(asked.json().id)

    const before = await send(person, 'GET', `/api/organisations/${orgA.id}`)
    expect(before.json().private).toBeNull()

    const decided = await send(
      adminA,
      'POST',
      `/api/organisations/${orgA.id}/join-requests/${asked.json().id}/decide`,
      {
        decision: 'approve',
      },
    )
    expect(decided.statusCode).toBe(200)
    expect(decided.json()).toMatchObject({
      status: 'approved',
      decidedBy: { id: adminA.userId, displayName: '甲管理员' },
    })
    expect(await inboxOf(person.userId)).toEqual([
      { event: 'org.join_decided', title: '加入单位申请已通过', link: `/orgs/${orgA.id}` },
    ])

    const after = await send(person, 'GET', `/api/organisations/${orgA.id}`)
    expect(after.json().private).toMatchObject({ contactPhone: '135****1234', isContactPhoneMasked: true })
    const members = await send(person, 'GET', `/api/organisations/${orgA.id}/members`)
    expect(members.statusCode).toBe(200)
    expect(members.json().items).toContainEqual(
      expect.objectContaining({
        userId: person.userId,
        displayName: '孙研究员',
        phone: '136****2222',
        roles: ['member'],
      }),
    )

    const twice = await send(adminA, 'POST', `/api/organisations/${orgA.id}/join-requests/${asked.json().id}/decide`, {
      decision: 'reject',
      reason: '重复处理',
    })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().error.code).toBe('STATE_INVALID')
    const member = await send(person, 'POST', `/api/organisations/${orgA.id}/join-requests`, {})
    expect(member.statusCode).toBe(409)
    expect(member.json().error.message).toBe('您已是该单位成员')
  })

  it('rejects with a reason only, and grants nothing', async () => {
    const person = await signInAs(db())
    const asked = (await send(person, 'POST', `/api/organisations/${orgA.id}/join-requests`)).json()
    expect(asked.message).toBe('')
    const url = `/api/organisations/${orgA.id}/join-requests/${asked.id}/decide`
    const noReason = await send(adminA, 'POST', url, { decision: 'reject' })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().error.details.issues[0].path).toBe('body.reason')
    const res = await send(adminA, 'POST', url, { decision: 'reject', reason: '非本单位员工' })
    expect(res.json()).toMatchObject({ status: 'rejected', reason: '非本单位员工' })
    const grants = await db().selectFrom('role_grant').select('id').where('user_id', '=', person.userId).execute()
    expect(grants).toEqual([])
    expect((await inboxOf(person.userId)).map((n) => n.title)).toEqual(['加入单位申请未通过'])
  })

  it('lets one person belong to several units', async () => {
    const person = await signInAs(db())
    for (const [org, admin] of [
      [orgA, adminA],
      [orgB, adminB],
    ] as const) {
      const asked = (await send(person, 'POST', `/api/organisations/${org.id}/join-requests`, {})).json()
      const decided = await send(admin, 'POST', `/api/organisations/${org.id}/join-requests/${asked.id}/decide`, {
        decision: 'approve',
      })
      expect(decided.statusCode).toBe(200)
    }
    const orgs = await db()
      .selectFrom('role_grant')
      .select('org_id')
      .where('user_id', '=', person.userId)
      .orderBy('org_id')
      .execute()
    expect(orgs.map((g) => g.org_id)).toEqual([orgA.id, orgB.id].sort())
  })

  it('refuses to join a unit that is not approved, and hides an unknown one', async () => {
    const pending = await createOrganisation(db(), orgA.node_id, { status: 'pending' })
    const person = await signInAs(db(), { grants: [{ role: 'node_operator', nodeId: orgA.node_id }] })
    const res = await send(person, 'POST', `/api/organisations/${pending.id}/join-requests`, {})
    expect(res.statusCode).toBe(409)
    expect(res.json().error).toEqual({ code: 'STATE_INVALID', message: '该单位尚未通过审核，暂不能申请加入' })
    const stranger = await signInAs(db())
    expect((await send(stranger, 'POST', `/api/organisations/${pending.id}/join-requests`, {})).statusCode).toBe(404)
  })

  it("does not let one unit's admin decide another unit's request through their own unit's URL", async () => {
    const person = await signInAs(db())
    const askedB = (await send(person, 'POST', `/api/organisations/${orgB.id}/join-requests`, {})).json()
    const res = await send(adminA, 'POST', `/api/organisations/${orgA.id}/join-requests/${askedB.id}/decide`, {
      decision: 'approve',
    })
    expect(res.statusCode).toBe(404)
    expect(res.json().error.message).toBe('加入申请不存在')
    const grants = await db().selectFrom('role_grant').select('id').where('user_id', '=', person.userId).execute()
    expect(grants).toEqual([])
  })
})

describe('members', () => {
  it('removes a person from the unit (every role in it), leaving their other units alone', async () => {
    const person = await signInAs(db(), {
      grants: [
        { role: 'member', orgId: orgA.id },
        { role: 'expert', orgId: orgA.id },
        { role: 'member', orgId: orgB.id },
      ],
    })
    const res = await send(adminA, 'DELETE', `/api/organisations/${orgA.id}/members/${person.userId}`)
    expect(res.statusCode).toBe(204)
    const left = await db()
      .selectFrom('role_grant')
      .select(['org_id', 'role'])
      .where('user_id', '=', person.userId)
      .execute()
    expect(left).toEqual([{ org_id: orgB.id, role: 'member' }])
    expect((await send(person, 'GET', `/api/organisations/${orgA.id}/members`)).statusCode).toBe(403)
    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', '=', 'organisation.member_remove')
      .execute()
    expect(audit).toContainEqual({
      action: 'organisation.member_remove',
      detail: { userId: person.userId, roles: ['expert', 'member'] },
    })
  })

  it('never removes the last admin, but removes an admin when another remains', async () => {
    const org = await createOrganisation(db(), orgA.node_id)
    const first = await signInAs(db(), { grants: [{ role: 'org_admin', orgId: org.id }] })
    const last = await send(first, 'DELETE', `/api/organisations/${org.id}/members/${first.userId}`)
    expect(last.statusCode).toBe(409)
    expect(last.json().error).toEqual({
      code: 'STATE_INVALID',
      message: '不能移除单位的最后一位管理员，请先指定其他管理员',
    })
    const second = await signInAs(db(), { grants: [{ role: 'org_admin', orgId: org.id }] })
    expect((await send(second, 'DELETE', `/api/organisations/${org.id}/members/${first.userId}`)).statusCode).toBe(204)
    expect((await send(second, 'DELETE', `/api/organisations/${org.id}/members/${second.userId}`)).statusCode).toBe(409)
  })

  it('answers 404 for someone who is not a member, in English too', async () => {
    const stranger = await signInAs(db())
    const res = ctx.app.inject({
      method: 'DELETE',
      url: `/api/organisations/${orgA.id}/members/${stranger.userId}`,
      headers: { cookie: adminA.cookie, 'accept-language': 'en' },
    })
    expect((await res).statusCode).toBe(404)
    expect((await res).json().error.message).toBe('This person is not a member of the organisation')
  })

  it('lists members with their roles, masked phones and paging', async () => {
    const org = await createOrganisation(db(), orgA.node_id)
    await addGrants(db(), adminA.userId, [
      { role: 'org_admin', orgId: org.id },
      { role: 'resource_manager', orgId: org.id },
    ])
    const other = await signInAs(db(), { phone: '13700001111', grants: [{ role: 'member', orgId: org.id }] })
    const page1 = await send(adminA, 'GET', `/api/organisations/${org.id}/members?pageSize=1`)
    expect(page1.json()).toMatchObject({ total: 2, page: 1, pageSize: 1 })
    expect(page1.json().items).toEqual([
      expect.objectContaining({ userId: adminA.userId, roles: ['org_admin', 'resource_manager'] }),
    ])
    const page2 = await send(adminA, 'GET', `/api/organisations/${org.id}/members?pageSize=1&page=2`)
    expect(page2.json().items).toEqual([
      expect.objectContaining({ userId: other.userId, phone: '137****1111', roles: ['member'] }),
    ])
  })
})
