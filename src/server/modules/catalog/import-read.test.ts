import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FileReadError, readSheetRows } from './import-read.ts'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kx-import-read-'))
})
afterAll(async () => rm(dir, { recursive: true, force: true }))

async function rowsOf(file: string, format: 'xlsx' | 'csv') {
  const rows: { row: number; cells: unknown[] }[] = []
  for await (const row of readSheetRows(file, format, () => undefined)) rows.push(row)
  return rows
}

describe('readSheetRows', () => {
  it('reads Chinese text of a large streamed xlsx without broken characters (the exceljs reader breaks some)', async () => {
    const file = path.join(dir, 'big.xlsx')
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true })
    const sheet = workbook.addWorksheet('资源数据')
    for (let n = 1; n <= 6000; n++) sheet.addRow([`共享仪器第${n}号`, '免费', n]).commit()
    await sheet.commit()
    await workbook.commit()
    const rows = await rowsOf(file, 'xlsx')
    expect(rows).toHaveLength(6000)
    expect(rows.filter((r) => JSON.stringify(r.cells).includes('\uFFFD'))).toEqual([])
    expect(rows[5999]).toEqual({ row: 6000, cells: ['共享仪器第6000号', '免费', 6000] })
  })

  it('reads only the first sheet', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('资源数据').addRow(['甲'])
    workbook.addWorksheet('填写说明').addRow(['乙'])
    const file = path.join(dir, 'two.xlsx')
    await workbook.xlsx.writeFile(file)
    expect(await rowsOf(file, 'xlsx')).toEqual([{ row: 1, cells: ['甲'] }])
  })

  it('reads GB18030 CSV (Excel on Chinese Windows) as well as UTF-8', async () => {
    const file = path.join(dir, 'gbk.csv')
    // "名称,价格\r\n电镜,12\r\n" in GB18030
    await writeFile(file, Buffer.from('c3fbb3c62cbcdbb8f10d0ab5e7beb52c31320d0a', 'hex'))
    expect(await rowsOf(file, 'csv')).toEqual([
      { row: 1, cells: ['名称', '价格'] },
      { row: 2, cells: ['电镜', '12'] },
    ])
  })

  it('refuses a file that is not a workbook', async () => {
    const file = path.join(dir, 'not.xlsx')
    await writeFile(file, 'plain text')
    await expect(rowsOf(file, 'xlsx')).rejects.toBeInstanceOf(FileReadError)
  })
})
