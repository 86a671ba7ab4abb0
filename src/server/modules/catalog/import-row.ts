import { cityCodeOf, findDiscipline, findIndustry, findInstrumentCategory, findRegion } from '#shared/codes/index.ts'
import {
  parseBool,
  parseDate,
  parseDecimal,
  parseEmail,
  parseInteger,
  parseList,
  parseOption,
  parseText,
  parseYuanToFen,
  type TParsed,
} from './import-cells.ts'
import type { TColumn } from './template-columns.ts'

/**
 * One cell of one column → its stored value (issue 4 item 4): types, ranges, fixed values and the code
 * tables (GB/T 2260 region, GB/T 13745 discipline, GB/T 4754 industry, NRII category). Empty cells never
 * reach these parsers; required columns are checked by the row validator.
 */

const fail = (key: string, vars?: Record<string, string | number>): TParsed<never> =>
  vars ? { ok: false, key, vars } : { ok: false, key }

/** A GB/T 2260 code of a city or district (a province has no city; municipalities count as their city). */
export function parseRegion(text: string): TParsed<{ regionCode: string; cityCode: string }> {
  if (!/^\d{6}$/.test(text)) return fail('catalogImport.REGION_FORMAT')
  if (!findRegion(text)) return fail('catalogImport.REGION_UNKNOWN')
  const cityCode = cityCodeOf(text)
  if (!cityCode) return fail('catalogImport.REGION_NOT_CITY')
  return { ok: true, value: { regionCode: text, cityCode } }
}

/** A GB/T 13745 一级 (3 digits) or 二级 (5 digits) code from the table. */
export function parseDiscipline(text: string): TParsed<string> {
  if (!/^\d{3}(\d{2})?$/.test(text) || !findDiscipline(text)) return fail('catalogImport.DISCIPLINE_UNKNOWN')
  return { ok: true, value: text }
}

/**
 * A GB/T 4754 code as displayed: 门类 letter, optionally followed by the 大类 or 中类 digits of that 门类
 * ('M', 'M74', 'M745'); a 小类 (4 digits) is accepted when its 中类 exists. Lower-case letters are raised.
 */
export function parseIndustry(text: string): TParsed<string> {
  const code = text.toUpperCase()
  const match = /^([A-T])(\d{2,4})?$/.exec(code)
  if (!match || !findIndustry(match[1] as string)) return fail('catalogImport.INDUSTRY_UNKNOWN')
  const digits = match[2]
  if (digits === undefined) return { ok: true, value: code }
  const known = findIndustry(digits.length === 4 ? digits.slice(0, 3) : digits)
  const isUnderLetter = known !== null && known.ancestors[0]?.code === match[1]
  return isUnderLetter ? { ok: true, value: code } : fail('catalogImport.INDUSTRY_UNKNOWN')
}

/** An NRII instrument category code of this platform ('01', '0101'). */
export function parseInstrumentCategory(text: string): TParsed<string> {
  return findInstrumentCategory(text) ? { ok: true, value: text } : fail('catalogImport.CATEGORY_UNKNOWN')
}

/** A phone number as the contact holds it (ZContact: 5–30 characters, e.g. '0453-6123456 转 8'). */
export function parsePhone(text: string): TParsed<string> {
  if (text.length < 5 || text.length > 30) return fail('catalogImport.PHONE')
  return { ok: true, value: text }
}

/**
 * Parses one non-empty cell for its column.
 * @param column the column's definition
 * @param text the cell's text (trimmed, not empty)
 * @returns the stored value (for a region: region and city codes) or the problem's message key
 */
export function parseCell(column: TColumn, text: string): TParsed<unknown> {
  switch (column.type) {
    case 'text':
    case 'textarea':
      return parseText(text, column.max ?? 200)
    case 'int':
      return parseInteger(text, column.min ?? 0, column.maxValue ?? Number.MAX_SAFE_INTEGER)
    case 'fen':
      return parseYuanToFen(text)
    case 'number':
      return parseDecimal(text, column.min ?? -Number.MAX_VALUE, column.maxValue ?? Number.MAX_VALUE)
    case 'date':
      return parseDate(text)
    case 'enum':
      return parseOption(text, column.options ?? [], column.aliases)
    case 'list':
      return parseList(text, column.max ?? 20, column.itemMax ?? 60)
    case 'bool':
      return parseBool(text)
    case 'region':
      return parseRegion(text)
    case 'discipline':
      return parseDiscipline(text)
    case 'industry':
      return parseIndustry(text)
    case 'nrii':
      return parseInstrumentCategory(text)
    case 'phone':
      return parsePhone(text)
    case 'email':
      return parseEmail(text)
  }
}
