import { KIND_FIELDS, type TFieldDef, type TFieldType } from '#shared/catalog/kind-fields.ts'
import type { TResourceKind } from '#shared/resource-kinds.ts'

/**
 * The columns of a kind's import template, export and error report (issue 4 item 4): the core columns of
 * ZResourceContent, then the kind's own fields (KIND_FIELDS), each headed by its Chinese label. One list,
 * so that an export can be edited and imported again.
 */

/** Column types: the kind fields' types plus the coded and contact columns of the core. */
export type TColumnType = TFieldType | 'region' | 'discipline' | 'industry' | 'nrii' | 'phone' | 'email'

/** Where a column's value goes: a core field of the content, a contact field, or a dotted attribute path. */
export type TColumnTarget =
  { to: 'core'; key: TCoreKey } | { to: 'contact'; key: 'name' | 'phone' | 'email' } | { to: 'attr'; key: string }

export type TCoreKey =
  | 'title'
  | 'summary'
  | 'tags'
  | 'regionCode'
  | 'disciplineCode'
  | 'industryCode'
  | 'category'
  | 'sharingLevel'
  | 'audience'

export type TColumn = {
  /** Header text (Chinese), unique within the kind. */
  label: string
  target: TColumnTarget
  type: TColumnType
  required: boolean
  /** Longest text, or most list items. */
  max?: number
  /** Longest list item. */
  itemMax?: number
  min?: number
  maxValue?: number
  /** Stored values of an enum column. */
  options?: readonly string[]
  /** What a file may write for each stored value (the Chinese word); the stored value itself is accepted too. */
  aliases?: Readonly<Record<string, string>>
  /** One line for the 填写说明 sheet, besides type, required and allowed values. */
  note?: string
}

/** Chinese words for enum values stored in English (the web catalogues use the same words). */
const SHARING_ALIASES = { free: '免费', paid: '收费' } as const
const AUDIENCE_ALIASES = { public: '公开', network: '平台网络内' } as const
const PRICE_UNIT_ALIASES = { hour: '按机时', sample: '按样品', item: '按项目', day: '按天' } as const

/** Chinese words of coded enum fields that kind-fields.ts does not label (optionLabelsZh), by field key. */
const FIELD_ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'feeStandard.unit': PRICE_UNIT_ALIASES,
}

/** The label of the extra column an error report adds; an import ignores a column with this header. */
export const ERROR_NOTE_LABEL = '错误说明'

function coreColumns(kind: TResourceKind): TColumn[] {
  const category: TColumn =
    kind === 'instrument'
      ? {
          label: '仪器分类代码',
          target: { to: 'core', key: 'category' },
          type: 'nrii',
          required: false,
          note: '大型科研仪器分类（本平台编码），如 0101 电子光学仪器；见“仪器分类代码”表',
        }
      : { label: '分类', target: { to: 'core', key: 'category' }, type: 'text', required: false, max: 40 }
  return [
    { label: '资源名称', target: { to: 'core', key: 'title' }, type: 'text', required: true, max: 300 },
    { label: '简介', target: { to: 'core', key: 'summary' }, type: 'textarea', required: false, max: 4000 },
    {
      label: '关键词',
      target: { to: 'core', key: 'tags' },
      type: 'list',
      required: false,
      max: 20,
      itemMax: 30,
    },
    {
      label: '所在地区代码',
      target: { to: 'core', key: 'regionCode' },
      type: 'region',
      required: true,
      note: 'GB/T 2260 六位行政区划代码（市或区县级），如 231002 牡丹江市东安区；见“地区代码”表',
    },
    {
      label: '学科代码',
      target: { to: 'core', key: 'disciplineCode' },
      type: 'discipline',
      required: false,
      note: 'GB/T 13745 学科代码（3 或 5 位），如 430 材料科学、43020；见“学科代码”表',
    },
    {
      label: '行业代码',
      target: { to: 'core', key: 'industryCode' },
      type: 'industry',
      required: false,
      note: 'GB/T 4754 行业代码：门类字母加大类/中类数字，如 M、M74、M745；见“行业代码”表',
    },
    category,
    {
      label: '共享方式',
      target: { to: 'core', key: 'sharingLevel' },
      type: 'enum',
      required: true,
      options: ['free', 'paid'],
      aliases: SHARING_ALIASES,
    },
    {
      label: '开放范围',
      target: { to: 'core', key: 'audience' },
      type: 'enum',
      required: false,
      options: ['public', 'network'],
      aliases: AUDIENCE_ALIASES,
      note: '留空为“公开”',
    },
    { label: '联系人', target: { to: 'contact', key: 'name' }, type: 'text', required: false, max: 40 },
    {
      label: '联系电话',
      target: { to: 'contact', key: 'phone' },
      type: 'phone',
      required: false,
      note: '填写联系人时必填，5–30 个字符',
    },
    { label: '联系邮箱', target: { to: 'contact', key: 'email' }, type: 'email', required: false },
  ]
}

/** The Chinese words of a field's coded options: its own optionLabelsZh, else ours. */
function aliasesOf(def: TFieldDef): Readonly<Record<string, string>> | undefined {
  const labels = def.optionLabelsZh
  if (!labels || !def.options) return FIELD_ALIASES[def.key]
  return Object.fromEntries(def.options.map((option, i) => [option, labels[i] ?? option]))
}

function fieldColumn(def: TFieldDef): TColumn {
  const aliases = aliasesOf(def)
  return {
    label: def.labelZh,
    target: { to: 'attr', key: def.key },
    type: def.type,
    required: def.required === true,
    ...(def.max === undefined ? {} : { max: def.max }),
    ...(def.type === 'list' ? { itemMax: 60 } : {}),
    ...(def.min === undefined ? {} : { min: def.min }),
    ...(def.maxValue === undefined ? {} : { maxValue: def.maxValue }),
    ...(def.options === undefined ? {} : { options: def.options }),
    ...(aliases === undefined ? {} : { aliases }),
  }
}

const CACHE = new Map<TResourceKind, readonly TColumn[]>()

/**
 * The columns of a kind, in file order: core columns, then the kind's fields.
 * @param kind the kind of resource
 * @returns the columns (the same array on every call)
 */
export function columnsOf(kind: TResourceKind): readonly TColumn[] {
  let columns = CACHE.get(kind)
  if (!columns) {
    columns = Object.freeze([...coreColumns(kind), ...KIND_FIELDS[kind].map(fieldColumn)])
    CACHE.set(kind, columns)
  }
  return columns
}

/** How a stored enum value is written in a file: its Chinese word if it has one. */
export function displayOption(column: TColumn, value: string): string {
  return column.aliases?.[value] ?? value
}

/** Every word a file may use for an enum column (Chinese words first, then the stored values). */
export function allowedWords(column: TColumn): string[] {
  const options = column.options ?? []
  const words = options.map((o) => displayOption(column, o))
  return [...new Set([...words, ...options])]
}

/** Chinese name of a column type, for the 填写说明 sheet. */
export const TYPE_NAMES_ZH: Record<TColumnType, string> = {
  text: '文本',
  textarea: '长文本（可换行）',
  int: '整数',
  fen: '金额（元，最多两位小数，不可为负；可用千分位逗号，如 1,200.50）',
  number: '数字',
  date: '日期（YYYY-MM-DD）',
  enum: '固定取值',
  list: '多项（用分号“；”或顿号“、”分隔）',
  bool: '是/否',
  region: '地区代码',
  discipline: '学科代码',
  industry: '行业代码',
  nrii: '仪器分类代码',
  phone: '电话',
  email: '电子邮箱',
}
