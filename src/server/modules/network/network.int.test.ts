import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { createNode, createOrganisation } from '../../../../test/helpers/factories.ts'
import { signInAs, type TTestSession } from '../../../../test/helpers/sessions.ts'
import { systemClock } from '../../clock.ts'
import { isAppError } from '../../errors.ts'
import { createAuditService } from '../audit/audit.service.ts'
import { createNetworkService } from './network.service.ts'

let ctx: TTestContext
let root: Awaited<ReturnType<typeof createNode>>
let hlj: Awaited<ReturnType<typeof createNode>>
let mdj: Awaited<ReturnType<typeof createNode>>
let hljAdmin: TTestSession
beforeAll(async () => {
  ctx = await createTestApp()
  const db = ctx.database.db
  root = await createNode(db, { kind: 'total', name: '测试总平台' })
  hlj = await createNode(db, { parent_id: root.id, parentPath: root.path, name: '黑龙江测试平台' })
  mdj = await createNode(db, {
    parent_id: hlj.id,
    parentPath: hlj.path,
    kind: 'city',
    name: '牡丹江测试平台',
    region_code: '231000',
  })
  await createOrganisation(db, mdj.id)
  await createOrganisation(db, mdj.id, { status: 'pending' })
  hljAdmin = await signInAs(db, { grants: [{ role: 'node_admin', nodeId: hlj.id }] })
})
afterAll(async () => ctx.close())

const send = (
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: object,
  who: TTestSession = hljAdmin,
  lang?: string,
) =>
  ctx.app.inject({
    method,
    url,
    headers: {
      cookie: who.cookie,
      ...(payload ? { 'content-type': 'application/json' } : {}),
      ...(lang ? { 'accept-language': lang } : {}),
    },
    ...(payload ? { payload: JSON.stringify(payload) } : {}),
  })
const newNode = (overrides: object = {}) => ({
  parentId: mdj.id,
  code: `mdj-da-${Math.random().toString(36).slice(2, 8)}`,
  name: '东安区工作站',
  kind: 'workstation',
  regionCode: '231002',
  ...overrides,
})

describe('node administration', () => {
  it('creates a child node whose path is the parent path plus its id, and audits it', async () => {
    const res = await send('POST', '/api/nodes', newNode({ code: 'MDJ-Dongan' }))
    expect(res.statusCode).toBe(201)
    const node = res.json()
    expect(node).toMatchObject({
      parentId: mdj.id,
      code: 'mdj-dongan',
      kind: 'workstation',
      regionName: '黑龙江省 牡丹江市 东安区',
      depth: 3,
    })
    const row = await ctx.database.db
      .selectFrom('platform_node')
      .select('path')
      .where('id', '=', node.id)
      .executeTakeFirstOrThrow()
    expect(row.path).toBe(`${mdj.path}${node.id}/`)
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('target_id', '=', node.id)
      .execute()
    expect(audit).toEqual([{ action: 'node.create', actor_id: hljAdmin.userId }])
  })

  it('lists a subtree: the node and its descendants with approved-organisation counts, nothing beside it', async () => {
    const child = (await send('POST', '/api/nodes', newNode())).json()
    const res = await send('GET', `/api/nodes/${mdj.id}/subtree`)
    expect(res.statusCode).toBe(200)
    const items = res.json().items
    expect(items[0]).toMatchObject({ id: mdj.id, depth: 2, organisations: 1 })
    expect(items.map((n: { id: string }) => n.id)).toContain(child.id)
    expect(items.map((n: { id: string }) => n.id)).not.toContain(hlj.id)
    expect(items.every((n: { depth: number }) => n.depth >= 2)).toBe(true)
  })

  it('refuses a taken code (409 body.code), an unknown region (400 body.regionCode), the total kind and an unknown parent', async () => {
    const taken = await send('POST', '/api/nodes', newNode({ code: mdj.code }))
    expect(taken.statusCode).toBe(409)
    expect(taken.json().error).toEqual({
      code: 'CONFLICT',
      message: '节点代码已被其他节点使用',
      details: { issues: [{ path: 'body.code', message: '节点代码已被其他节点使用' }] },
    })
    const region = await send('POST', '/api/nodes', newNode({ regionCode: '999999' }), hljAdmin, 'en')
    expect(region.statusCode).toBe(400)
    expect(region.json().error).toEqual({
      code: 'VALIDATION',
      message: 'The request is invalid; please check it and try again（body.regionCode: Unknown region code: 999999）',
      details: { issues: [{ path: 'body.regionCode', message: 'Unknown region code: 999999' }] },
    })
    const total = await send('POST', '/api/nodes', newNode({ kind: 'total' }))
    expect(total.statusCode).toBe(400)
    expect(total.json().error.details.issues[0].path).toBe('body.kind')
    const parent = await send('POST', '/api/nodes', newNode({ parentId: '00000000-0000-4000-8000-000000000000' }))
    expect(parent.statusCode).toBe(404)
    expect(parent.json().error.message).toBe('上级平台节点不存在')
  })

  it('renames a node', async () => {
    const res = await send('PATCH', `/api/nodes/${mdj.id}`, { name: '  牡丹江市科技创新服务平台  ' })
    expect(res.statusCode).toBe(200)
    expect(res.json().name).toBe('牡丹江市科技创新服务平台')
    const short = await send('PATCH', `/api/nodes/${mdj.id}`, { name: '牡' })
    expect(short.statusCode).toBe(400)
    expect(short.json().error.details.issues[0].path).toBe('body.name')
    expect(
      (await send('PATCH', '/api/nodes/00000000-0000-4000-8000-000000000000', { name: '不存在的节点' })).statusCode,
    ).toBe(404)
  })

  it('appoints staff whose new role works on their next request; an unknown user is 404', async () => {
    const person = await signInAs(ctx.database.db)
    expect((await send('GET', `/api/nodes/${mdj.id}/subtree`, undefined, person)).statusCode).toBe(403)
    const res = await send('POST', `/api/nodes/${mdj.id}/staff`, { userId: person.userId, role: 'node_admin' })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toEqual({ nodeId: mdj.id, userId: person.userId, role: 'node_admin' })
    expect((await send('GET', `/api/nodes/${mdj.id}/subtree`, undefined, person)).statusCode).toBe(200)
    expect((await send('GET', `/api/nodes/${hlj.id}/subtree`, undefined, person)).statusCode).toBe(403)
    const again = await send('POST', `/api/nodes/${mdj.id}/staff`, { userId: person.userId, role: 'node_admin' })
    expect(again.statusCode).toBe(201)
    const unknown = await send('POST', `/api/nodes/${mdj.id}/staff`, {
      userId: '00000000-0000-4000-8000-000000000000',
      role: 'node_operator',
    })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error.message).toBe('用户不存在')
    const badRole = await send('POST', `/api/nodes/${mdj.id}/staff`, { userId: person.userId, role: 'platform_admin' })
    expect(badRole.statusCode).toBe(400)
  })
})

describe('visibleNodeIds (users of a child node see the shared resources of the nodes above it)', () => {
  const service = () =>
    createNetworkService({
      db: ctx.database.db,
      clock: systemClock,
      audit: createAuditService({ db: ctx.database.db, clock: systemClock }),
      identity: { grantRole: async () => undefined, getUserSummaries: async () => [] },
    })

  it('is the node’s ancestors and itself, root first', async () => {
    expect(await service().visibleNodeIds(mdj.id)).toEqual([root.id, hlj.id, mdj.id])
    expect(await service().visibleNodeIds(root.id)).toEqual([root.id])
  })

  it('does not include siblings or children', async () => {
    const sibling = await createNode(ctx.database.db, { parent_id: hlj.id, parentPath: hlj.path, kind: 'city' })
    const child = await createNode(ctx.database.db, { parent_id: mdj.id, parentPath: mdj.path, kind: 'workstation' })
    const visible = await service().visibleNodeIds(mdj.id)
    expect(visible).not.toContain(sibling.id)
    expect(visible).not.toContain(child.id)
    expect(await service().visibleNodeIds(child.id)).toEqual([root.id, hlj.id, mdj.id, child.id])
  })

  it('throws NOT_FOUND for an unknown node', async () => {
    const err = await service()
      .visibleNodeIds('00000000-0000-4000-8000-000000000000')
      .catch((e: unknown) => e)
    expect(isAppError(err) && err.code).toBe('NOT_FOUND')
  })
})
