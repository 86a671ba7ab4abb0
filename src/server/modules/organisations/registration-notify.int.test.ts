import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { buildAuthzWorld, type TAuthzWorld } from '../../../../test/helpers/authz-world.ts'
import { buildRegistration } from '../../../../test/helpers/factories.ts'
import { signInAs, type TTestSession } from '../../../../test/helpers/sessions.ts'
import { withTestLicence } from '../files/files.int-helpers.ts'

// Issue 3: the node staff whose subtree holds the chosen node are told of a new registration (org.registered).
// Universities need no uploaded business licence, so these registrations stand on their own.
let ctx: TTestContext
let world: TAuthzWorld
beforeAll(async () => {
  ctx = await createTestApp()
  world = await buildAuthzWorld(ctx.database.db)
})
afterAll(async () => ctx.close())

const db = () => ctx.database.db
const register = async (who: TTestSession, payload: object) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/organisations',
    headers: { cookie: who.cookie, 'content-type': 'application/json' },
    payload: JSON.stringify(await withTestLicence(ctx.app, who.cookie, payload)),
  })
const registeredNotices = () =>
  db()
    .selectFrom('notification')
    .select(['user_id', 'title', 'body', 'link'])
    .where('event', '=', 'org.registered')
    .execute()

describe('new registrations are announced to the node staff over the node', () => {
  it('tells the operators and admins of the node and the nodes above it, nobody else', async () => {
    const registrant = await signInAs(db())
    const payload = buildRegistration(world.nodes.mdj.id, { name: '牡丹江通知测试科技有限公司', kind: 'university' })
    expect((await register(registrant, payload)).statusCode).toBe(201)
    const notices = await registeredNotices()
    const { sessions } = world
    expect(notices.map((n) => n.user_id).sort()).toEqual(
      [sessions.nodeOperator.userId, sessions.nodeAdmin.userId, sessions.ancestorAdmin.userId].sort(),
    )
    expect(notices[0]).toMatchObject({
      title: '新的单位入驻申请',
      body: '“牡丹江通知测试科技有限公司”申请加入牡丹江测试平台，请及时审核。',
      link: `/console/nodes?node=${world.nodes.mdj.id}`,
    })
    const inbox = await ctx.app.inject({
      method: 'GET',
      url: '/api/notifications',
      headers: { cookie: sessions.ancestorAdmin.cookie },
    })
    expect(inbox.json().items).toContainEqual(expect.objectContaining({ event: 'org.registered' }))
  })

  it('leaves out a registrant who is node staff, and writes nothing when the registration fails', async () => {
    await db().deleteFrom('notification').where('event', '=', 'org.registered').execute()
    const operator = world.sessions.nodeOperator
    const payload = buildRegistration(world.nodes.mdj.id, { kind: 'university' })
    expect((await register(operator, payload)).statusCode).toBe(201)
    expect((await registeredNotices()).map((n) => n.user_id)).not.toContain(operator.userId)
    expect((await registeredNotices()).length).toBe(2)

    await db().deleteFrom('notification').where('event', '=', 'org.registered').execute()
    const taken = await register(await signInAs(db()), { ...payload, name: '重复代码公司' })
    expect(taken.statusCode).toBe(409)
    expect(await registeredNotices()).toEqual([])
  })

  it('tells only 湖北’s operator about a unit registering on 湖北', async () => {
    await db().deleteFrom('notification').where('event', '=', 'org.registered').execute()
    const payload = buildRegistration(world.nodes.hb.id, { regionCode: '420102', kind: 'university' })
    expect((await register(await signInAs(db()), payload)).statusCode).toBe(201)
    expect((await registeredNotices()).map((n) => n.user_id)).toEqual([world.sessions.unrelatedOperator.userId])
  })
})
