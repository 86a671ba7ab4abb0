import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { createNode } from '../../../../test/helpers/factories.ts'
import { addGrants, signInAs, type TTestSession } from '../../../../test/helpers/sessions.ts'

// 节点人员: GET /api/nodes/:id/staff — people with roles on the node itself, phones masked.
let ctx: TTestContext
let hlj: Awaited<ReturnType<typeof createNode>>
let mdj: Awaited<ReturnType<typeof createNode>>
let hljAdmin: TTestSession
beforeAll(async () => {
  ctx = await createTestApp()
  const db = ctx.database.db
  const root = await createNode(db, { kind: 'total', name: '测试总平台' })
  hlj = await createNode(db, { parent_id: root.id, parentPath: root.path, name: '黑龙江测试平台' })
  mdj = await createNode(db, { parent_id: hlj.id, parentPath: hlj.path, kind: 'city', name: '牡丹江测试平台' })
  hljAdmin = await signInAs(db, { displayName: '黑龙江管理员', grants: [{ role: 'node_admin', nodeId: hlj.id }] })
})
afterAll(async () => ctx.close())

const db = () => ctx.database.db
const staffOf = (nodeId: string, who: TTestSession | null = hljAdmin, lang = 'zh-CN') =>
  ctx.app.inject({
    method: 'GET',
    url: `/api/nodes/${nodeId}/staff`,
    headers: { ...(who ? { cookie: who.cookie } : {}), 'accept-language': lang },
  })

describe('node staff list', () => {
  it('lists the people with roles on the node, roles together, phones masked, in order of appointment', async () => {
    const operator = await signInAs(db(), {
      displayName: '赵运营',
      phone: '13712345678',
      grants: [{ role: 'node_operator', nodeId: mdj.id }],
    })
    const admin = await signInAs(db(), { displayName: '钱管理', phone: '13812345678' })
    await addGrants(db(), admin.userId, [
      { role: 'node_operator', nodeId: mdj.id },
      { role: 'node_admin', nodeId: mdj.id },
    ])
    const res = await staffOf(mdj.id)
    expect(res.statusCode).toBe(200)
    expect(res.json().items).toEqual([
      {
        userId: operator.userId,
        displayName: '赵运营',
        phone: '137****5678',
        roles: ['node_operator'],
        since: expect.any(String),
      },
      {
        userId: admin.userId,
        displayName: '钱管理',
        phone: '138****5678',
        roles: ['node_admin', 'node_operator'],
        since: expect.any(String),
      },
    ])
    // The operator of 牡丹江 works below 黑龙江: they are not 黑龙江's staff.
    const above = await staffOf(hlj.id)
    expect(above.json().items.map((p: { userId: string }) => p.userId)).toEqual([hljAdmin.userId])
    // Staff of the node itself may read it too.
    expect((await staffOf(mdj.id, operator)).statusCode).toBe(200)
  })

  it('answers 401, 403 (staff of the node below), 404 (zh-CN, en) and 400', async () => {
    expect((await staffOf(mdj.id, null)).statusCode).toBe(401)
    const mdjOperator = await signInAs(db(), { grants: [{ role: 'node_operator', nodeId: mdj.id }] })
    const up = await staffOf(hlj.id, mdjOperator)
    expect(up.statusCode).toBe(403)
    expect(up.json().error.code).toBe('FORBIDDEN')
    const orgAdmin = await signInAs(db(), { grants: [{ role: 'member' }] })
    expect((await staffOf(mdj.id, orgAdmin)).statusCode).toBe(403)
    const unknown = '00000000-0000-4000-8000-000000000000'
    expect((await staffOf(unknown)).json().error).toEqual({ code: 'NOT_FOUND', message: '平台节点不存在' })
    expect((await staffOf(unknown, hljAdmin, 'en')).json().error.message).toBe('Platform node not found')
    const bad = await staffOf('mdj')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details.issues[0].path).toBe('params.id')
  })
})
