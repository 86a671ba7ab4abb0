import type { PassThrough, Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import { readPath } from '#shared/catalog/kind-fields.ts'
import type { TImportFormat } from '#shared/contracts/catalog-import.ts'
import { csvCell } from '../audit/audit.csv.ts'
import { fenToYuanText } from './import-cells.ts'
import { displayOption, type TColumn } from './template-columns.ts'

/**
 * Writing sheets row by row (templates, exports, error reports — issue 4 item 4): xlsx through exceljs's
 * streaming WorkbookWriter, CSV as UTF-8 with a byte-order mark (so Excel shows the Chinese headers) and
 * CRLF line ends. Rows go out as they are written, so 100 k rows never sit in memory.
 */

/** The main sheet's name in templates and exports. */
export const DATA_SHEET_NAME = '资源数据'

/** A sheet being written. `write` waits when the reader is slower than the writer (CSV). */
export type TSheetSink = {
  write: (values: readonly unknown[]) => Promise<void>
  end: () => Promise<void>
}

/** What a resource row offers to the export (the DB columns the template's columns come from). */
export type TExportSource = {
  title: string
  summary: string
  tags: string[]
  region_code: string
  discipline_code: string | null
  industry_code: string | null
  category: string | null
  sharing_level: string
  audience: string
  contact: { name?: string; phone?: string; email?: string } | null
  attributes: Record<string, unknown>
}

function rawValue(column: TColumn, row: TExportSource): unknown {
  const target = column.target
  if (target.to === 'attr') return readPath(row.attributes, target.key)
  if (target.to === 'contact') return row.contact?.[target.key] ?? null
  const byKey: Record<typeof target.key, unknown> = {
    title: row.title,
    summary: row.summary,
    tags: row.tags,
    regionCode: row.region_code,
    disciplineCode: row.discipline_code,
    industryCode: row.industry_code,
    category: row.category,
    sharingLevel: row.sharing_level,
    audience: row.audience,
  }
  return byKey[target.key]
}

/**
 * One resource as the cells of a template row: yuan for fen (a number in xlsx, '1200.50' in CSV), Chinese
 * words for enum values, lists joined with '；', 是/否 for booleans. Values of an unexpected type (records
 * from other platforms) are written as text.
 */
export function cellsOfResource(columns: readonly TColumn[], row: TExportSource, format: TImportFormat): unknown[] {
  return columns.map((column) => {
    const value = rawValue(column, row)
    if (value === null || value === undefined || value === '') return null
    if (column.type === 'fen' && typeof value === 'number') return format === 'csv' ? fenToYuanText(value) : value / 100
    if (column.type === 'enum' && typeof value === 'string') return displayOption(column, value)
    if (Array.isArray(value)) return value.map(String).join('；')
    if (typeof value === 'boolean') return value ? '是' : '否'
    if (typeof value === 'number' || typeof value === 'string') return value
    return JSON.stringify(value)
  })
}

/** The header cells of a sheet: the columns' labels. */
export function headerCells(columns: readonly TColumn[]): string[] {
  return columns.map((c) => c.label)
}

/**
 * Waits until `out` wants more data. Rejects when it is closed instead (the client went away), so the
 * writer stops rather than waiting forever.
 */
export function waitForDrain(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      out.off('drain', onDrain)
      out.off('close', onClose)
      if (err) reject(err)
      else resolve()
    }
    const onDrain = () => done()
    const onClose = () => done(new Error('output closed before the sheet was written'))
    out.on('drain', onDrain)
    out.on('close', onClose)
  })
}

/** A CSV sheet on `out`: BOM first, then one CRLF line per row; formula-like text is guarded ('=…). */
export function createCsvSink(out: PassThrough): TSheetSink {
  let isFirst = true
  return {
    async write(values) {
      const line = values.map((v) => (v === null || v === undefined ? '' : csvCell(String(v)))).join(',')
      const text = `${isFirst ? '\uFEFF' : ''}${line}\r\n`
      isFirst = false
      if (!out.write(text)) await waitForDrain(out)
    },
    async end() {
      out.end()
    },
  }
}

/** A streaming xlsx workbook on `out`; add sheets, then commit. */
export function createXlsxWorkbook(out: Writable) {
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
}

const REQUIRED_FONT = { bold: true, color: { argb: 'FFC00000' } }
const HEADER_FONT = { bold: true }
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFEFF3F8' } }

type TListValidation = { type: 'list'; allowBlank: boolean; formulae: string[] }

/** The streaming sheet's data validations (exceljs has them on WorksheetWriter; its typings omit them). */
function validationsOf(sheet: object): { add: (range: string, rule: TListValidation) => void } {
  return (sheet as { dataValidations: { add: (range: string, rule: TListValidation) => void } }).dataValidations
}

/**
 * The data sheet of a template or export: frozen header row (required columns in red), column widths, and
 * drop-down lists for enum columns.
 * @param rowsHint how many rows the drop-downs cover
 */
export function addDataSheet(
  workbook: ReturnType<typeof createXlsxWorkbook>,
  columns: readonly TColumn[],
  rowsHint: number,
): TSheetSink {
  const sheet = workbook.addWorksheet(DATA_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = columns.map((c) => ({ width: Math.min(40, Math.max(12, c.label.length * 2 + 4)) }))
  const header = sheet.addRow(headerCells(columns))
  header.eachCell((cell, index) => {
    cell.font = columns[index - 1]?.required ? REQUIRED_FONT : HEADER_FONT
    cell.fill = HEADER_FILL
  })
  header.commit()
  columns.forEach((column, index) => {
    if (column.type !== 'enum' || !column.options) return
    const letter = sheet.getColumn(index + 1).letter
    const words = column.options.map((o) => displayOption(column, o)).join(',')
    validationsOf(sheet).add(`${letter}2:${letter}${rowsHint + 1}`, {
      type: 'list',
      allowBlank: !column.required,
      formulae: [`"${words}"`],
    })
  })
  return {
    async write(values) {
      sheet.addRow([...values]).commit()
    },
    async end() {
      await sheet.commit()
    },
  }
}

/** The CSV form of a template or export: the header line, then the rows. */
export function startCsvSheet(out: PassThrough, columns: readonly TColumn[]): Promise<TSheetSink> {
  const sink = createCsvSink(out)
  return sink.write(headerCells(columns)).then(() => sink)
}
