import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TImportJob } from '#shared/contracts/catalog-import.ts'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import {
  buildCsv,
  buildXlsx,
  createImportWorld,
  importFile,
  instrumentRow,
  editXlsx,
  loadXlsx,
  upload,
} from './import-int-helpers.ts'
import { columnsOf } from './template-columns.ts'

let ctx: TTestContext
let world: Awaited<ReturnType<typeof createImportWorld>>

beforeAll(async () => {
  ctx = await createTestApp()
  world = await createImportWorld(ctx.database.db)
})
afterAll(async () => ctx.close())

const countResources = async (orgId: string) =>
  Number(
    (
      await ctx.database.db
        .selectFrom('resource')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('owner_org_id', '=', orgId)
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('POST /api/catalog/imports', () => {
  it('imports a valid xlsx file as drafts, each with an import version, on the unit node', async () => {
    const before = await countResources(world.orgA.id)
    const rows = [1, 2, 3].map((n) => instrumentRow(n))
    const job = await importFile(
      ctx.app,
      { cookie: world.managerA.cookie, orgId: world.orgA.id },
      await buildXlsx(rows),
    )
    expect(job).toMatchObject({
      status: 'done',
      totalRows: 3,
      processedRows: 3,
      percent: 100,
      errorCount: 0,
      errors: [],
    })
    expect(await countResources(world.orgA.id)).toBe(before + 3)
    const { db } = ctx.database
    const created = await db
      .selectFrom('resource')
      .selectAll()
      .where('title', '=', '导入测试仪器 2')
      .executeTakeFirstOrThrow()
    expect(created).toMatchObject({
      kind: 'instrument',
      status: 'draft',
      owner_org_id: world.orgA.id,
      node_id: world.orgA.node_id,
      city_code: '231000',
      sharing_level: 'free',
      version: 1,
      created_by: world.managerA.userId,
      submitted_at: null,
      contact: { name: '王老师', phone: '0453-6123456', email: '' },
    })
    expect(created.attributes).toMatchObject({
      originalValueFen: 120050,
      feeStandard: { unit: 'hour', externalFen: 30000 },
    })
    const version = await db
      .selectFrom('resource_version')
      .selectAll()
      .where('resource_id', '=', created.id)
      .executeTakeFirstOrThrow()
    expect(version).toMatchObject({ version: 1, action: 'import', status: 'draft', changed_by: world.managerA.userId })
    expect(version.content).toMatchObject({
      title: '导入测试仪器 2',
      regionCode: '231002',
      attachments: [],
      sharingLevel: 'free',
    })
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'catalog.import').execute()
    expect(audit.some((a) => (a.detail as { importId?: string }).importId === job.id)).toBe(true)
  })

  it('imports a valid CSV file and submits the rows for review when asked', async () => {
    const rows = [11, 12].map((n) => instrumentRow(n, { '原值（元）': '1,200,000.00' }))
    const job = await importFile(
      ctx.app,
      { cookie: world.instrumentManagerA.cookie, orgId: world.orgA.id, format: 'csv', submit: true },
      buildCsv(rows),
    )
    expect(job).toMatchObject({ status: 'done', format: 'csv', submit: true, totalRows: 2 })
    const created = await ctx.database.db
      .selectFrom('resource')
      .selectAll()
      .where('title', 'in', ['导入测试仪器 11', '导入测试仪器 12'])
      .execute()
    expect(created.map((r) => [r.status, r.submitted_by, r.submitted_at !== null])).toEqual([
      ['submitted', world.instrumentManagerA.userId, true],
      ['submitted', world.instrumentManagerA.userId, true],
    ])
    expect(created[0]?.attributes).toMatchObject({
      originalValueFen: 120000000,
      indicators: '分辨率 1 nm\n放大倍数 20–800000',
    })
  })

  it('rejects a file with 3 bad rows whole: those rows and columns reported, nothing imported', async () => {
    const before = await countResources(world.orgA.id)
    const rows = [
      instrumentRow(21),
      instrumentRow(22, { '原值（元）': '12.345' }),
      instrumentRow(23),
      instrumentRow(24, { 所在地区代码: '999999', 共享方式: '' }),
      instrumentRow(25),
      instrumentRow(26, { 购置日期: '2019-02-30' }),
    ]
    const job = await importFile(
      ctx.app,
      { cookie: world.managerA.cookie, orgId: world.orgA.id },
      await buildXlsx(rows),
    )
    expect(job).toMatchObject({ status: 'rejected', totalRows: 6, errorCount: 4 })
    expect(job.errors.map((e) => [e.row, e.column, e.value, e.code])).toEqual([
      [3, '原值（元）', '12.345', 'catalogImport.FEN_DECIMALS'],
      [5, '所在地区代码', '999999', 'catalogImport.REGION_UNKNOWN'],
      [5, '共享方式', '', 'catalogImport.REQUIRED'],
      [7, '购置日期', '2019-02-30', 'catalogImport.DATE_INVALID'],
    ])
    expect(new Set(job.errors.map((e) => e.row)).size).toBe(3)
    expect(job.errors[0]?.message).toBe('金额最多两位小数（精确到分）')
    expect(await countResources(world.orgA.id)).toBe(before)

    const english = await ctx.app.inject({
      method: 'GET',
      url: `/api/catalog/imports/${job.id}`,
      headers: { cookie: world.managerA.cookie, 'accept-language': 'en' },
    })
    expect(english.json<TImportJob>().errors[0]?.message).toBe('At most 2 decimals (amounts are exact to the fen)')

    const report = await ctx.app.inject({
      method: 'GET',
      url: `/api/catalog/imports/${job.id}/errors.xlsx`,
      headers: { cookie: world.managerA.cookie },
    })
    expect(report.statusCode).toBe(200)
    const read = await loadXlsx(report.rawPayload)
    const sheet = read('资源数据')
    const noteColumn = (sheet[0] as unknown[]).indexOf('错误说明')
    expect(noteColumn).toBe(columnsOf('instrument').length)
    expect(sheet.map((r) => r[noteColumn] ?? null)).toEqual([
      '错误说明',
      null,
      '原值（元）：金额最多两位小数（精确到分）',
      null,
      '所在地区代码：地区代码不存在（GB/T 2260）；共享方式：必填项不能为空',
      null,
      '购置日期：日期不存在或超出范围（1900–2100 年）',
    ])
    expect(
      read('错误列表')
        .slice(1)
        .map((r) => r[0]),
    ).toEqual([3, 5, 5, 7])

    // the user fixes the marked cells in the report and uploads it again (its 错误说明 column is skipped)
    const fixed = await editXlsx(report.rawPayload, [
      [3, '原值（元）', '12.35'],
      [5, '所在地区代码', '231002'],
      [5, '共享方式', '收费'],
      [7, '购置日期', '2019-02-28'],
    ])
    const again = await importFile(ctx.app, { cookie: world.managerA.cookie, orgId: world.orgA.id }, fixed)
    expect(again).toMatchObject({ status: 'done', totalRows: 6 })
    expect(await countResources(world.orgA.id)).toBe(before + 6)
  })

  it('rejects a file whose header misses required columns, and an empty file', async () => {
    const header = await importFile(
      ctx.app,
      { cookie: world.managerA.cookie, orgId: world.orgA.id, format: 'csv' },
      Buffer.from('资源名称,型号\r\n甲,乙\r\n'),
    )
    expect(header.status).toBe('rejected')
    expect(header.errors.map((e) => [e.row, e.column, e.code])).toContainEqual([
      1,
      '型号',
      'catalogImport.HEADER_UNKNOWN',
    ])
    expect(header.errors.map((e) => e.column)).toContain('规格型号')
    const empty = await importFile(
      ctx.app,
      { cookie: world.managerA.cookie, orgId: world.orgA.id },
      await buildXlsx([]),
    )
    expect(empty.errors.map((e) => e.code)).toEqual(['catalogImport.FILE_EMPTY'])
    const garbage = await importFile(
      ctx.app,
      { cookie: world.managerA.cookie, orgId: world.orgA.id },
      Buffer.from('not a zip file'),
    )
    expect(garbage.errors.map((e) => e.code)).toEqual(['catalogImport.FILE_UNREADABLE'])
  })

  it('answers 401 without a session and 403 to people who may not create resources there', async () => {
    const file = await buildXlsx([instrumentRow(31)])
    expect((await upload(ctx.app, { orgId: world.orgA.id }, file)).statusCode).toBe(401)
    const other = await upload(ctx.app, { cookie: world.managerB.cookie, orgId: world.orgA.id }, file)
    expect(other.statusCode).toBe(403)
    expect(other.json().error.code).toBe('FORBIDDEN')
    expect((await upload(ctx.app, { cookie: world.memberA.cookie, orgId: world.orgA.id }, file)).statusCode).toBe(403)
    // an instrument manager imports instruments only
    const experts = await upload(
      ctx.app,
      { cookie: world.instrumentManagerA.cookie, orgId: world.orgA.id, kind: 'expert' },
      file,
    )
    expect(experts.statusCode).toBe(403)
    expect((await upload(ctx.app, { cookie: world.managerA.cookie, orgId: world.pending.id }, file)).statusCode).toBe(
      409,
    )
    expect((await upload(ctx.app, { cookie: world.managerA.cookie, orgId: randomUUID() }, file)).statusCode).toBe(404)
  })
})

describe('GET /api/catalog/imports/:id', () => {
  it('shows a job to its requester and the unit providers, 404 to anyone else', async () => {
    const job = await importFile(
      ctx.app,
      { cookie: world.managerA.cookie, orgId: world.orgA.id },
      await buildXlsx([instrumentRow(51)]),
    )
    const get = (cookie?: string, id = job.id) =>
      ctx.app.inject({ method: 'GET', url: `/api/catalog/imports/${id}`, headers: cookie ? { cookie } : {} })
    expect((await get(world.instrumentManagerA.cookie)).statusCode).toBe(200)
    expect((await get()).statusCode).toBe(401)
    expect((await get(world.managerB.cookie)).statusCode).toBe(404)
    expect((await get(world.memberA.cookie)).statusCode).toBe(404)
    expect((await get(world.managerA.cookie, randomUUID())).statusCode).toBe(404)
    const report = await ctx.app.inject({
      method: 'GET',
      url: `/api/catalog/imports/${job.id}/errors.xlsx`,
      headers: { cookie: world.managerA.cookie },
    })
    expect(report.statusCode).toBe(409)
    const list = await ctx.app.inject({
      method: 'GET',
      url: `/api/catalog/imports?orgId=${world.orgA.id}`,
      headers: { cookie: world.managerA.cookie },
    })
    expect(list.json().items[0]).toMatchObject({ id: job.id, status: 'done' })
    expect(list.json().items[0].errors).toBeUndefined()
    const denied = await ctx.app.inject({
      method: 'GET',
      url: `/api/catalog/imports?orgId=${world.orgA.id}`,
      headers: { cookie: world.managerB.cookie },
    })
    expect(denied.statusCode).toBe(403)
  })
})
