import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { createNode, createOrganisation, createResource } from '../../../../test/helpers/factories.ts'

let ctx: TTestContext
const ids: Record<string, string> = {}

beforeAll(async () => {
  ctx = await createTestApp()
  const { db } = ctx.database
  const node = await createNode(db)
  const harbin = await createOrganisation(db, node.id, { region_code: '230103', city_code: '230100' })
  const wuhan = await createOrganisation(db, node.id, { region_code: '420111', city_code: '420100' })
  ids.harbin = harbin.id
  ids.sem = (
    await createResource(db, harbin, {
      title: '场发射扫描电子显微镜',
      published_at: new Date('2026-01-02'),
      category: '0109',
      discipline_code: '43025',
      industry_code: 'M745',
    })
  ).id
  ids.patent = (await createResource(db, harbin, { kind: 'patent', title: '一种焊接方法', published_at: new Date('2026-01-03') })).id
  ids.hplc = (await createResource(db, wuhan, { title: '高效液相色谱仪', published_at: new Date('2026-01-04') })).id
  ids.draft = (await createResource(db, wuhan, { title: '草稿中的仪器', status: 'draft' })).id
  ids.submitted = (await createResource(db, wuhan, { title: '待审核的仪器', status: 'submitted' })).id
})
afterAll(async () => ctx.close())

const list = async (query: string) => {
  const res = await ctx.app.inject({ method: 'GET', url: `/api/resources${query}` })
  expect(res.statusCode).toBe(200)
  return res.json()
}

describe('GET /api/resources', () => {
  it('lists published resources only, newest first', async () => {
    const body = await list('')
    expect(body.items.map((i: { id: string }) => i.id)).toEqual([ids.hplc, ids.patent, ids.sem])
    expect(body.total).toBe(3)
    expect(body.items[0]).toMatchObject({ kind: 'instrument', regionCode: '420111', regionName: '湖北省 武汉市 洪山区' })
  })

  it('filters by kind, by several kinds, by region prefix and by owner', async () => {
    expect((await list('?kind=patent')).items.map((i: { id: string }) => i.id)).toEqual([ids.patent])
    expect((await list('?kind=patent&kind=instrument')).total).toBe(3)
    expect((await list('?region=420000')).items.map((i: { id: string }) => i.id)).toEqual([ids.hplc])
    expect((await list('?region=230100')).total).toBe(2)
    expect((await list(`?orgId=${ids.harbin}&kind=instrument`)).items.map((i: { id: string }) => i.id)).toEqual([ids.sem])
  })

  it('pages', async () => {
    const page2 = await list('?page=2&pageSize=2')
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 })
    expect(page2.items.map((i: { id: string }) => i.id)).toEqual([ids.sem])
  })

  it('rejects bad parameters with 400 VALIDATION naming the field', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/resources?pageSize=1000&kind=car' })
    expect(res.statusCode).toBe(400)
    const paths = res.json().error.details.issues.map((i: { path: string }) => i.path)
    expect(paths).toEqual(expect.arrayContaining(['query.pageSize', 'query.kind']))
  })
})

describe('GET /api/resources/:id', () => {
  it('returns a published resource with owner and node', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/resources/${ids.sem}` })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      id: ids.sem,
      title: '场发射扫描电子显微镜',
      owner: { id: ids.harbin },
      categoryName: '分析仪器 / 热分析仪器',
      disciplineName: '材料科学 / 材料检测与分析技术',
      industryName: '科学研究和技术服务业 / 专业技术服务业 / 质检技术服务',
    })
  })

  it.each(['draft', 'submitted'])('hides a %s resource behind 404', async (which) => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/resources/${ids[which]}` })
    expect(res.statusCode).toBe(404)
    expect(res.json().error).toEqual({ code: 'NOT_FOUND', message: '未找到该资源或资源尚未发布' })
  })

  it('rejects an id that is not a UUID', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/resources/42' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues[0].path).toBe('params.id')
  })
})
