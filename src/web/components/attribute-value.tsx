import type { ReactNode } from 'react'
import type { TTranslate } from '../i18n/i18n-context.ts'
import { isMessageKey, type TLang } from '../i18n/lang.ts'
import type { TMessageKey } from '../i18n/zh-CN.ts'
import type { TResourceKind } from '../../shared/resource-kinds.ts'
import { formatDate, formatFenAsYuan } from '../lib/format.ts'

const MAX_DEPTH = 3

/** Where an attribute sits: ['location', 'lab'] for attributes.location.lab. */
export type TAttributePath = readonly string[]

/** Language, translate function and, when known, the resource kind (for `field.<kind>.*` and `opt.<kind>.*`). */
export type TFormatContext = { lang: TLang; t: TTranslate; kind?: TResourceKind }

const MONEY_LABEL_UNIT = /\s*(（元）|\(yuan\))$/

/**
 * First catalogue key that exists: the full path (`attr.feeStandard.unit`) wins over the last
 * segment alone (`attr.unit`), because the same name can mean different things in different
 * places (a fee's unit vs. an expert's unit of work).
 */
function findKey(prefix: string, path: TAttributePath, suffix = ''): TMessageKey | undefined {
  const candidates = [`${prefix}.${path.join('.')}${suffix}`, `${prefix}.${path.at(-1) ?? ''}${suffix}`]
  return candidates.find(isMessageKey)
}

/**
 * Label for a kind-specific attribute: the kind's field label `field.<kind>.<path>` (KIND_FIELDS), else the
 * catalogue's `attr.<path>` or `attr.<name>`, otherwise the raw name, so attributes the portal does not
 * know yet are still shown. Money labels lose the form's "（元）": the value shows its unit.
 * @param path where the attribute sits in `attributes`
 * @param kind the resource kind, when known
 * @returns the label text
 */
export function getAttributeLabel(path: TAttributePath, t: TTranslate, kind?: TResourceKind): string {
  const fieldKey = kind ? `field.${kind}.${path.join('.')}` : ''
  if (kind && isMessageKey(fieldKey)) return t(fieldKey).replace(MONEY_LABEL_UNIT, '')
  const key = findKey('attr', path)
  return key ? t(key) : (path.at(-1) ?? '')
}

function formatNumber(name: string, value: number, { lang, t }: TFormatContext): string {
  // Money is stored in fen (integer minor units); the name says so by its suffix.
  if (name.endsWith('Fen')) return formatFenAsYuan(value, lang, t)
  // Coordinates keep every decimal they were given.
  if (/^(lat|lng|latitude|longitude)$/.test(name)) return String(value)
  const number = new Intl.NumberFormat(lang).format(value)
  if (/(^h|H)ours$/.test(name) || name.startsWith('maxHours')) return t('unit.hours', { value: number })
  if (name.endsWith('Minutes')) return t('unit.minutes', { value: number })
  if (name.endsWith('Days')) return t('unit.days', { value: number })
  return number
}

function formatScalar(path: TAttributePath, value: string | number | boolean, context: TFormatContext): string {
  const name = path.at(-1) ?? ''
  if (typeof value === 'boolean') return context.t(value ? 'common.yes' : 'common.no')
  if (typeof value === 'number') return formatNumber(name, value, context)
  // Enum values of the kind's fields (KIND_FIELDS) have `opt.<kind>.<path>.<value>`.
  const optionKey = context.kind ? `opt.${context.kind}.${path.join('.')}.${value}` : ''
  if (context.kind && isMessageKey(optionKey)) return context.t(optionKey)
  // Coded values (status: in_service, fee unit: hour) have catalogue entries `value.<path>.<code>`.
  const valueKey = findKey('value', path, `.${value}`)
  if (valueKey) return context.t(valueKey)
  if (/(Date|At)$/.test(name)) return formatDate(value)
  return value
}

/**
 * Renders one attribute value of any JSON shape: scalars formatted by name (fen → 元, hours,
 * dates, coded values), arrays as lists, objects as labelled lines. Nesting deeper than three
 * levels is shown as JSON rather than dropped.
 * @param path where the value sits in `attributes`, used to pick labels and formats
 * @param value the value as received
 * @returns something React can render
 */
export function renderAttributeValue(path: TAttributePath, value: unknown, context: TFormatContext): ReactNode {
  const { t } = context
  if (value === null || value === undefined || value === '') return t('common.none')
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return <span className="kx-pre-line">{formatScalar(path, value, context)}</span>
  }
  if (path.length > MAX_DEPTH) return JSON.stringify(value)
  if (Array.isArray(value)) {
    if (value.length === 0) return t('common.none')
    return (
      <ul className="kx-attr-list">
        {value.map((item, index) => (
          <li key={index}>{renderAttributeValue(path, item, context)}</li>
        ))}
      </ul>
    )
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value)
    if (entries.length === 0) return t('common.none')
    return (
      <div>
        {entries.map(([name, child]) => (
          <div key={name}>
            {getAttributeLabel([...path, name], t, context.kind)}
            {t('common.colon')}
            {renderAttributeValue([...path, name], child, context)}
          </div>
        ))}
      </div>
    )
  }
  return String(value)
}
