import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TImportJob } from '#shared/contracts/catalog-import.ts'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { buildCsv, buildXlsx, createImportWorld, instrumentRow, upload, waitForImport } from './import-int-helpers.ts'

let ctx: TTestContext
let world: Awaited<ReturnType<typeof createImportWorld>>

beforeAll(async () => {
  ctx = await createTestApp()
  world = await createImportWorld(ctx.database.db)
})
afterAll(async () => ctx.close())

describe('POST /api/catalog/imports: the body', () => {
  it('answers 400 for an unknown kind, a wrong content type or no file', async () => {
    const file = await buildXlsx([instrumentRow(41)])
    const kind = await upload(ctx.app, { cookie: world.managerA.cookie, orgId: world.orgA.id, kind: 'car' }, file)
    expect(kind.statusCode).toBe(400)
    expect(kind.json().error.message).toContain('query.kind')
    const json = await upload(
      ctx.app,
      { cookie: world.managerA.cookie, orgId: world.orgA.id, contentType: 'application/json' },
      Buffer.from('{}'),
    )
    expect(json.statusCode).toBe(400)
    expect(json.json().error.message).toBe('请上传 Excel（.xlsx）或 CSV 文件（当前内容类型：application/json）')
    const pdf = await upload(
      ctx.app,
      { cookie: world.managerA.cookie, orgId: world.orgA.id, contentType: 'application/pdf' },
      file,
    )
    expect(pdf.statusCode).toBe(400)
    const none = await ctx.app.inject({
      method: 'POST',
      url: `/api/catalog/imports?orgId=${world.orgA.id}&kind=instrument`,
      headers: { cookie: world.managerA.cookie },
    })
    expect(none.statusCode).toBe(400)
  })

  it('takes files above the app-wide 1 MB body limit and refuses more than 50 MB with 413', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => instrumentRow(1000 + i))
    const big = buildCsv(rows)
    expect(big.length).toBeGreaterThan(1.2 * 1024 * 1024)
    const res = await upload(ctx.app, { cookie: world.managerA.cookie, orgId: world.orgA.id, format: 'csv' }, big)
    expect(res.statusCode).toBe(202)
    const job = await waitForImport(ctx.app, world.managerA.cookie, res.json<TImportJob>().id)
    expect(job).toMatchObject({ status: 'done', totalRows: 5000 })

    const huge = Buffer.alloc(50 * 1024 * 1024 + 10, 0x61)
    const refused = await upload(ctx.app, { cookie: world.managerA.cookie, orgId: world.orgA.id, format: 'csv' }, huge)
    expect(refused.statusCode).toBe(413)
    expect(refused.json().error.code).toBe('PAYLOAD_TOO_LARGE')
  })
})
