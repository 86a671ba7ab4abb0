import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { loadXlsx } from './import-int-helpers.ts'
import { columnsOf } from './template-columns.ts'

let ctx: TTestContext

beforeAll(async () => {
  ctx = await createTestApp()
})
afterAll(async () => ctx.close())

describe('GET /api/catalog/templates/:kind', () => {
  it('gives the xlsx template: header of Chinese labels, 填写说明 and code tables', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/catalog/templates/instrument?format=xlsx' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml.sheet')
    expect(res.headers['content-disposition']).toContain('kexiang-instrument-template.xlsx')
    const read = await loadXlsx(res.rawPayload)
    expect(read()).toEqual([columnsOf('instrument').map((c) => c.label)])
    const help = read('填写说明')
    expect(help).toContainEqual([
      '原值（元）',
      '否',
      expect.stringContaining('金额'),
      expect.stringContaining('单位：元'),
      '1200.50',
    ])
    expect(help).toContainEqual(['共享方式', '是', '固定取值', '可填：免费 / 收费 / free / paid', '免费'])
    expect(read('地区代码')).toContainEqual(['231002', '黑龙江省 牡丹江市 东安区'])
    expect(read('行业代码')).toContainEqual(['M745', '质检技术服务'])
    expect(read('仪器分类代码').length).toBeGreaterThan(80)
  })

  it('gives the CSV template with a UTF-8 BOM, per kind', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/catalog/templates/expert?format=csv' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(res.body.slice(1)).toBe(
      `${columnsOf('expert')
        .map((c) => c.label)
        .join(',')}\r\n`,
    )
  })

  it('refuses an unknown kind or format with 400', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/catalog/templates/car' })).statusCode).toBe(400)
    expect((await ctx.app.inject({ method: 'GET', url: '/api/catalog/templates/lab?format=pdf' })).statusCode).toBe(400)
  })
})
