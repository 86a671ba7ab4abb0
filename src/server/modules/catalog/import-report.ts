import { PassThrough } from 'node:stream'
import { IMPORT_CONTENT_TYPES, type TImportFormat } from '#shared/contracts/catalog-import.ts'
import type { TResourceKind } from '#shared/resource-kinds.ts'
import { translate, type TLang } from '../../http/messages.ts'
import { DATA_SHEET_NAME, createXlsxWorkbook } from './export-write.ts'
import { CELL_ERROR, cellText } from './import-cells.ts'
import { readSheetRows } from './import-read.ts'
import type { TImportRow } from './import-repo.ts'
import { IMPORT_MAX_ROWS } from './import-runner.ts'
import { createRowValidator, mapHeader, type TRowError } from './import-validate.ts'
import { ERROR_NOTE_LABEL } from './template-columns.ts'
import type { TDownload } from './template-build.ts'

/**
 * The error report of a rejected import (issue 4 item 4), as xlsx: sheet 资源数据 holds the uploaded rows at
 * their original row numbers with an extra 错误说明 column and the bad cells filled red, so the user fixes
 * them in place and uploads the same sheet again (an import skips the 错误说明 column); sheet 错误列表 lists
 * the stored errors (row, column, value, message). The rows are validated again while they are copied, so
 * every error is marked, not only the first 1,000 the job keeps. Without the upload (removed after 24 h)
 * the report has the list only.
 */

type TWorkbook = ReturnType<typeof createXlsxWorkbook>

const BAD_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFC7CE' } }
const NOTE_FONT = { color: { argb: 'FF9C0006' } }

/** Words one error: "列名：说明". */
export function describeError(error: TRowError, lang: TLang): string {
  const message = translate(lang, error.key, error.vars)
  return error.column ? `${error.column}：${message}` : message
}

/** The stored errors of a job (written by import-runner.ts). */
export function storedErrors(row: Pick<TImportRow, 'errors'>): TRowError[] {
  const list = typeof row.errors === 'string' ? (JSON.parse(row.errors) as unknown) : row.errors
  return Array.isArray(list) ? (list as TRowError[]) : []
}

/** A cell as it is written back: plain values stay, rich text and formulas become their text. */
function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)
    return value
  const text = cellText(value)
  return text === CELL_ERROR ? '#ERROR' : text
}

async function copyAnnotatedRows(
  workbook: TWorkbook,
  job: { kind: TResourceKind; format: TImportFormat },
  filePath: string,
  lang: TLang,
): Promise<void> {
  const sheet = workbook.addWorksheet(DATA_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] })
  let validate: ReturnType<typeof createRowValidator> | null = null
  let noteIndex = -1
  let labels: string[] = []
  let written = 0
  const writeRow = (rowNumber: number, cells: readonly unknown[], errors: readonly TRowError[]) => {
    for (; written < rowNumber - 1; written++) sheet.addRow([]).commit()
    const values = cells.map(plain)
    if (errors.length > 0) values[noteIndex] = errors.map((e) => describeError(e, lang)).join('；')
    const row = sheet.addRow(values)
    for (const error of errors) {
      const index = error.column === null ? -1 : labels.indexOf(error.column)
      if (index >= 0) row.getCell(index + 1).fill = BAD_FILL
    }
    if (errors.length > 0) row.getCell(noteIndex + 1).font = NOTE_FONT
    row.commit()
    written = rowNumber
  }
  for await (const { row, cells } of readSheetRows(filePath, job.format, () => undefined)) {
    if (row > IMPORT_MAX_ROWS + 1) break
    if (noteIndex < 0) {
      if (cells.every((c) => cellText(c) === null)) continue
      labels = cells.map((c) => String(plain(c) ?? ''))
      noteIndex = labels.indexOf(ERROR_NOTE_LABEL) >= 0 ? labels.indexOf(ERROR_NOTE_LABEL) : labels.length
      const header = mapHeader(job.kind, cells)
      if (header.errors.length === 0) validate = createRowValidator(header.map, { isCsv: job.format === 'csv' })
      const headerCells = [...cells]
      headerCells[noteIndex] = ERROR_NOTE_LABEL
      writeRow(row, headerCells, header.errors)
      continue
    }
    const errors = validate ? validate(row, cells).errors : []
    writeRow(
      row,
      noteIndex < cells.length ? cells : [...cells, ...Array<unknown>(noteIndex - cells.length).fill(null)],
      errors,
    )
  }
  await sheet.commit()
}

async function addErrorList(workbook: TWorkbook, job: TImportRow, lang: TLang): Promise<void> {
  const sheet = workbook.addWorksheet('错误列表')
  sheet.columns = [{ width: 8 }, { width: 20 }, { width: 30 }, { width: 60 }]
  const isEn = lang === 'en'
  const header = sheet.addRow(isEn ? ['Row', 'Column', 'Value', 'Problem'] : ['行号', '列', '填写的值', '错误说明'])
  header.font = { bold: true }
  header.commit()
  const errors = storedErrors(job)
  for (const error of errors) {
    sheet.addRow([error.row, error.column ?? '', error.value, translate(lang, error.key, error.vars)]).commit()
  }
  if (job.error_count > errors.length) {
    const more = job.error_count - errors.length
    sheet
      .addRow([
        isEn
          ? `… and ${more} more errors (marked in sheet ${DATA_SHEET_NAME})`
          : `…… 另有 ${more} 个错误（见“${DATA_SHEET_NAME}”表中的标注）`,
      ])
      .commit()
  }
  await sheet.commit()
}

/**
 * Builds the report of a rejected job.
 * @param job the job row
 * @param filePath its kept upload, or null when it is gone
 * @param lang language of the messages
 */
export function buildErrorReport(job: TImportRow, filePath: string | null, lang: TLang): TDownload {
  const out = new PassThrough()
  const workbook = createXlsxWorkbook(out)
  const write = async () => {
    // a file that could not be read at all (errors on row 0) has no rows to copy
    const isReadable = !storedErrors(job).some((e) => e.row === 0)
    if (filePath && isReadable) {
      await copyAnnotatedRows(
        workbook,
        { kind: job.kind as TResourceKind, format: job.format as TImportFormat },
        filePath,
        lang,
      )
    }
    await addErrorList(workbook, job, lang)
    await workbook.commit()
  }
  write().catch((err: unknown) => out.destroy(err as Error))
  return {
    stream: out,
    fileName: `kexiang-import-${job.id.slice(0, 8)}-errors.xlsx`,
    contentType: IMPORT_CONTENT_TYPES.xlsx,
  }
}
