import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { buildAuthzWorld, type TAuthzWorld } from '../../../../test/helpers/authz-world.ts'
import { createNode, createOrganisation } from '../../../../test/helpers/factories.ts'
import { signInAs, type TTestSession } from '../../../../test/helpers/sessions.ts'
import { buildInstrumentBody, call, editBody } from './catalog.int-helpers.ts'

// Reading the write side: the unit's list, the managed view, the version history.
let ctx: TTestContext
let world: TAuthzWorld
let admin: TTestSession
const db = () => ctx.database.db

beforeAll(async () => {
  ctx = await createTestApp()
  world = await buildAuthzWorld(db())
  admin = world.sessions.orgAdmin
})
afterAll(async () => ctx.close())

const create = (session: TTestSession | null, overrides: Record<string, unknown> = {}) =>
  call(ctx.app, 'POST', '/api/catalog/resources', session, buildInstrumentBody(world.orgA.id, overrides))

describe('GET /api/catalog/resources (the unit’s list)', () => {
  it('lists every status for the unit’s managers and its node staff, filtered and paged', async () => {
    const node = await createNode(db(), {
      parent_id: world.nodes.root.id,
      parentPath: world.nodes.root.path,
      name: '列表测试平台',
    })
    const org = await createOrganisation(db(), node.id, { region_code: '231002' })
    const owner = await signInAs(db(), { grants: [{ role: 'resource_manager', orgId: org.id }] })
    const make = (title: string, overrides: Record<string, unknown> = {}) =>
      call(ctx.app, 'POST', '/api/catalog/resources', owner, buildInstrumentBody(org.id, { title, ...overrides }))
    const a = (await make('液相色谱仪')).json()
    await make('气相色谱仪')
    await make('专家甲', { kind: 'expert', category: null, attributes: { title: '教授', expertise: ['色谱'] } })
    await call(ctx.app, 'POST', `/api/catalog/resources/${a.id}/submit`, owner)
    const list = await call(ctx.app, 'GET', `/api/catalog/resources?orgId=${org.id}`, owner)
    expect(list.statusCode).toBe(200)
    expect(list.json()).toMatchObject({ total: 3, page: 1, pageSize: 20 })
    const submitted = (
      await call(ctx.app, 'GET', `/api/catalog/resources?orgId=${org.id}&status=submitted`, owner)
    ).json()
    expect(submitted.items.map((i: { id: string }) => i.id)).toEqual([a.id])
    expect(
      (await call(ctx.app, 'GET', `/api/catalog/resources?orgId=${org.id}&q=色谱&kind=instrument`, owner)).json().total,
    ).toBe(2)
    const staff = await signInAs(db(), { grants: [{ role: 'node_operator', nodeId: node.id }] })
    expect((await call(ctx.app, 'GET', `/api/catalog/resources?orgId=${org.id}`, staff)).json().total).toBe(3)
    const instrumentsOnly = await signInAs(db(), { grants: [{ role: 'instrument_manager', orgId: org.id }] })
    expect((await call(ctx.app, 'GET', `/api/catalog/resources?orgId=${org.id}`, instrumentsOnly)).json().total).toBe(2)
    const page2 = (await call(ctx.app, 'GET', `/api/catalog/resources?orgId=${org.id}&pageSize=2&page=2`, owner)).json()
    expect(page2.items).toHaveLength(1)
  })

  it('answers 401, 403 (another unit), 404 (unknown unit) and 400 (no orgId)', async () => {
    expect((await call(ctx.app, 'GET', `/api/catalog/resources?orgId=${world.orgA.id}`, null)).statusCode).toBe(401)
    expect(
      (await call(ctx.app, 'GET', `/api/catalog/resources?orgId=${world.orgA.id}`, world.sessions.otherOrgAdmin))
        .statusCode,
    ).toBe(403)
    expect(
      (await call(ctx.app, 'GET', `/api/catalog/resources?orgId=${world.orgA.id}`, world.sessions.memberOfThis))
        .statusCode,
    ).toBe(403)
    expect(
      (await call(ctx.app, 'GET', '/api/catalog/resources?orgId=00000000-0000-4000-8000-000000000000', admin))
        .statusCode,
    ).toBe(404)
    const res = await call(ctx.app, 'GET', '/api/catalog/resources', admin)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues[0].path).toBe('query.orgId')
  })
})

describe('GET /api/catalog/resources/:id and /versions', () => {
  it('shows the managed view to its managers and the node staff over it, 404 to everyone else', async () => {
    const created = (await create(admin)).json()
    const url = `/api/catalog/resources/${created.id}`
    expect((await call(ctx.app, 'GET', url, null)).statusCode).toBe(401)
    for (const who of ['orgAdmin', 'nodeOperator', 'ancestorAdmin', 'platformAdmin'] as const) {
      expect((await call(ctx.app, 'GET', url, world.sessions[who])).statusCode).toBe(200)
    }
    for (const who of ['memberOfThis', 'otherOrgAdmin', 'siblingAdmin', 'unrelatedOperator'] as const) {
      expect((await call(ctx.app, 'GET', url, world.sessions[who])).statusCode).toBe(404)
    }
    expect((await call(ctx.app, 'GET', url, world.sessions.nodeOperator)).json().actions).toEqual([])
    expect((await call(ctx.app, 'GET', '/api/catalog/resources/42', admin)).statusCode).toBe(400)
  })

  it('lists versions newest first with who and when', async () => {
    const created = (await create(admin)).json()
    const url = `/api/catalog/resources/${created.id}`
    await call(ctx.app, 'PUT', url, admin, editBody(created.content, 1, { title: '改名' }))
    await call(ctx.app, 'POST', `${url}/submit`, admin)
    const res = await call(ctx.app, 'GET', `${url}/versions`, world.sessions.nodeOperator)
    expect(res.statusCode).toBe(200)
    const items = res.json().items
    expect(
      items.map((v: { version: number; action: string; status: string }) => [v.version, v.action, v.status]),
    ).toEqual([
      [3, 'submit', 'submitted'],
      [2, 'edit', 'draft'],
      [1, 'create', 'draft'],
    ])
    expect(items[0].by).toEqual({ id: admin.userId, name: admin.displayName })
    expect(Date.parse(items[0].at)).not.toBeNaN()
    expect((await call(ctx.app, 'GET', `${url}/versions`, world.sessions.otherOrgAdmin)).statusCode).toBe(404)
    expect((await call(ctx.app, 'GET', `${url}/versions`, null)).statusCode).toBe(401)
  })
})
