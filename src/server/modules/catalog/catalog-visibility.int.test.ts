import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { buildAuthzWorld, type TAuthzWorld } from '../../../../test/helpers/authz-world.ts'
import { createOrganisation } from '../../../../test/helpers/factories.ts'
import { signInAs, type TTestSession } from '../../../../test/helpers/sessions.ts'
import { buildInstrumentBody, call, insertStoredFile } from './catalog.int-helpers.ts'

// The public read side with the lifecycle behind it: 'network' audience (visible to the operating node's
// network only), attachments and identifiers in the public detail.
let ctx: TTestContext
let world: TAuthzWorld
const db = () => ctx.database.db
const ids: Record<string, string> = {}
const people: Record<string, TTestSession> = {}

/** A signed-in member of `orgId` whose current organisation is that unit. */
async function memberOf(orgId: string): Promise<TTestSession> {
  const session = await signInAs(db(), { grants: [{ role: 'member', orgId }] })
  await db().updateTable('user_session').set({ current_org_id: orgId }).where('user_id', '=', session.userId).execute()
  return session
}

/** Creates, submits and approves (publishes) a resource of `orgId` through the API. */
async function publish(orgId: string, owner: TTestSession, reviewer: TTestSession, overrides: Record<string, unknown>) {
  const created = await call(ctx.app, 'POST', '/api/catalog/resources', owner, buildInstrumentBody(orgId, overrides))
  expect(created.statusCode).toBe(201)
  const id = created.json().id as string
  await call(ctx.app, 'POST', `/api/catalog/resources/${id}/submit`, owner)
  expect(
    (await call(ctx.app, 'POST', `/api/catalog/resources/${id}/review`, reviewer, { decision: 'approve' })).statusCode,
  ).toBe(200)
  return id
}

beforeAll(async () => {
  ctx = await createTestApp()
  world = await buildAuthzWorld(db())
  // a unit operated by 黑龙江 (the parent of 牡丹江 and 哈尔滨)
  const province = await createOrganisation(db(), world.nodes.hlj.id, { region_code: '230103' })
  const provinceAdmin = await signInAs(db(), { grants: [{ role: 'org_admin', orgId: province.id }] })
  const hljOperator = await signInAs(db(), { grants: [{ role: 'node_operator', nodeId: world.nodes.hlj.id }] })
  ids.provinceShared = await publish(province.id, provinceAdmin, hljOperator, {
    title: '省平台共享的透射电镜',
    regionCode: '230103',
    audience: 'network',
  })
  ids.cityShared = await publish(world.orgA.id, world.sessions.orgAdmin, world.sessions.nodeOperator, {
    title: '牡丹江共享的核磁共振波谱仪',
    audience: 'network',
  })
  const image = await insertStoredFile(db(), { uploadedBy: world.sessions.orgAdmin.userId, orgId: world.orgA.id })
  ids.image = image
  ids.public = await publish(world.orgA.id, world.sessions.orgAdmin, world.sessions.nodeOperator, {
    title: '公开的X射线衍射仪',
    attachments: [{ fileId: image, role: 'image', caption: '整机照片' }],
  })
  people.mdjMember = await memberOf(world.orgA.id)
  people.hrbMember = await memberOf(world.orgB.id)
  people.provinceMember = await memberOf(province.id)
  const hubei = await createOrganisation(db(), world.nodes.hb.id, { region_code: '420111' })
  people.outsider = await memberOf(hubei.id)
})
afterAll(async () => ctx.close())

async function sees(who: TTestSession | null): Promise<string[]> {
  const list = (await call(ctx.app, 'GET', '/api/resources?pageSize=100', who))
    .json()
    .items.map((i: { id: string }) => i.id)
  const visible: string[] = []
  for (const key of ['provinceShared', 'cityShared', 'public']) {
    const detail = await call(ctx.app, 'GET', `/api/resources/${ids[key]}`, who)
    expect(list.includes(ids[key])).toBe(detail.statusCode === 200)
    if (detail.statusCode === 200) visible.push(key)
  }
  return visible
}

describe("'network' audience", () => {
  it('anonymous readers see public resources only', async () => {
    expect(await sees(null)).toEqual(['public'])
  })

  it('users of a child node see the parent’s shared resources and their own node’s', async () => {
    expect(await sees(people.mdjMember as TTestSession)).toEqual(['provinceShared', 'cityShared', 'public'])
    expect(await sees(people.hrbMember as TTestSession)).toEqual(['provinceShared', 'public'])
  })

  it('users of the parent do not see a child’s shared resources; outsiders see neither', async () => {
    expect(await sees(people.provinceMember as TTestSession)).toEqual(['provinceShared', 'public'])
    expect(await sees(people.outsider as TTestSession)).toEqual(['public'])
  })

  it('keeps network resources out of the public search index', async () => {
    const rows = await db().selectFrom('search_document').select('resource_id').execute()
    const indexed = rows.map((r) => r.resource_id)
    expect(indexed).toContain(ids.public)
    expect(indexed).not.toContain(ids.provinceShared)
    expect(indexed).not.toContain(ids.cityShared)
  })
})

describe('changing the audience through a revision', () => {
  it('takes the resource out of the public catalogue and the index when the revision is approved', async () => {
    const id = await publish(world.orgA.id, world.sessions.orgAdmin, world.sessions.nodeOperator, {
      title: '气相色谱质谱联用仪',
    })
    const managed = (await call(ctx.app, 'GET', `/api/catalog/resources/${id}`, world.sessions.orgAdmin)).json()
    const body = { ...managed.content, attachments: [], audience: 'network', expectedVersion: managed.version }
    expect((await call(ctx.app, 'PUT', `/api/catalog/resources/${id}`, world.sessions.orgAdmin, body)).statusCode).toBe(
      200,
    )
    await call(ctx.app, 'POST', `/api/catalog/resources/${id}/submit`, world.sessions.orgAdmin)
    expect((await call(ctx.app, 'GET', `/api/resources/${id}`, null)).statusCode).toBe(200)
    await call(ctx.app, 'POST', `/api/catalog/resources/${id}/review`, world.sessions.nodeOperator, {
      decision: 'approve',
    })
    expect((await call(ctx.app, 'GET', `/api/resources/${id}`, null)).statusCode).toBe(404)
    expect((await call(ctx.app, 'GET', `/api/resources/${id}`, people.mdjMember as TTestSession)).statusCode).toBe(200)
    const indexed = await db()
      .selectFrom('search_document')
      .select('resource_id')
      .where('resource_id', '=', id)
      .execute()
    expect(indexed).toEqual([])
  })
})

describe('GET /api/resources/:id — identifier and attachments', () => {
  it('shows the CSTR-shaped identifier and the attachments with their URLs', async () => {
    const detail = (await call(ctx.app, 'GET', `/api/resources/${ids.public}`, null)).json()
    expect(detail.cstr).toMatch(/^CSTR:KX000\.01\.\d{8}$/)
    expect(detail.audience).toBe('public')
    expect(detail.attachments).toEqual([
      {
        fileId: ids.image,
        role: 'image',
        caption: '整机照片',
        name: 'photo.png',
        mime: 'image/png',
        size: 1234,
        url: `/api/files/${ids.image}`,
      },
    ])
  })

  it('gives every published resource its own identifier', async () => {
    const rows = await db().selectFrom('resource').select('cstr').where('status', '=', 'published').execute()
    const cstrs = rows.map((r) => r.cstr)
    expect(cstrs.every((c) => c !== null)).toBe(true)
    expect(new Set(cstrs).size).toBe(cstrs.length)
  })
})
