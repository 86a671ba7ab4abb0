import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { crc32 } from 'node:zlib'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeXmlText, isDateFormatCode, readXlsxRows } from './import-xlsx.ts'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kx-import-xlsx-'))
})
afterAll(async () => rm(dir, { recursive: true, force: true }))

async function rowsOf(file: string) {
  const rows: { row: number; cells: unknown[] }[] = []
  for await (const row of readXlsxRows(file, () => undefined)) rows.push(row)
  return rows
}

/** A ZIP of stored (uncompressed) entries, enough for hand-written workbooks. */
function storedZip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8')
    const nameBytes = Buffer.from(name, 'utf8')
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt32LE(crc32(data), 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt32LE(crc32(data), 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, data)
    centrals.push(central, nameBytes)
    offset += 30 + nameBytes.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(files).length, 8)
  end.writeUInt16LE(Object.keys(files).length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

describe('readXlsxRows', () => {
  it('reads what Excel-like writers put in cells: shared and rich text, numbers, dates, booleans, formulas, errors', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('资源数据')
    sheet.addRow(['名称', '原值', '日期', '中文日期', '布尔', '公式', '错误'])
    sheet.addRow([
      { richText: [{ text: '场发射', font: { bold: true } }, { text: '电镜 & <仪器>' }] },
      1200.5,
      new Date(Date.UTC(2019, 4, 6)),
      new Date(Date.UTC(2020, 0, 2)),
      true,
      { formula: 'B2*2', result: 2401 },
      { error: '#N/A' },
    ])
    sheet.getCell('D2').numFmt = 'yyyy"年"m"月"d"日"'
    sheet.getCell('H4').value = '隔行'
    const file = path.join(dir, 'cells.xlsx')
    await workbook.xlsx.writeFile(file)
    const rows = await rowsOf(file)
    expect(rows[0]).toEqual({ row: 1, cells: ['名称', '原值', '日期', '中文日期', '布尔', '公式', '错误'] })
    expect(rows[1]).toEqual({
      row: 2,
      cells: [
        '场发射电镜 & <仪器>',
        1200.5,
        new Date('2019-05-06T00:00:00Z'),
        new Date('2020-01-02T00:00:00Z'),
        true,
        2401,
        { error: '#N/A' },
      ],
    })
    expect(rows[2]).toEqual({ row: 4, cells: [null, null, null, null, null, null, null, '隔行'] })
  })

  it('reads inline strings, prefixed elements and phonetic runs, and picks the first sheet by the workbook', async () => {
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
    const file = path.join(dir, 'hand.xlsx')
    await writeFile(
      file,
      storedZip({
        'xl/workbook.xml': `<x:workbook xmlns:x="main" xmlns:r="${rel}"><x:sheets><x:sheet name="数据" sheetId="7" r:id="rId9"/><x:sheet name="说明" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
        'xl/_rels/workbook.xml.rels':
          '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId9" Target="/xl/worksheets/data.xml"/></Relationships>',
        'xl/sharedStrings.xml':
          '<sst><si><r><t>东安</t></r><r><t xml:space="preserve">区 </t></r><rPh><t>ドンアン</t></rPh></si><si><t/></si><si><t>a_x000D_b</t></si></sst>',
        'xl/worksheets/sheet1.xml':
          '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c></row></sheetData></worksheet>',
        'xl/worksheets/data.xml':
          '<x:worksheet><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>甲&amp;乙</x:t></x:is></x:c><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c></x:row><x:row/><x:row r="5"><x:c r="C5" t="str"><x:v>&#20013;</x:v></x:c></x:row></x:sheetData></x:worksheet>',
      }),
    )
    expect(await rowsOf(file)).toEqual([
      { row: 1, cells: ['甲&乙', '东安区 ', 'a\rb'] },
      { row: 2, cells: [] },
      { row: 5, cells: [null, null, '中'] },
    ])
  })

  it('refuses files that are not ZIP archives', async () => {
    const file = path.join(dir, 'text.xlsx')
    await writeFile(file, 'not a zip at all')
    await expect(rowsOf(file)).rejects.toThrow(/central directory/)
  })
})

describe('helpers', () => {
  it('decode XML text and tell date formats', () => {
    expect(decodeXmlText('&lt;a&gt; &amp; &quot;&apos; &#x4e2d;&#25991; _x000A_')).toBe('<a> & "\' 中文 \n')
    expect(isDateFormatCode('yyyy"年"m"月"d"日"')).toBe(true)
    expect(isDateFormatCode('mm-dd-yy')).toBe(true)
    expect(isDateFormatCode('#,##0.00_);[Red](#,##0.00)')).toBe(false)
    expect(isDateFormatCode('0.00" 小时"')).toBe(false)
    expect(isDateFormatCode('General')).toBe(false)
  })
})
