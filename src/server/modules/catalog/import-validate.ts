import { fieldSchema, KIND_FIELDS, readPath, writePath } from '#shared/catalog/kind-fields.ts'
import type { TResourceKind } from '#shared/resource-kinds.ts'
import { CELL_ERROR, cellText, dateCellText, unguardCsvText } from './import-cells.ts'
import { parseCell } from './import-row.ts'
import { columnsOf, ERROR_NOTE_LABEL, type TColumn } from './template-columns.ts'

/**
 * The validation of an uploaded file (issue 4 item 4): the header row against the kind's columns, then
 * every data row — required cells, types, fixed values, code tables, contact completeness, the kind's
 * attribute rules and duplicates within the file. Errors name the sheet row (the header is row 1) and the
 * column label, so the user can find and fix each one.
 */

/** One problem; `key` is a message key of catalog-import.messages.ts, worded when the job is read. */
export type TRowError = {
  row: number
  column: string | null
  value: string
  key: string
  vars?: Record<string, string | number>
}

export type TContact = { name: string; phone: string; email: string }

/** A valid row, ready to insert. */
export type TImportedRow = {
  title: string
  summary: string
  tags: string[]
  regionCode: string
  cityCode: string
  disciplineCode: string | null
  industryCode: string | null
  category: string | null
  sharingLevel: string
  audience: string
  contact: TContact | null
  attributes: Record<string, unknown>
}

/** The file's columns, by position: the kind's column, or null for a column to skip (错误说明). */
export type THeaderMap = { kind: TResourceKind; slots: (TColumn | null)[] }

/** Kind fields that, with the title, make a row a duplicate of an earlier one in the same file. */
const DUPLICATE_FIELDS: Partial<Record<TResourceKind, readonly string[]>> = {
  instrument: ['model', 'assetNo'],
  expert: ['unit'],
  patent: ['patentNumber'],
}

const MAX_VALUE_CHARS = 200

function shown(value: unknown): string {
  const text = cellText(value)
  if (text === CELL_ERROR) return '#ERROR'
  return (text ?? '').slice(0, MAX_VALUE_CHARS)
}

function headerText(value: unknown): string {
  const text = cellText(value)
  if (text === null || text === CELL_ERROR) return ''
  return text.replace(/(\s*[*＊]|（必填）|\(必填\))$/, '').trim()
}

/**
 * Matches the header row with the kind's columns. Headers may carry a trailing * (required mark); the
 * 错误说明 column of an error report is skipped; empty headers are skipped.
 * @returns the map, and errors for unknown, repeated and missing required columns (all on row 1)
 */
export function mapHeader(kind: TResourceKind, cells: readonly unknown[]): { map: THeaderMap; errors: TRowError[] } {
  const byLabel = new Map(columnsOf(kind).map((c) => [c.label, c]))
  const slots: (TColumn | null)[] = []
  const errors: TRowError[] = []
  const seen = new Set<string>()
  cells.forEach((cell, index) => {
    const label = headerText(cell)
    const column = byLabel.get(label)
    slots[index] = null
    if (label === '' || label === ERROR_NOTE_LABEL) return
    if (!column) errors.push({ row: 1, column: label, value: label, key: 'catalogImport.HEADER_UNKNOWN' })
    else if (seen.has(label))
      errors.push({ row: 1, column: label, value: label, key: 'catalogImport.HEADER_DUPLICATE' })
    else slots[index] = column
    seen.add(label)
  })
  for (const column of columnsOf(kind)) {
    if (column.required && !seen.has(column.label)) {
      errors.push({ row: 1, column: column.label, value: '', key: 'catalogImport.HEADER_MISSING' })
    }
  }
  return { map: { kind, slots }, errors }
}

function emptyRow(): TImportedRow {
  return {
    title: '',
    summary: '',
    tags: [],
    regionCode: '',
    cityCode: '',
    disciplineCode: null,
    industryCode: null,
    category: null,
    sharingLevel: '',
    audience: 'public',
    contact: null,
    attributes: {},
  }
}

function assign(row: TImportedRow, contact: Partial<TContact>, column: TColumn, value: unknown): void {
  const target = column.target
  if (target.to === 'attr') return writePath(row.attributes, target.key, value)
  if (target.to === 'contact') {
    contact[target.key] = value as string
    return
  }
  if (target.key === 'regionCode') {
    const region = value as { regionCode: string; cityCode: string }
    row.regionCode = region.regionCode
    row.cityCode = region.cityCode
    return
  }
  ;(row as unknown as Record<string, unknown>)[target.key] = value
}

/**
 * checkAttributes (kind-fields.ts) without its required-field check: the cell parsers already apply the
 * same rules, so this is the safety net for the day a field changes. Empty values are the parsers' business
 * (REQUIRED).
 */
function attributeIssues(kind: TResourceKind, attributes: Record<string, unknown>): { key: string; message: string }[] {
  const issues: { key: string; message: string }[] = []
  for (const def of KIND_FIELDS[kind]) {
    const value = readPath(attributes, def.key)
    if (value === undefined) continue
    const parsed = fieldSchema(def).safeParse(value)
    if (!parsed.success) issues.push({ key: def.key, message: parsed.error.issues[0]?.message ?? 'invalid' })
  }
  return issues
}

/** The validator's answer for one row. */
export type TRowResult = { isBlank: boolean; row: TImportedRow | null; errors: TRowError[] }

type TFault = (column: TColumn | null, value: unknown, key: string, vars?: Record<string, string | number>) => void

/**
 * Parses every cell of the row into `row` (and the contact parts).
 * @returns the columns that got a value or an error, or null when the row is blank
 */
function readCells(
  map: THeaderMap,
  cells: readonly unknown[],
  options: { isCsv: boolean },
  target: { row: TImportedRow; contact: Partial<TContact> },
  fault: TFault,
): Set<TColumn> | null {
  let hasContent = false
  const seen = new Set<TColumn>()
  cells.forEach((cell, index) => {
    const column = map.slots[index]
    const raw = column?.type === 'date' ? dateCellText(cell) : cellText(cell)
    if (raw !== null) hasContent = true
    if (!column || raw === null) return
    seen.add(column)
    if (raw === CELL_ERROR) return fault(column, cell, 'catalogImport.CELL_ERROR')
    const parsed = parseCell(column, options.isCsv ? unguardCsvText(raw) : raw)
    if (!parsed.ok) return fault(column, cell, parsed.key, parsed.vars)
    // a list cell of separators only ('；') is as empty as a blank cell
    if (Array.isArray(parsed.value) && parsed.value.length === 0) return seen.delete(column)
    assign(target.row, target.contact, column, parsed.value)
  })
  return hasContent ? seen : null
}

/** The contact, when any part is given: name and phone are then both required. */
function checkContact(
  contact: Partial<TContact>,
  columns: readonly TColumn[],
  errors: readonly TRowError[],
  fault: TFault,
): TContact | null {
  if (contact.name === undefined && contact.phone === undefined && contact.email === undefined) return null
  for (const column of columns) {
    const key = column.target.key as keyof TContact
    if (key !== 'email' && contact[key] === undefined && !hasError(errors, column.label)) {
      fault(column, '', 'catalogImport.CONTACT_INCOMPLETE')
    }
  }
  return { name: contact.name ?? '', phone: contact.phone ?? '', email: contact.email ?? '' }
}

/**
 * A validator of data rows for one file. It remembers the rows it has seen, to report duplicates (same
 * title, and for instruments the same model and asset number, for experts the same unit, for patents the
 * same number) with the row of the first occurrence.
 * @param map the file's header map
 * @param options.isCsv undo the CSV-injection guard of exports ('=…)
 */
export function createRowValidator(map: THeaderMap, options: { isCsv: boolean }) {
  const firstRowOf = new Map<string, number>()
  const duplicateFields = DUPLICATE_FIELDS[map.kind] ?? []
  const titleColumn = columnsOf(map.kind)[0] ?? null
  const columnOfKey = new Map(columnsOf(map.kind).map((c) => [c.target.key, c]))
  const contactColumns = columnsOf(map.kind).filter((c) => c.target.to === 'contact')

  return function validateRow(rowNumber: number, cells: readonly unknown[]): TRowResult {
    const row = emptyRow()
    const contact: Partial<TContact> = {}
    const errors: TRowError[] = []
    const fault: TFault = (column, value, key, vars) =>
      errors.push({
        row: rowNumber,
        column: column?.label ?? null,
        value: shown(value),
        key,
        ...(vars ? { vars } : {}),
      })

    const filled = readCells(map, cells, options, { row, contact }, fault)
    if (!filled) return { isBlank: true, row: null, errors: [] }
    for (const column of map.slots) {
      if (column?.required && !filled.has(column)) fault(column, '', 'catalogImport.REQUIRED')
    }
    row.contact = checkContact(contact, contactColumns, errors, fault)
    for (const issue of attributeIssues(map.kind, row.attributes)) {
      const column = columnOfKey.get(issue.key) ?? null
      if (!column || !hasError(errors, column.label))
        fault(column, '', 'catalogImport.INVALID', { reason: issue.message })
    }
    if (errors.length === 0) {
      const key = [row.title, ...duplicateFields.map((f) => String(row.attributes[f] ?? ''))].join('\u0000')
      const first = firstRowOf.get(key)
      if (first === undefined) firstRowOf.set(key, rowNumber)
      else fault(titleColumn, row.title, 'catalogImport.DUPLICATE', { row: first })
    }
    return { isBlank: false, row: errors.length === 0 ? row : null, errors }
  }
}

function hasError(errors: readonly TRowError[], label: string): boolean {
  return errors.some((e) => e.column === label)
}
