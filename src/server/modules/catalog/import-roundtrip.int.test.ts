import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { createOrganisation } from '../../../../test/helpers/factories.ts'
import { signInAs, type TTestSession } from '../../../../test/helpers/sessions.ts'
import { buildXlsx, createImportWorld, importFile, instrumentRow, readXlsx } from './import-int-helpers.ts'
import { columnsOf } from './template-columns.ts'

let ctx: TTestContext
let world: Awaited<ReturnType<typeof createImportWorld>>

beforeAll(async () => {
  ctx = await createTestApp()
  world = await createImportWorld(ctx.database.db)
  const rows = [
    instrumentRow(1, {
      简介: '=1+1 不是公式',
      开放范围: '平台网络内',
      联系邮箱: 'lab@example.cn',
      纬度: 44.55,
      经度: 129.63,
      '会员价（元）': '0.05',
      样品要求: '-20 ℃ 保存',
      运行状态: '维修中',
    }),
    instrumentRow(2, { 关键词: '', 联系人: '', 联系电话: '', 行业代码: 'M', 学科代码: '', 仪器分类代码: '' }),
    instrumentRow(3, { 资源名称: '带逗号, 和 "引号" 的仪器' }),
  ]
  const job = await importFile(ctx.app, { cookie: world.managerA.cookie, orgId: world.orgA.id }, await buildXlsx(rows))
  expect(job.status).toBe('done')
  const experts = [
    {
      资源名称: '张三',
      所在地区代码: '231002',
      共享方式: '免费',
      职称: '教授',
      专长: '材料；表征',
      可提供服务: '咨询',
    },
  ]
  const expertJob = await importFile(
    ctx.app,
    { cookie: world.managerA.cookie, orgId: world.orgA.id, kind: 'expert' },
    await buildXlsx(experts, 'expert'),
  )
  expect(expertJob.status).toBe('done')
})
afterAll(async () => ctx.close())

/** The content of a unit's resources of a kind, by title. */
async function contentOf(orgId: string, kind: string) {
  const rows = await ctx.database.db
    .selectFrom('resource')
    .select([
      'title',
      'summary',
      'tags',
      'region_code',
      'city_code',
      'discipline_code',
      'industry_code',
      'category',
      'sharing_level',
      'audience',
      'contact',
      'attributes',
    ])
    .where('owner_org_id', '=', orgId)
    .where('kind', '=', kind)
    .orderBy('title')
    .execute()
  return rows
}

function exportUrl(orgId: string, kind: string, format: string) {
  return `/api/catalog/exports?orgId=${orgId}&kind=${kind}&format=${format}&status=draft`
}

/** A fresh unit with an admin, to import an export into. */
async function freshUnit(): Promise<{ orgId: string; admin: TTestSession }> {
  const org = await createOrganisation(ctx.database.db, world.node.id, { region_code: '231002', city_code: '231000' })
  return { orgId: org.id, admin: await signInAs(ctx.database.db, { grants: [{ role: 'org_admin', orgId: org.id }] }) }
}

describe('GET /api/catalog/exports', () => {
  it('exports xlsx in the template columns; importing it into another unit gives equal content', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: exportUrl(world.orgA.id, 'instrument', 'xlsx'),
      headers: { cookie: world.managerA.cookie },
    })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-disposition']).toMatch(/kexiang-instrument-export-\d{8}\.xlsx/)
    const sheet = await readXlsx(res.rawPayload)
    expect(sheet[0]).toEqual(columnsOf('instrument').map((c) => c.label))
    expect(sheet).toHaveLength(4)

    const target = await freshUnit()
    const job = await importFile(ctx.app, { cookie: target.admin.cookie, orgId: target.orgId }, res.rawPayload)
    expect(job.errors).toEqual([])
    expect(await contentOf(target.orgId, 'instrument')).toEqual(await contentOf(world.orgA.id, 'instrument'))
  })

  it('exports CSV (UTF-8 with BOM, formulas guarded) that imports back to equal content', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: exportUrl(world.orgA.id, 'instrument', 'csv'),
      headers: { cookie: world.managerA.cookie },
    })
    expect(res.statusCode).toBe(200)
    expect(res.body.startsWith('\uFEFF资源名称,')).toBe(true)
    expect(res.body).toContain("'=1+1 不是公式")
    expect(res.body).toContain(',0.05,')

    const target = await freshUnit()
    const job = await importFile(
      ctx.app,
      { cookie: target.admin.cookie, orgId: target.orgId, format: 'csv' },
      res.rawPayload,
    )
    expect(job.errors).toEqual([])
    const imported = await contentOf(target.orgId, 'instrument')
    expect(imported).toEqual(await contentOf(world.orgA.id, 'instrument'))
    expect(imported.find((r) => r.title === '导入测试仪器 1')?.summary).toBe('=1+1 不是公式')
  })

  it('round-trips other kinds (lists of an expert)', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: exportUrl(world.orgA.id, 'expert', 'xlsx'),
      headers: { cookie: world.managerA.cookie },
    })
    const target = await freshUnit()
    const job = await importFile(
      ctx.app,
      { cookie: target.admin.cookie, orgId: target.orgId, kind: 'expert' },
      res.rawPayload,
    )
    expect(job.status).toBe('done')
    const experts = await contentOf(target.orgId, 'expert')
    expect(experts).toEqual(await contentOf(world.orgA.id, 'expert'))
    expect(experts[0]?.attributes).toEqual({ title: '教授', expertise: ['材料', '表征'], services: ['咨询'] })
  })

  it('filters by status and refuses callers who are not providers of the unit', async () => {
    const published = await ctx.app.inject({
      method: 'GET',
      url: `/api/catalog/exports?orgId=${world.orgA.id}&kind=instrument&status=published&format=csv`,
      headers: { cookie: world.managerA.cookie },
    })
    expect(published.body.trim().split('\r\n')).toHaveLength(1)
    const get = (url: string, cookie?: string) =>
      ctx.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} })
    expect((await get(exportUrl(world.orgA.id, 'instrument', 'xlsx'))).statusCode).toBe(401)
    expect((await get(exportUrl(world.orgA.id, 'instrument', 'xlsx'), world.managerB.cookie)).statusCode).toBe(403)
    expect((await get(exportUrl(world.orgA.id, 'expert', 'xlsx'), world.instrumentManagerA.cookie)).statusCode).toBe(
      403,
    )
    expect((await get(exportUrl(randomUUID(), 'instrument', 'xlsx'), world.managerA.cookie)).statusCode).toBe(404)
    expect((await get(exportUrl(world.orgA.id, 'car', 'xlsx'), world.managerA.cookie)).statusCode).toBe(400)
  })
})
