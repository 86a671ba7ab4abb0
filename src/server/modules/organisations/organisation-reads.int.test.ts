import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { createNode, createOrganisation } from '../../../../test/helpers/factories.ts'
import { signInAs, type TTestSession } from '../../../../test/helpers/sessions.ts'

let ctx: TTestContext
let hlj: Awaited<ReturnType<typeof createNode>>
let mdj: Awaited<ReturnType<typeof createNode>>
let provinceOperator: TTestSession
beforeAll(async () => {
  ctx = await createTestApp()
  const db = ctx.database.db
  const root = await createNode(db, { kind: 'total' })
  hlj = await createNode(db, { parent_id: root.id, parentPath: root.path })
  mdj = await createNode(db, { parent_id: hlj.id, parentPath: hlj.path, kind: 'city' })
  const at = (days: number) => new Date(Date.UTC(2026, 0, days))
  await createOrganisation(db, hlj.id, { status: 'pending', name: '省直单位甲', created_at: at(1) })
  await createOrganisation(db, mdj.id, { status: 'pending', name: '牡丹江单位乙', created_at: at(2) })
  await createOrganisation(db, mdj.id, { status: 'pending', name: '牡丹江单位丙', created_at: at(3) })
  await createOrganisation(db, mdj.id, { status: 'approved', name: '牡丹江单位丁', created_at: at(4) })
  provinceOperator = await signInAs(db, { grants: [{ role: 'node_operator', nodeId: hlj.id }] })
})
afterAll(async () => ctx.close())

const get = (url: string, who: TTestSession | null = provinceOperator) =>
  ctx.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} })
const names = (res: { json: () => { items: { name: string }[] } }) => res.json().items.map((o) => o.name)

describe('GET /api/nodes/:id/organisations', () => {
  it("lists one node's units, or its whole subtree, oldest first, by status", async () => {
    expect(names(await get(`/api/nodes/${hlj.id}/organisations?status=pending`))).toEqual(['省直单位甲'])
    expect(names(await get(`/api/nodes/${hlj.id}/organisations?status=pending&subtree=true`))).toEqual([
      '省直单位甲',
      '牡丹江单位乙',
      '牡丹江单位丙',
    ])
    expect(names(await get(`/api/nodes/${mdj.id}/organisations`))).toEqual([
      '牡丹江单位乙',
      '牡丹江单位丙',
      '牡丹江单位丁',
    ])
  })

  it('pages', async () => {
    const res = await get(`/api/nodes/${hlj.id}/organisations?subtree=true&pageSize=2&page=2`)
    expect(res.json()).toMatchObject({ total: 4, page: 2, pageSize: 2 })
    expect(names(res)).toEqual(['牡丹江单位丙', '牡丹江单位丁'])
  })

  it('answers 404 for an unknown node and 400 for a bad status', async () => {
    const missing = await get('/api/nodes/00000000-0000-4000-8000-000000000000/organisations')
    expect(missing.statusCode).toBe(404)
    expect(missing.json().error.message).toBe('平台节点不存在')
    const bad = await get(`/api/nodes/${mdj.id}/organisations?status=unknown`)
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details.issues[0].path).toBe('query.status')
  })
})

describe('GET /api/organisations/:id', () => {
  it('answers 404 for an unknown unit and 400 for a malformed id', async () => {
    const missing = await get('/api/organisations/00000000-0000-4000-8000-000000000000', null)
    expect(missing.statusCode).toBe(404)
    expect(missing.json().error.message).toBe('单位不存在')
    const malformed = await get('/api/organisations/123', null)
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().error.details.issues[0].path).toBe('params.id')
  })

  it('shows the public profile to anonymous visitors, without the private part', async () => {
    const org = await createOrganisation(ctx.database.db, mdj.id, {
      region_code: '231002',
      contact_phone: '13512345678',
    })
    const res = await get(`/api/organisations/${org.id}`, null)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      id: org.id,
      name: org.name,
      kind: 'enterprise',
      creditCode: org.credit_code,
      regionCode: '231002',
      regionName: '黑龙江省 牡丹江市 东安区',
      address: '',
      status: 'approved',
      node: { id: mdj.id, name: mdj.name },
      createdAt: org.created_at.toISOString(),
      private: null,
    })
  })
})

describe('OpenAPI', () => {
  it('documents every organisations and node administration endpoint', async () => {
    const res = await get('/api/docs', null)
    expect(res.statusCode).toBe(200)
    const paths = Object.keys(res.json().paths)
    // The roles body is documented as its input (the array before de-duplication).
    const roles = res.json().paths['/api/organisations/{id}/members/{userId}/roles'].put
    expect(JSON.stringify(roles)).toContain('resource_manager')
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/organisations',
        '/api/organisations/{id}',
        '/api/organisations/{id}/review',
        '/api/organisations/{id}/join-requests',
        '/api/organisations/{id}/join-requests/{requestId}/decide',
        '/api/organisations/{id}/members',
        '/api/organisations/{id}/members/{userId}',
        '/api/organisations/{id}/members/{userId}/roles',
        '/api/me/join-requests',
        '/api/join-requests/{id}',
        '/api/nodes/{id}/organisations',
        '/api/nodes/{id}/subtree',
        '/api/nodes/{id}',
        '/api/nodes/{id}/staff',
      ]),
    )
  })
})
