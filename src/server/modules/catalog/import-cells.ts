/**
 * Cell values of an uploaded file, and the scalar parsers of the import (issue 4 item 4). Pure functions: a
 * cell comes in as exceljs gives it (string, number, boolean, Date, rich text, formula, hyperlink, error) or
 * as a CSV string, and a parser answers with the value or the key of what is wrong
 * (catalog-import.messages.ts).
 */

/** A parser's answer. */
export type TParsed<T> = { ok: true; value: T } | { ok: false; key: string; vars?: Record<string, string | number> }

const fail = (key: string, vars?: Record<string, string | number>): TParsed<never> =>
  vars ? { ok: false, key, vars } : { ok: false, key }

/** Marker for a cell holding a spreadsheet error (#N/A, #DIV/0! …). */
export const CELL_ERROR = Symbol('cell-error')

/** YYYY-MM-DD of a date (the UTC day: exceljs reads Excel's zone-less dates as UTC midnight). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/**
 * The text of a cell, trimmed; null when empty. Numbers keep their shortest decimal form (what the user
 * typed), dates become YYYY-MM-DD, rich text is joined, formulas give their cached result.
 * @returns the text, null for an empty cell, or CELL_ERROR for an error value
 */
export function cellText(value: unknown): string | null | typeof CELL_ERROR {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') {
    const text = value.trim()
    return text === '' ? null : text
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : CELL_ERROR
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? CELL_ERROR : isoDay(value)
  if (typeof value === 'object') {
    const cell = value as Record<string, unknown>
    if ('error' in cell) return CELL_ERROR
    if (Array.isArray(cell.richText)) {
      return cellText((cell.richText as { text?: unknown }[]).map((part) => String(part.text ?? '')).join(''))
    }
    if ('formula' in cell || 'sharedFormula' in cell) return cellText(cell.result)
    if ('text' in cell) return cellText(cell.text)
  }
  return cellText(String(value))
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30)
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The text of a cell of a date column. A whole number there is an Excel date serial (days since 1899-12-30),
 * read as such when the workbook's styles were not known yet while its sheet was streamed.
 */
export function dateCellText(value: unknown): string | null | typeof CELL_ERROR {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 80_000) {
    return isoDay(new Date(EXCEL_EPOCH_MS + value * DAY_MS))
  }
  return cellText(value)
}

const YUAN = /^(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d{1,2}))?$/
const YUAN_LOOSE = /^-?[\d,]*(?:\.\d*)?$/
/** Largest amount a fen column holds (kind-fields: 1e13 fen, i.e. 100 billion yuan). */
export const MAX_FEN = 1e13

/**
 * Yuan as written in a file → integer fen. Accepted: digits with at most 2 decimals, optionally with
 * thousands separators in the right places ('1,200.50'; Excel writes them into CSV when a cell is formatted
 * so). Refused: negative amounts, a third decimal ('12.345' is not rounded: the user must decide), exponents,
 * currency signs, misplaced separators ('1,20.5').
 * @param text the cell text (already trimmed)
 */
export function parseYuanToFen(text: string): TParsed<number> {
  const match = YUAN.exec(text)
  if (!match) {
    if (text.startsWith('-') && YUAN_LOOSE.test(text)) return fail('catalogImport.FEN_NEGATIVE')
    if (/^\d[\d,]*\.\d{3,}$/.test(text)) return fail('catalogImport.FEN_DECIMALS')
    return fail('catalogImport.FEN_FORMAT')
  }
  const whole = Number((match[1] ?? '').replaceAll(',', ''))
  const cents = Number((match[2] ?? '').padEnd(2, '0'))
  const fen = whole * 100 + cents
  if (!Number.isSafeInteger(fen) || fen > MAX_FEN) return fail('catalogImport.FEN_TOO_LARGE')
  return { ok: true, value: fen }
}

/** Fen → yuan text with two decimals ('1200.50'), as exports write it into CSV. */
export function fenToYuanText(fen: number): string {
  const whole = Math.floor(fen / 100)
  return `${whole}.${String(fen % 100).padStart(2, '0')}`
}

/**
 * A whole number within [min, max]. '12.0' is refused like '12.5': the column wants a count.
 * @param text the cell text
 */
export function parseInteger(text: string, min: number, max: number): TParsed<number> {
  if (!/^-?\d+$/.test(text)) return fail('catalogImport.NOT_INT')
  const value = Number(text)
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    return fail('catalogImport.OUT_OF_RANGE', { min, max })
  }
  return { ok: true, value }
}

/** A decimal number within [min, max] (coordinates). */
export function parseDecimal(text: string, min: number, max: number): TParsed<number> {
  if (!/^-?\d+(\.\d+)?$/.test(text)) return fail('catalogImport.NOT_NUMBER')
  const value = Number(text)
  if (value < min || value > max) return fail('catalogImport.OUT_OF_RANGE', { min, max })
  return { ok: true, value }
}

/**
 * A calendar date → 'YYYY-MM-DD'. Written as YYYY-MM-DD (also YYYY/MM/DD and single-digit month or day,
 * which Excel produces when it saves a date cell into CSV); 2023-02-30 is refused.
 */
export function parseDate(text: string): TParsed<string> {
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text)
  if (!match) return fail('catalogImport.DATE_FORMAT')
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return fail('catalogImport.DATE_INVALID')
  }
  if (year < 1900 || year > 2100) return fail('catalogImport.DATE_INVALID')
  return { ok: true, value: isoDay(date) }
}

const LIST_SEPARATORS = /[;；,，、\n]+/

/**
 * A list written in one cell, items separated by ； ; 、 ， , or line breaks.
 * @param maxItems most items allowed
 * @param itemMax longest item
 */
export function parseList(text: string, maxItems: number, itemMax: number): TParsed<string[]> {
  const items = text
    .split(LIST_SEPARATORS)
    .map((item) => item.trim())
    .filter((item) => item !== '')
  if (items.length > maxItems) return fail('catalogImport.LIST_TOO_MANY', { max: maxItems })
  if (items.some((item) => item.length > itemMax)) return fail('catalogImport.LIST_ITEM_TOO_LONG', { max: itemMax })
  return { ok: true, value: [...new Set(items)] }
}

/** 是/否, true/false, 1/0, Y/N. */
export function parseBool(text: string): TParsed<boolean> {
  const lower = text.toLowerCase()
  if (['是', 'true', '1', 'y', 'yes'].includes(lower)) return { ok: true, value: true }
  if (['否', 'false', '0', 'n', 'no'].includes(lower)) return { ok: true, value: false }
  return fail('catalogImport.BOOL')
}

/**
 * A fixed value: the stored value or its Chinese word.
 * @param words Chinese word per stored value
 */
export function parseOption(
  text: string,
  options: readonly string[],
  words: Readonly<Record<string, string>> = {},
): TParsed<string> {
  if (options.includes(text)) return { ok: true, value: text }
  const found = options.find((option) => words[option] === text)
  if (found !== undefined) return { ok: true, value: found }
  const allowed = [...new Set([...options.map((o) => words[o] ?? o), ...options])]
  return fail('catalogImport.ENUM', { options: allowed.join(' / ') })
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** An e-mail address (the shape z.email() accepts for ordinary addresses). */
export function parseEmail(text: string): TParsed<string> {
  return EMAIL.test(text) && text.length <= 254 ? { ok: true, value: text } : fail('catalogImport.EMAIL')
}

/** A text no longer than `max` characters. */
export function parseText(text: string, max: number): TParsed<string> {
  return text.length <= max ? { ok: true, value: text } : fail('catalogImport.TOO_LONG', { max })
}

/**
 * Undoes the CSV-injection guard of exports (an apostrophe before = + - @), so an exported file imports
 * back unchanged.
 */
export function unguardCsvText(text: string): string {
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text
}
