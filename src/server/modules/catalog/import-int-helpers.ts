import ExcelJS from 'exceljs'
import type { Kysely } from 'kysely'
import { expect } from 'vitest'
import { IMPORT_CONTENT_TYPES, type TImportFormat, type TImportJob } from '#shared/contracts/catalog-import.ts'
import { createNode, createOrganisation } from '../../../../test/helpers/factories.ts'
import { signInAs } from '../../../../test/helpers/sessions.ts'
import type { DB } from '../../db/schema.ts'
import type { TApp } from '../../http/app-type.ts'
import { csvCell } from '../audit/audit.csv.ts'
import { columnsOf } from './template-columns.ts'

/** Shared set-up of the import/export integration tests: organisations, people, files, polling. */

/** One row of a test file: cell values by column label. */
export type TTestRow = Record<string, unknown>

/** Two approved units under one node; their managers; a plain member of A. */
export async function createImportWorld(db: Kysely<DB>) {
  const node = await createNode(db, { region_code: '231000' })
  const orgA = await createOrganisation(db, node.id, { region_code: '231002', city_code: '231000' })
  const orgB = await createOrganisation(db, node.id, { region_code: '230103', city_code: '230100' })
  const pending = await createOrganisation(db, node.id, { status: 'pending' })
  return {
    node,
    orgA,
    orgB,
    pending,
    managerA: await signInAs(db, {
      grants: [
        { role: 'resource_manager', orgId: orgA.id },
        { role: 'resource_manager', orgId: pending.id },
      ],
    }),
    instrumentManagerA: await signInAs(db, { grants: [{ role: 'instrument_manager', orgId: orgA.id }] }),
    managerB: await signInAs(db, { grants: [{ role: 'org_admin', orgId: orgB.id }] }),
    memberA: await signInAs(db, { grants: [{ role: 'member', orgId: orgA.id }] }),
  }
}

/** A valid instrument row, numbered so titles differ. */
export function instrumentRow(n: number, overrides: TTestRow = {}): TTestRow {
  return {
    资源名称: `导入测试仪器 ${n}`,
    简介: `第 ${n} 台, 用于 "测试"`,
    关键词: '电镜；形貌',
    所在地区代码: '231002',
    学科代码: '43020',
    行业代码: 'M745',
    仪器分类代码: '0101',
    共享方式: n % 2 === 0 ? '免费' : '收费',
    联系人: '王老师',
    联系电话: '0453-6123456',
    规格型号: `SU-${n}`,
    生产厂商: '日立',
    '原值（元）': '1200.50',
    购置日期: '2019-05-06',
    所在实验室: '材料测试中心',
    主要技术指标: '分辨率 1 nm\n放大倍数 20–800000',
    主要功能: '形貌观察',
    计费单位: '按机时',
    '对外价（元）': 300,
    运行状态: '正常',
    年可用机时: 2000,
    ...overrides,
  }
}

/** An xlsx file: the kind's header row, then the rows (missing cells empty). */
export async function buildXlsx(
  rows: readonly TTestRow[],
  kind: 'instrument' | 'expert' = 'instrument',
): Promise<Buffer> {
  const labels = columnsOf(kind).map((c) => c.label)
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('资源数据')
  sheet.addRow(labels)
  for (const row of rows) sheet.addRow(labels.map((l) => row[l] ?? null))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** A CSV file (UTF-8 with BOM, CRLF): the kind's header line, then the rows. */
export function buildCsv(rows: readonly TTestRow[]): Buffer {
  const labels = columnsOf('instrument').map((c) => c.label)
  const lines = [labels, ...rows.map((row) => labels.map((l) => (row[l] === undefined ? '' : String(row[l]))))]
  return Buffer.from(`\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`, 'utf8')
}

/** POST /api/catalog/imports with the file as the body. */
export function upload(
  app: TApp,
  options: {
    cookie?: string
    orgId: string
    kind?: string
    submit?: boolean
    format?: TImportFormat
    contentType?: string
  },
  body: Buffer,
) {
  const format = options.format ?? 'xlsx'
  const query = new URLSearchParams({
    orgId: options.orgId,
    kind: options.kind ?? 'instrument',
    submit: String(options.submit ?? false),
    fileName: `test.${format}`,
  })
  return app.inject({
    method: 'POST',
    url: `/api/catalog/imports?${query}`,
    headers: {
      'content-type': options.contentType ?? IMPORT_CONTENT_TYPES[format],
      ...(options.cookie ? { cookie: options.cookie } : {}),
    },
    payload: body,
  })
}

/** Polls the job until it ends (done, rejected, failed). */
export async function waitForImport(app: TApp, cookie: string, id: string): Promise<TImportJob> {
  for (let i = 0; i < 400; i++) {
    const res = await app.inject({ method: 'GET', url: `/api/catalog/imports/${id}`, headers: { cookie } })
    expect(res.statusCode).toBe(200)
    const job = res.json<TImportJob>()
    if (['done', 'rejected', 'failed'].includes(job.status)) return job
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`import ${id} did not finish`)
}

/** Uploads a file and waits for its job. */
export async function importFile(app: TApp, options: Parameters<typeof upload>[1] & { cookie: string }, body: Buffer) {
  const res = await upload(app, options, body)
  expect(res.statusCode, res.body).toBe(202)
  return waitForImport(app, options.cookie, res.json<TImportJob>().id)
}

/** Loads an xlsx body once; the answer reads a sheet (default the first) as rows of values, row 1 first. */
export async function loadXlsx(body: Buffer): Promise<(sheetName?: string) => unknown[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(body as unknown as ArrayBuffer)
  return (sheetName) => {
    const sheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0]
    const rows: unknown[][] = []
    sheet?.eachRow({ includeEmpty: true }, (row, number) => {
      rows[number - 1] = (row.values as unknown[]).slice(1)
    })
    return rows
  }
}

/** Reads one sheet (default the first) of an xlsx body as rows of values. */
export async function readXlsx(body: Buffer, sheetName?: string): Promise<unknown[][]> {
  return (await loadXlsx(body))(sheetName)
}

/**
 * Edits the cells of the first sheet of an xlsx body, as a user fixing an error report would.
 * @param fixes [row, column label, new value]
 */
export async function editXlsx(body: Buffer, fixes: readonly [number, string, unknown][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(body as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new Error('no sheet')
  const labels = (sheet.getRow(1).values as unknown[]).slice(1)
  for (const [row, label, value] of fixes)
    sheet.getRow(row).getCell(labels.indexOf(label) + 1).value = value as ExcelJS.CellValue
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
