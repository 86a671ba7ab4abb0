import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { buildAuthzWorld, expectRow, runMatrixRow, type TAuthzWorld } from '../../../../test/helpers/authz-world.ts'
import { signInAs } from '../../../../test/helpers/sessions.ts'

// The authorisation matrix of node administration (三级管理): node admins of the node or above, and the
// platform admin on the root. Operators run a node but do not administer it.
let ctx: TTestContext
let world: TAuthzWorld
beforeAll(async () => {
  ctx = await createTestApp()
  world = await buildAuthzWorld(ctx.database.db)
})
afterAll(async () => ctx.close())

/** 401 for anonymous, `ok` for the node admins over 牡丹江 (its own, 黑龙江's, the platform's), else 403. */
const adminsOverMdj = (ok: number) =>
  expectRow(403, { anonymous: 401, nodeAdmin: ok, ancestorAdmin: ok, platformAdmin: ok })

let codes = 0

describe('network: authorisation matrix', () => {
  it('GET /api/nodes — public', async () => {
    const row = await runMatrixRow(ctx.app, world, () => ({ method: 'GET', url: '/api/nodes' }))
    expect(row).toEqual(expectRow(200, {}))
  })

  it('GET /api/nodes/:id/subtree — node admins over it', async () => {
    const row = await runMatrixRow(ctx.app, world, () => ({
      method: 'GET',
      url: `/api/nodes/${world.nodes.mdj.id}/subtree`,
    }))
    expect(row).toEqual(adminsOverMdj(200))
  })

  it('POST /api/nodes — node admins over the parent', async () => {
    const row = await runMatrixRow(ctx.app, world, () => ({
      method: 'POST',
      url: '/api/nodes',
      payload: {
        parentId: world.nodes.mdj.id,
        code: `mdj-ws-${++codes}`,
        name: '东安区工作站',
        kind: 'workstation',
        regionCode: '231002',
      },
    }))
    expect(row).toEqual(adminsOverMdj(201))
  })

  it('PATCH /api/nodes/:id — node admins over it', async () => {
    const row = await runMatrixRow(ctx.app, world, () => ({
      method: 'PATCH',
      url: `/api/nodes/${world.nodes.mdj.id}`,
      payload: { name: '牡丹江市科技资源共享服务平台' },
    }))
    expect(row).toEqual(adminsOverMdj(200))
  })

  it('POST /api/nodes/:id/staff — node admins over it', async () => {
    const row = await runMatrixRow(ctx.app, world, async () => ({
      method: 'POST',
      url: `/api/nodes/${world.nodes.mdj.id}/staff`,
      payload: { userId: (await signInAs(ctx.database.db)).userId, role: 'node_operator' },
    }))
    expect(row).toEqual(adminsOverMdj(201))
  })

  it('GET /api/nodes/:id/staff — node staff (operators and admins) of the node or above', async () => {
    const row = await runMatrixRow(ctx.app, world, () => ({
      method: 'GET',
      url: `/api/nodes/${world.nodes.mdj.id}/staff`,
    }))
    expect(row).toEqual(
      expectRow(403, { anonymous: 401, nodeOperator: 200, nodeAdmin: 200, ancestorAdmin: 200, platformAdmin: 200 }),
    )
  })
})

describe('network: a node admin of 牡丹江 stays inside 牡丹江', () => {
  const mdjAdmin = () => world.sessions.nodeAdmin.cookie
  const send = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    ctx.app.inject({
      method,
      url,
      headers: { cookie: mdjAdmin(), ...(payload ? { 'content-type': 'application/json' } : {}) },
      ...(payload ? { payload: JSON.stringify(payload) } : {}),
    })

  it('gets 403 on the province above (黑龙江), on 湖北 and on the sibling 哈尔滨', async () => {
    const statuses: number[] = []
    for (const node of [world.nodes.hlj, world.nodes.hb, world.nodes.hrb, world.nodes.root]) {
      statuses.push((await send('GET', `/api/nodes/${node.id}/subtree`)).statusCode)
      statuses.push((await send('PATCH', `/api/nodes/${node.id}`, { name: '越权改名' })).statusCode)
      statuses.push(
        (
          await send('POST', '/api/nodes', {
            parentId: node.id,
            code: `x-${++codes}`,
            name: '越权节点',
            kind: 'workstation',
            regionCode: '420100',
          })
        ).statusCode,
      )
      const someone = await signInAs(ctx.database.db)
      statuses.push(
        (await send('POST', `/api/nodes/${node.id}/staff`, { userId: someone.userId, role: 'node_admin' })).statusCode,
      )
      statuses.push((await send('GET', `/api/nodes/${node.id}/organisations`)).statusCode)
      statuses.push((await send('GET', `/api/nodes/${node.id}/staff`)).statusCode)
    }
    expect(statuses).toEqual(Array(24).fill(403))
    const names = await ctx.database.db
      .selectFrom('platform_node')
      .select('name')
      .where('name', '=', '越权改名')
      .execute()
    expect(names).toEqual([])
  })

  it('is asked for the second factor when the session has not passed it', async () => {
    const pending = await signInAs(ctx.database.db, {
      mfaPassed: false,
      grants: [{ role: 'node_admin', nodeId: world.nodes.mdj.id }],
    })
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/nodes/${world.nodes.mdj.id}/subtree`,
      headers: { cookie: pending.cookie },
    })
    expect(res.statusCode).toBe(401)
    expect(res.json().error.code).toBe('SECOND_FACTOR_REQUIRED')
  })
})
