import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { createNode, createOrganisation } from '../../../../test/helpers/factories.ts'
import { signInAs, type TTestSession } from '../../../../test/helpers/sessions.ts'

// 单位角色管理: PUT /api/organisations/:id/members/:userId/roles, the last-admin rule (also for removing),
// audit and the member's notification.
let ctx: TTestContext
let rootId: string
let orgA: Awaited<ReturnType<typeof createOrganisation>>
let orgB: Awaited<ReturnType<typeof createOrganisation>>
let adminA: TTestSession
let adminB: TTestSession
beforeAll(async () => {
  ctx = await createTestApp()
  const db = ctx.database.db
  const root = await createNode(db, { kind: 'total' })
  rootId = root.id
  orgA = await createOrganisation(db, rootId, { name: '牡丹江北冶新材料有限公司' })
  orgB = await createOrganisation(db, rootId, { name: '哈尔滨工大检测有限公司' })
  adminA = await signInAs(db, { displayName: '甲管理员', grants: [{ role: 'org_admin', orgId: orgA.id }] })
  adminB = await signInAs(db, { displayName: '乙管理员', grants: [{ role: 'org_admin', orgId: orgB.id }] })
})
afterAll(async () => ctx.close())

const db = () => ctx.database.db
const putRoles = (who: TTestSession | null, orgId: string, userId: string, payload: unknown, lang = 'zh-CN') =>
  ctx.app.inject({
    method: 'PUT',
    url: `/api/organisations/${orgId}/members/${userId}/roles`,
    headers: {
      ...(who ? { cookie: who.cookie } : {}),
      'content-type': 'application/json',
      'accept-language': lang,
    },
    payload: JSON.stringify(payload),
  })
const rolesOf = async (userId: string, orgId: string) =>
  (
    await db()
      .selectFrom('role_grant')
      .select('role')
      .where('user_id', '=', userId)
      .where('org_id', '=', orgId)
      .orderBy('role')
      .execute()
  ).map((r) => r.role)
const inboxOf = (userId: string) =>
  db().selectFrom('notification').select(['event', 'title', 'body', 'link']).where('user_id', '=', userId).execute()

describe('setting a member’s roles', () => {
  it('grants and revokes to match, audits the change and tells the member', async () => {
    const person = await signInAs(db(), {
      displayName: '孙研究员',
      phone: '13611113333',
      grants: [
        { role: 'member', orgId: orgA.id },
        { role: 'expert', orgId: orgA.id },
      ],
    })
    const res = await putRoles(adminA, orgA.id, person.userId, {
      roles: ['resource_manager', 'member', 'instrument_manager', 'member'],
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      userId: person.userId,
      displayName: '孙研究员',
      phone: '136****3333',
      roles: ['instrument_manager', 'member', 'resource_manager'],
    })
    expect(await rolesOf(person.userId, orgA.id)).toEqual(['instrument_manager', 'member', 'resource_manager'])
    const audit = await db()
      .selectFrom('audit_log')
      .select(['actor_id', 'target_id', 'result', 'detail'])
      .where('action', '=', 'organisation.member_roles')
      .where('result', '=', 'success')
      .execute()
    expect(audit).toContainEqual({
      actor_id: adminA.userId,
      target_id: orgA.id,
      result: 'success',
      detail: {
        userId: person.userId,
        from: ['expert', 'member'],
        to: ['instrument_manager', 'member', 'resource_manager'],
      },
    })
    expect(await inboxOf(person.userId)).toEqual([
      {
        event: 'org.roles_changed',
        title: '您在单位的角色已调整',
        body: '您在“牡丹江北冶新材料有限公司”的角色已调整为：仪器管理员、单位成员、资源管理员。',
        link: `/orgs/${orgA.id}`,
      },
    ])
    const members = await ctx.app.inject({
      method: 'GET',
      url: `/api/organisations/${orgA.id}/members`,
      headers: { cookie: person.cookie },
    })
    expect(members.json().items).toContainEqual(
      expect.objectContaining({ userId: person.userId, roles: ['instrument_manager', 'member', 'resource_manager'] }),
    )
  })

  it('answers an unchanged set as it is, without audit or notification', async () => {
    const person = await signInAs(db(), { grants: [{ role: 'member', orgId: orgA.id }] })
    const res = await putRoles(adminA, orgA.id, person.userId, { roles: ['member'] })
    expect(res.statusCode).toBe(200)
    expect(res.json().roles).toEqual(['member'])
    expect(await inboxOf(person.userId)).toEqual([])
    const audit = await db()
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'organisation.member_roles')
      .execute()
    expect(audit.filter((a) => (a.detail as { userId?: string } | null)?.userId === person.userId)).toEqual([])
  })

  it('keeps the last admin’s admin role (zh-CN and en), and lets a second admin take it over', async () => {
    const org = await createOrganisation(db(), rootId)
    const first = await signInAs(db(), { grants: [{ role: 'org_admin', orgId: org.id }] })
    const zh = await putRoles(first, org.id, first.userId, { roles: ['member'] })
    expect(zh.statusCode).toBe(409)
    expect(zh.json().error).toEqual({
      code: 'STATE_INVALID',
      message: '不能取消单位最后一位管理员的管理员角色，请先指定其他管理员',
    })
    const en = await putRoles(first, org.id, first.userId, { roles: ['expert'] }, 'en')
    expect(en.json().error.message).toBe(
      'The last admin of an organisation cannot lose the admin role; appoint another admin first',
    )
    expect(await rolesOf(first.userId, org.id)).toEqual(['org_admin'])

    const second = await signInAs(db(), { grants: [{ role: 'member', orgId: org.id }] })
    expect((await putRoles(first, org.id, second.userId, { roles: ['org_admin', 'member'] })).statusCode).toBe(200)
    const dropped = await putRoles(first, org.id, first.userId, { roles: ['member', 'expert'] })
    expect(dropped.statusCode).toBe(200)
    expect(await rolesOf(first.userId, org.id)).toEqual(['expert', 'member'])
    // Changing one's own roles sends no notification to oneself.
    expect((await inboxOf(first.userId)).map((n) => n.event)).not.toContain('org.roles_changed')
    // The former admin cannot act as one any more; the new one is now the last and keeps the role.
    expect((await putRoles(first, org.id, second.userId, { roles: ['member'] })).statusCode).toBe(403)
    expect((await putRoles(second, org.id, second.userId, { roles: ['member'] })).statusCode).toBe(409)
  })

  it('refuses 401 without a session, 403 to members and to another unit’s admin (IDOR), audited', async () => {
    const person = await signInAs(db(), { grants: [{ role: 'member', orgId: orgA.id }] })
    expect((await putRoles(null, orgA.id, person.userId, { roles: ['org_admin'] })).statusCode).toBe(401)
    const self = await putRoles(person, orgA.id, person.userId, { roles: ['org_admin'] })
    expect(self.statusCode).toBe(403)
    // adminB of 哈尔滨工大 cannot promote someone in 北冶, nor reach B's member through A's address.
    expect((await putRoles(adminB, orgA.id, person.userId, { roles: ['org_admin'] })).statusCode).toBe(403)
    const memberOfB = await signInAs(db(), { grants: [{ role: 'member', orgId: orgB.id }] })
    const viaA = await putRoles(adminA, orgA.id, memberOfB.userId, { roles: ['org_admin'] })
    expect(viaA.statusCode).toBe(404)
    expect(viaA.json().error.message).toBe('该用户不是本单位成员')
    expect(await rolesOf(person.userId, orgA.id)).toEqual(['member'])
    expect(await rolesOf(memberOfB.userId, orgA.id)).toEqual([])
    const denied = await db()
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'organisation.member_roles')
      .where('result', '=', 'denied')
      .execute()
    expect(denied.map((d) => d.actor_id)).toEqual(expect.arrayContaining([person.userId, adminB.userId]))
  })

  it('answers 400 for an empty or unknown role, and for a malformed id, in zh-CN and en', async () => {
    const person = await signInAs(db(), { grants: [{ role: 'member', orgId: orgA.id }] })
    const empty = await putRoles(adminA, orgA.id, person.userId, { roles: [] })
    expect(empty.statusCode).toBe(400)
    expect(empty.json().error.code).toBe('VALIDATION')
    expect(empty.json().error.message).toBe('请求参数有误，请检查后重试（body.roles: 数值过小：期望 array >=1 项）')
    const unknown = await putRoles(adminA, orgA.id, person.userId, { roles: ['node_admin'] }, 'en')
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error.details.issues[0].path).toBe('body.roles.0')
    const emptyEn = await putRoles(adminA, orgA.id, person.userId, { roles: [] }, 'en')
    expect(emptyEn.json().error.message).toBe(
      'The request is invalid; please check it and try again（body.roles: Too small: expected array to have >=1 items）',
    )
    expect((await putRoles(adminA, orgA.id, 'nobody', { roles: ['member'] })).statusCode).toBe(400)
    expect(await rolesOf(person.userId, orgA.id)).toEqual(['member'])
  })

  it('answers 404 for a person not in the unit (zh-CN, en) and for an unknown unit', async () => {
    const stranger = await signInAs(db())
    const en = await putRoles(adminA, orgA.id, stranger.userId, { roles: ['member'] }, 'en')
    expect(en.statusCode).toBe(404)
    expect(en.json().error.message).toBe('This person is not a member of the organisation')
    const platform = await signInAs(db(), { grants: [{ role: 'platform_admin', nodeId: rootId }] })
    const missing = await putRoles(platform, '00000000-0000-4000-8000-000000000000', stranger.userId, {
      roles: ['member'],
    })
    expect(missing.statusCode).toBe(404)
    expect(missing.json().error.message).toBe('单位不存在')
  })

  it('lets the platform admin appoint a new admin for a unit, and remove people', async () => {
    const org = await createOrganisation(db(), rootId)
    const person = await signInAs(db(), { grants: [{ role: 'member', orgId: org.id }] })
    const platform = await signInAs(db(), { grants: [{ role: 'platform_admin', nodeId: rootId }] })
    expect((await putRoles(platform, org.id, person.userId, { roles: ['org_admin'] })).statusCode).toBe(200)
    expect(await rolesOf(person.userId, org.id)).toEqual(['org_admin'])
    const other = await signInAs(db(), { grants: [{ role: 'member', orgId: org.id }] })
    const removed = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/organisations/${org.id}/members/${other.userId}`,
      headers: { cookie: platform.cookie },
    })
    expect(removed.statusCode).toBe(204)
    const last = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/organisations/${org.id}/members/${person.userId}`,
      headers: { cookie: platform.cookie, 'accept-language': 'en' },
    })
    expect(last.statusCode).toBe(409)
    expect(last.json().error.message).toBe(
      'You cannot remove the last admin of an organisation; appoint another admin first',
    )
  })
})
