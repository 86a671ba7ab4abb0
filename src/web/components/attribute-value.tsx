import type { ReactNode } from 'react'
import type { TTranslate } from '../i18n/i18n-context.ts'
import { isMessageKey, type TLang } from '../i18n/lang.ts'
import { formatDate, formatFenAsYuan } from '../lib/format.ts'

const MAX_DEPTH = 3

type TFormatContext = { lang: TLang; t: TTranslate }

/**
 * Label for a kind-specific attribute: the catalogue's `attr.<key>` when there is one, otherwise
 * the raw key, so attributes the portal does not know yet are still shown.
 * @param key attribute name as the server sends it
 * @returns the label text
 */
export function getAttributeLabel(key: string, t: TTranslate): string {
  const messageKey = `attr.${key}`
  return isMessageKey(messageKey) ? t(messageKey) : key
}

function formatScalar(key: string, value: string | number | boolean, { lang, t }: TFormatContext): string {
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no')
  if (typeof value === 'number') {
    // Money is stored in fen (integer minor units); the key says so by its suffix.
    if (key.endsWith('Fen')) return formatFenAsYuan(value, lang, t)
    const number = new Intl.NumberFormat(lang).format(value)
    if (key === 'deliveryDays') return t('unit.days', { value: number })
    if (key === 'annualHours') return t('unit.hours', { value: number })
    return number
  }
  const statusKey = `status.${value}`
  if (key === 'status' && isMessageKey(statusKey)) return t(statusKey)
  if (/(Date|At)$/.test(key)) return formatDate(value)
  return value
}

/**
 * Renders one attribute value of any JSON shape: scalars formatted by key (fen → 元, dates,
 * known status values), arrays as lists, objects as labelled lines. Nesting deeper than three
 * levels is shown as JSON rather than dropped.
 * @param key the attribute name, used to pick a format
 * @param value the value as received
 * @returns something React can render
 */
export function renderAttributeValue(key: string, value: unknown, context: TFormatContext, depth = 0): ReactNode {
  if (value === null || value === undefined || value === '') return context.t('common.none')
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return <span className="kx-pre-line">{formatScalar(key, value, context)}</span>
  }
  if (depth >= MAX_DEPTH) return JSON.stringify(value)
  if (Array.isArray(value)) {
    if (value.length === 0) return context.t('common.none')
    return (
      <ul className="kx-attr-list">
        {value.map((item, index) => (
          <li key={index}>{renderAttributeValue(key, item, context, depth + 1)}</li>
        ))}
      </ul>
    )
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value)
    if (entries.length === 0) return context.t('common.none')
    return (
      <div>
        {entries.map(([childKey, childValue]) => (
          <div key={childKey}>
            {getAttributeLabel(childKey, context.t)}
            {context.t('common.colon')}
            {renderAttributeValue(childKey, childValue, context, depth + 1)}
          </div>
        ))}
      </div>
    )
  }
  return String(value)
}
