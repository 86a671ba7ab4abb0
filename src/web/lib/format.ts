import dayjs from 'dayjs'
import type { TTranslate } from '../i18n/i18n-context.ts'
import type { TLang } from '../i18n/lang.ts'

const FEN_PER_WAN_YUAN = 1_000_000
const FEN_PER_MILLION_YUAN = 100_000_000
const FEN_PER_YUAN = 100

/**
 * Formats a large amount in fen the way each audience reads it: 万元 with zh-CN grouping in
 * Chinese (e.g. "12,345.67 万元"), millions of yuan in English.
 * @param fen integer amount in fen
 * @returns the formatted amount with its unit
 */
export function formatFenLarge(fen: number, lang: TLang, t: TTranslate): string {
  if (lang === 'zh-CN') {
    const value = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(fen / FEN_PER_WAN_YUAN)
    return t('unit.wanYuan', { value })
  }
  const value = new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(fen / FEN_PER_MILLION_YUAN)
  return t('unit.millionYuan', { value })
}

/**
 * Formats an amount in fen as yuan with two decimals, e.g. "1,200.00 元".
 * @param fen integer amount in fen
 * @returns the formatted amount with its unit
 */
export function formatFenAsYuan(fen: number, lang: TLang, t: TTranslate): string {
  const value = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    fen / FEN_PER_YUAN,
  )
  return t('unit.yuan', { value })
}

/**
 * Formats an ISO date or timestamp as a calendar date (YYYY-MM-DD), the form both languages
 * use on this portal. Unparseable input is shown as written.
 * @param value ISO 8601 string
 * @returns the date text
 */
export function formatDate(value: string): string {
  const date = dayjs(value)
  return date.isValid() ? date.format('YYYY-MM-DD') : value
}

/**
 * Formats an ISO timestamp as local date and time to the minute (YYYY-MM-DD HH:mm).
 * @param value ISO 8601 string
 * @returns the date-time text, or the input when it cannot be parsed
 */
export function formatDateTime(value: string): string {
  const date = dayjs(value)
  return date.isValid() ? date.format('YYYY-MM-DD HH:mm') : value
}
