import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { createNode, createOrganisation } from '../../../../test/helpers/factories.ts'

// 查找单位: GET /api/organisations?q= — approved units by name fragment or exact credit code, public fields.
let ctx: TTestContext
let beiye: Awaited<ReturnType<typeof createOrganisation>>
beforeAll(async () => {
  ctx = await createTestApp()
  const db = ctx.database.db
  const node = await createNode(db, { kind: 'city', name: '牡丹江市科技资源共享服务平台', region_code: '231000' })
  beiye = await createOrganisation(db, node.id, {
    name: '牡丹江北冶新材料有限公司',
    region_code: '231002',
    city_code: '231000',
    contact_phone: '13912345678',
  })
  await createOrganisation(db, node.id, { name: '北冶检测中心', region_code: '231002', city_code: '231000' })
  await createOrganisation(db, node.id, { name: '牡丹江北冶待审公司', status: 'pending' })
  await createOrganisation(db, node.id, { name: '牡丹江北冶驳回公司', status: 'rejected', review_reason: '材料不全' })
  await createOrganisation(db, node.id, { name: '折扣100%科技有限公司' })
})
afterAll(async () => ctx.close())

const search = (query: string, lang = 'zh-CN') =>
  ctx.app.inject({ method: 'GET', url: `/api/organisations?${query}`, headers: { 'accept-language': lang } })
const names = (res: Awaited<ReturnType<typeof search>>) => res.json().items.map((o: { name: string }) => o.name)

describe('searching organisations to join', () => {
  it('finds approved units by a name fragment, names starting with it first, public fields only', async () => {
    const res = await search(`q=${encodeURIComponent('北冶')}`)
    expect(res.statusCode).toBe(200)
    expect(names(res)).toEqual(['北冶检测中心', '牡丹江北冶新材料有限公司'])
    expect(res.json()).toMatchObject({ total: 2, page: 1, pageSize: 20 })
    expect(res.json().items[1]).toEqual({
      id: beiye.id,
      name: '牡丹江北冶新材料有限公司',
      kind: 'enterprise',
      city: '黑龙江省 牡丹江市',
      nodeName: '牡丹江市科技资源共享服务平台',
    })
  })

  it('finds a unit by its exact credit code, in any case; a partial code finds nothing', async () => {
    expect(names(await search(`q=${beiye.credit_code.toLowerCase()}`))).toEqual(['牡丹江北冶新材料有限公司'])
    expect((await search(`q=${beiye.credit_code.slice(0, 10)}`)).json().total).toBe(0)
  })

  it('never lists pending or rejected units, and takes % and _ literally', async () => {
    expect(names(await search(`q=${encodeURIComponent('待审')}`))).toEqual([])
    expect(names(await search(`q=${encodeURIComponent('驳回')}`))).toEqual([])
    expect(names(await search(`q=${encodeURIComponent('100%')}`))).toEqual(['折扣100%科技有限公司'])
    expect(names(await search(`q=${encodeURIComponent('%')}`))).toEqual(['折扣100%科技有限公司'])
    expect(names(await search('q=_'))).toEqual([])
  })

  it('lists every approved unit without q, in pages', async () => {
    const page1 = await search('pageSize=2')
    expect(page1.json()).toMatchObject({ total: 3, page: 1, pageSize: 2 })
    const page2 = await search('pageSize=2&page=2')
    expect([...names(page1), ...names(page2)].sort()).toEqual(
      ['北冶检测中心', '牡丹江北冶新材料有限公司', '折扣100%科技有限公司'].sort(),
    )
  })

  it('answers 400 for a page size over 100 and a query over 100 characters, in zh-CN and en', async () => {
    const zh = await search('pageSize=101')
    expect(zh.statusCode).toBe(400)
    expect(zh.json().error.message).toBe('请求参数有误，请检查后重试（query.pageSize: 数值过大：期望 number <=100）')
    const en = await search(`q=${'长'.repeat(101)}`, 'en')
    expect(en.statusCode).toBe(400)
    expect(en.json().error.message).toBe(
      'The request is invalid; please check it and try again（query.q: Too big: expected string to have <=100 characters）',
    )
  })
})
