import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { createNode, createOrganisation, createResource } from '../../../../test/helpers/factories.ts'

let ctx: TTestContext
beforeAll(async () => {
  ctx = await createTestApp()
  const { db } = ctx.database
  const root = await createNode(db, { kind: 'total', region_code: '110000' })
  const child = await createNode(db, { kind: 'city', region_code: '231000', parent_id: root.id, parentPath: root.path })
  const a = await createOrganisation(db, root.id, { region_code: '230103', city_code: '230100' })
  const b = await createOrganisation(db, child.id, { region_code: '231002', city_code: '231000' })
  await createOrganisation(db, child.id, { region_code: '231002', city_code: '231000', status: 'pending' })
  await createResource(db, a, { attributes: { originalValueFen: 150_000_000 } })
  await createResource(db, b, { attributes: { originalValueFen: 88_000_000 } })
  await createResource(db, b, { attributes: { originalValueFen: 1 }, status: 'draft' })
  await createResource(db, b, { kind: 'expert', title: '张教授' })
  await createResource(db, a, { kind: 'patent', title: '一种焊接方法' })
})
afterAll(async () => ctx.close())

describe('GET /api/stats/overview', () => {
  it('reports exactly what the database holds', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/stats/overview' })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    const { db } = ctx.database
    const direct = await sql<{ kind: string; n: number }>`
      select kind, count(*) as n from resource where status = 'published' group by kind`.execute(db)
    for (const row of direct.rows) {
      expect(body.resourcesByKind.find((k: { kind: string }) => k.kind === row.kind).count).toBe(row.n)
    }
    expect(body.resourcesTotal).toBe(4)
    expect(body.resourcesByKind).toHaveLength(12)
    expect(body.organisations).toBe(2)
    expect(body.cities).toBe(2)
    expect(body.nodes).toBe(2)
    expect(body.demands).toBe(0)
    expect(body.instrumentValueFen).toBe(238_000_000)
  })
})

describe('GET /api/stats/by-city', () => {
  it('counts published resources and approved organisations per city, with names, most resources first then by code', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/stats/by-city' })
    expect(res.statusCode).toBe(200)
    expect(res.json().items).toEqual([
      { cityCode: '230100', cityName: '哈尔滨市', provinceName: '黑龙江省', resources: 2, organisations: 1 },
      { cityCode: '231000', cityName: '牡丹江市', provinceName: '黑龙江省', resources: 2, organisations: 1 },
    ])
  })
})
