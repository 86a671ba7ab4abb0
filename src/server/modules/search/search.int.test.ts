import { type RawBuilder, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { createNode, createOrganisation, createResource } from '../../../../test/helpers/factories.ts'
import type { TResourceRow } from '../../db/schema.ts'
import { createSearchService, type TSearchService } from './search.service.ts'

let ctx: TTestContext
let search: TSearchService
const orgs: Record<string, { id: string; name: string; node_id: string; region_code: string; city_code: string }> = {}
const ids: Record<string, string> = {}

type TOrg = (typeof orgs)[string]

/** Creates a resource and indexes it, as the catalogue will: the row plus its owner's name. */
async function add(key: string, org: TOrg, overrides: Parameters<typeof createResource>[2] = {}, popularity?: number) {
  const row = await createResource(ctx.database.db, org, overrides)
  await index(row, org, popularity)
  ids[key] = row.id
  return row
}

async function index(row: TResourceRow, org: TOrg, popularity?: number) {
  await search.indexResources([{ ...row, owner_name: org.name, ...(popularity === undefined ? {} : { popularity }) }])
}

beforeAll(async () => {
  ctx = await createTestApp()
  const { db } = ctx.database
  search = createSearchService({ db })
  const node = await createNode(db)
  orgs.harbin = await createOrganisation(db, node.id, {
    name: '哈尔滨测试大学',
    region_code: '230103',
    city_code: '230100',
  })
  orgs.mdj = await createOrganisation(db, node.id, {
    name: '牡丹江测试研究院',
    region_code: '231002',
    city_code: '231000',
  })
  orgs.wuhan = await createOrganisation(db, node.id, {
    name: '武汉测试检测公司',
    region_code: '420111',
    city_code: '420100',
  })
  const day = (d: number) => new Date(Date.UTC(2026, 0, d))
  const summary = '用于材料表面形貌观察与成分分析'
  await add(
    'raman',
    orgs.harbin!,
    {
      title: '激光拉曼光谱仪',
      tags: ['拉曼', 'Raman'],
      summary,
      published_at: day(2),
      category: '0104',
      discipline_code: '14030',
      industry_code: 'M731',
      attributes: {
        model: 'LabRAM HR',
        feeStandard: { externalFen: 30000 },
        location: { latitude: 45.75, longitude: 126.63 },
      },
    },
    50,
  )
  await add(
    'sem',
    orgs.harbin!,
    {
      title: '场发射扫描电子显微镜',
      tags: ['SEM'],
      summary,
      published_at: day(3),
      category: '0109',
      discipline_code: '43025',
      industry_code: 'M745',
      attributes: {
        model: 'Regulus 8230',
        feeStandard: { externalFen: 48000 },
        location: { latitude: 45.7, longitude: 126.6 },
      },
    },
    300,
  )
  await add(
    'tem',
    orgs.mdj!,
    {
      title: '透射电子显微镜',
      summary,
      published_at: day(4),
      category: '0109',
      industry_code: 'M745',
      attributes: {
        model: 'JEM-2100F',
        feeStandard: { externalFen: 120000 },
        location: { latitude: 44.55, longitude: 129.63 },
      },
    },
    10,
  )
  await add(
    'hplc',
    orgs.wuhan!,
    {
      title: '高效液相色谱仪',
      tags: ['HPLC'],
      summary: '药品含量测定',
      published_at: day(5),
      category: '0105',
      industry_code: 'M745',
      attributes: {
        model: 'K6588',
        feeStandard: { externalFen: 20000 },
        location: { latitude: 30.5, longitude: 114.4 },
      },
    },
    120,
  )
  await add('expert', orgs.wuhan!, {
    kind: 'expert',
    title: '王显微',
    summary: '长期从事电子显微镜表征技术服务',
    published_at: day(6),
    industry_code: 'M732',
    sharing_level: 'free',
  })
  await add('patent', orgs.mdj!, {
    kind: 'patent',
    title: '一种显微镜载物台<防震>装置 & 方法',
    summary: '涉及显微镜载物台',
    published_at: day(7),
    category: 'invention',
    industry_code: 'C401',
  })
  await add('service', orgs.harbin!, {
    kind: 'service',
    title: '显微镜形貌检测服务',
    summary: '委托检测',
    published_at: day(8),
    category: 'testing',
    industry_code: 'M745',
    attributes: { priceFen: 80000 },
  })
  ids.draft = (await createResource(db, orgs.harbin!, { title: '草稿隐藏光谱仪', status: 'draft' })).id
  const draft = await db.selectFrom('resource').selectAll().where('id', '=', ids.draft).executeTakeFirstOrThrow()
  await index(draft, orgs.harbin!)
  const withdrawn = await add('withdrawn', orgs.mdj!, { title: '下线撤回光谱仪', summary, published_at: day(9) })
  await index({ ...withdrawn, status: 'offline' }, orgs.mdj!)
})
afterAll(async () => ctx.close())

async function get(url: string) {
  const res = await ctx.app.inject({ method: 'GET', url })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}
const idsOf = (body: { items: { id: string }[] }) => body.items.map((i) => i.id)
const q = (text: string) => `/api/search?q=${encodeURIComponent(text)}`

describe('GET /api/search: matching', () => {
  it('segments Chinese: 拉曼光谱仪 finds 激光拉曼光谱仪', async () => {
    const body = await get(q('拉曼光谱仪'))
    expect(idsOf(body)).toEqual([ids.raman])
    expect(body.matchMode).toBe('words')
  })

  it.each([
    ['lmgpy', '激光<mark>拉曼光谱仪</mark>'],
    ['laman', '激光<mark>拉曼</mark>光谱仪'],
    ['LaMan', '激光<mark>拉曼</mark>光谱仪'],
  ])('matches pinyin and initials: %s', async (text, highlighted) => {
    const body = await get(q(text))
    expect(idsOf(body)).toEqual([ids.raman])
    expect(body.items[0].highlight.title).toBe(highlighted)
  })

  it('expands synonyms: 电镜 finds 扫描电子显微镜 and 透射电子显微镜, SEM only the scanning one', async () => {
    expect(idsOf(await get(q('电镜')))).toEqual(expect.arrayContaining([ids.sem, ids.tem]))
    expect(idsOf(await get(q('SEM')))).toEqual([ids.sem])
    expect(idsOf(await get(q('HPLC')))).toEqual([ids.hplc])
  })

  it('ranks title matches above matches in the description', async () => {
    const body = await get(q('电子显微镜'))
    expect(idsOf(body).slice(0, 2).sort()).toEqual([ids.sem, ids.tem].sort())
    expect(idsOf(body)).toContain(ids.expert)
    expect(idsOf(body).indexOf(ids.expert!)).toBeGreaterThan(1)
  })

  it('falls back to a substring of model numbers when no word matches', async () => {
    const body = await get(q('6588'))
    expect(body.matchMode).toBe('fuzzy')
    expect(idsOf(body)).toEqual([ids.hplc])
  })

  it('highlights matched words and escapes everything else', async () => {
    const body = await get(q('显微镜 载物台'))
    expect(idsOf(body)).toEqual([ids.patent])
    expect(body.items[0].highlight.title).toBe('一种<mark>显微镜载物台</mark>&lt;防震&gt;装置 &amp; 方法')
    expect(body.items[0].highlight.summary).toBe('涉及<mark>显微镜载物台</mark>')
    expect(body.items[0].owner.name).toBe('牡丹江测试研究院')
  })

  it('never shows unpublished or withdrawn resources', async () => {
    for (const text of ['隐藏', '撤回', '草稿隐藏']) expect((await get(q(text))).total, text).toBe(0)
    // the whole titles match the published 激光拉曼光谱仪 on 光谱仪 (partial match), never themselves
    for (const text of ['草稿隐藏光谱仪', '下线撤回光谱仪']) {
      const body = await get(q(text))
      expect(body.matchMode).toBe('partial')
      expect(idsOf(body)).toEqual([ids.raman])
    }
    const count = await ctx.database.db
      .selectFrom('search_document')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow()
    expect(count.n).toBe(7)
  })
})

describe('GET /api/search: facets, filters and sorting', () => {
  /**
   * Direct SQL over the catalogue for the same filter: published resources with 显微镜 in the title or the
   * summary (the test data has it nowhere else), grouped by `column`.
   */
  async function directCounts(column: RawBuilder<unknown>, where = sql`true`) {
    const rows = await sql<{ value: string; n: number }>`
      select ${column} as value, count(*) as n from resource r
      where r.status = 'published' and (r.title like '%显微镜%' or r.summary like '%显微镜%') and ${where}
      group by 1`.execute(ctx.database.db)
    return Object.fromEntries(rows.rows.map((r) => [r.value, r.n]))
  }
  const countsOf = (buckets: { value: string; count: number }[]) =>
    Object.fromEntries(buckets.map((b) => [b.value, b.count]))

  it('counts every facet exactly as a direct SQL count over the same filter', async () => {
    const body = await get(q('显微镜'))
    const total = await directCounts(sql`'all'`)
    expect(body.total).toBe(total.all)
    expect(body.total).toBe(5)
    expect(countsOf(body.facets.kind)).toEqual(await directCounts(sql`r.kind`))
    expect(countsOf(body.facets.org)).toEqual(await directCounts(sql`r.owner_org_id::text`))
    expect(countsOf(body.facets.region)).toEqual(await directCounts(sql`substr(r.region_code, 1, 2) || '0000'`))
    expect(countsOf(body.facets.industry)).toEqual(await directCounts(sql`substr(r.industry_code, 1, 1)`))
    expect(countsOf(body.facets.sharing)).toEqual(await directCounts(sql`r.sharing_level`))
    expect(body.facets.regionLevel).toBe('province')
  })

  it('drills the region facet down to the cities of a province and keeps kind counts without the kind filter', async () => {
    const body = await get(`${q('显微镜')}&region=230000&kind=instrument`)
    expect(body.facets.regionLevel).toBe('city')
    expect(countsOf(body.facets.region)).toEqual(
      await directCounts(sql`r.city_code`, sql`r.region_code like '23%' and r.kind = 'instrument'`),
    )
    expect(body.total).toBe(2)
    expect(countsOf(body.facets.kind)).toEqual(await directCounts(sql`r.kind`, sql`r.region_code like '23%'`))
    expect(body.facets.region.find((b: { value: string }) => b.value === '231000').label).toBe('牡丹江市')
  })

  it('searches by industry and by service unit without a query (browse)', async () => {
    const byIndustry = await get('/api/search?industry=M745')
    expect(byIndustry.matchMode).toBe('browse')
    expect(idsOf(byIndustry).sort()).toEqual([ids.sem, ids.tem, ids.hplc, ids.service].sort())
    const byOrg = await get(`/api/search?orgId=${orgs.harbin!.id}`)
    expect(idsOf(byOrg).sort()).toEqual([ids.raman, ids.sem, ids.service].sort())
    expect(byOrg.facets.org).toEqual([{ value: orgs.harbin!.id, label: '哈尔滨测试大学', count: 3 }])
  })

  it('filters by price, sharing level and category and counts price buckets', async () => {
    const body = await get('/api/search?priceMin=20000&priceMax=50000')
    expect(idsOf(body).sort()).toEqual([ids.raman, ids.sem, ids.hplc].sort())
    expect(body.facets.price).toEqual([{ value: '10001-50000', label: null, count: 3, minFen: 10001, maxFen: 50000 }])
    expect(idsOf(await get('/api/search?sharing=free'))).toEqual([ids.expert])
    expect(idsOf(await get('/api/search?category=01&sort=newest'))).toEqual([ids.hplc, ids.tem, ids.sem, ids.raman])
  })

  it('sorts by newest, by popularity and by distance', async () => {
    expect(idsOf(await get(`${q('显微镜')}&sort=newest`))).toEqual([
      ids.service,
      ids.patent,
      ids.expert,
      ids.tem,
      ids.sem,
    ])
    expect(idsOf(await get('/api/search?kind=instrument&sort=popular'))).toEqual([
      ids.sem,
      ids.hplc,
      ids.raman,
      ids.tem,
    ])
    const near = await get('/api/search?kind=instrument&sort=nearest&lat=30.6&lng=114.3')
    expect(idsOf(near)[0]).toBe(ids.hplc)
    expect(near.items[0].distanceKm).toBeLessThan(20)
  })
})

describe('GET /api/search: bad parameters', () => {
  it('answers 400 naming each bad field', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/search?pageSize=1000&kind=car&region=12&industry=Z9' })
    expect(res.statusCode).toBe(400)
    const paths = res.json().error.details.issues.map((i: { path: string }) => i.path)
    expect(paths).toEqual(expect.arrayContaining(['query.pageSize', 'query.kind', 'query.region', 'query.industry']))
  })

  it('needs lat and lng for sort=nearest and priceMax not below priceMin', async () => {
    const nearest = await ctx.app.inject({ method: 'GET', url: '/api/search?sort=nearest' })
    expect(nearest.statusCode).toBe(400)
    expect(nearest.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(['query.lat', 'query.lng'])
    const price = await ctx.app.inject({ method: 'GET', url: '/api/search?priceMin=500&priceMax=100' })
    expect(price.statusCode).toBe(400)
    expect(price.json().error.details.issues[0].path).toBe('query.priceMax')
  })
})

describe('GET /api/search/suggest', () => {
  it('suggests titles by a word inside them, by pinyin and by initials', async () => {
    for (const text of ['拉曼', '激光', 'lmgpy', 'lam', 'jglm']) {
      const body = await get(`/api/search/suggest?q=${encodeURIComponent(text)}`)
      expect(body.items[0], text).toEqual({ text: '激光拉曼光谱仪', kind: 'instrument', count: 1 })
    }
  })

  it('never suggests unpublished titles and forgets withdrawn ones', async () => {
    expect((await get(`/api/search/suggest?q=${encodeURIComponent('草稿')}`)).items).toEqual([])
    expect((await get(`/api/search/suggest?q=${encodeURIComponent('下线')}`)).items).toEqual([])
  })

  it('rejects an empty prefix', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/search/suggest?q=' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues[0].path).toBe('query.q')
  })
})
