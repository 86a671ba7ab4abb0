import { z } from 'zod'
import type { TResourceKind } from '../resource-kinds.ts'

/**
 * Kind-specific fields of the catalogue (SPEC §3), declared once and used by the server (validation of
 * `attributes`), the web forms (one input per field) and the Excel/CSV templates (one column per field).
 *
 * A field's `key` is a dotted path into `attributes` (`location.lab`, `feeStandard.externalFen`). Labels are
 * in the web catalogues under `field.<kind>.<key>`; the import templates use `labelZh` as column headers.
 * Money fields (`fen`) are integer fen; import files give yuan with up to 2 decimals.
 */
export type TFieldType = 'text' | 'textarea' | 'int' | 'fen' | 'number' | 'date' | 'enum' | 'list' | 'bool'

export type TFieldDef = {
  key: string
  type: TFieldType
  labelZh: string
  required?: boolean
  /** Longest text, or most list items. */
  max?: number
  /** Values of an `enum` field (stored as given). */
  options?: readonly string[]
  /** Chinese names of coded `options`, same order: import files and templates may use them. */
  optionLabelsZh?: readonly string[]
  /** Lowest/highest value of a number field. */
  min?: number
  maxValue?: number
}

const PRICE_UNITS = ['hour', 'sample', 'item', 'day'] as const
const MATURITY = ['实验室阶段', '小试阶段', '中试阶段', '试生产阶段', '批量生产阶段'] as const

/** Fee standard with the three price tiers (member / internal / external, 内外有别) in fen. */
const FEE_FIELDS: readonly TFieldDef[] = [
  { key: 'feeStandard.unit', type: 'enum', labelZh: '计费单位', options: PRICE_UNITS },
  { key: 'feeStandard.memberFen', type: 'fen', labelZh: '会员价（元）' },
  { key: 'feeStandard.internalFen', type: 'fen', labelZh: '内部价（元）' },
  { key: 'feeStandard.externalFen', type: 'fen', labelZh: '对外价（元）' },
  { key: 'feeStandard.note', type: 'text', labelZh: '收费说明', max: 200 },
]

export const KIND_FIELDS: Record<TResourceKind, readonly TFieldDef[]> = {
  instrument: [
    { key: 'model', type: 'text', labelZh: '规格型号', required: true, max: 100 },
    { key: 'manufacturer', type: 'text', labelZh: '生产厂商', required: true, max: 100 },
    { key: 'country', type: 'text', labelZh: '产地国别', max: 40 },
    { key: 'originalValueFen', type: 'fen', labelZh: '原值（元）' },
    { key: 'purchaseDate', type: 'date', labelZh: '购置日期' },
    { key: 'assetNo', type: 'text', labelZh: '资产编号', max: 40 },
    { key: 'location.lab', type: 'text', labelZh: '所在实验室', max: 100 },
    { key: 'location.address', type: 'text', labelZh: '安放地址', max: 200 },
    { key: 'location.room', type: 'text', labelZh: '房间号', max: 40 },
    { key: 'location.latitude', type: 'number', labelZh: '纬度', min: -90, maxValue: 90 },
    { key: 'location.longitude', type: 'number', labelZh: '经度', min: -180, maxValue: 180 },
    { key: 'indicators', type: 'textarea', labelZh: '主要技术指标', required: true, max: 4000 },
    { key: 'functions', type: 'textarea', labelZh: '主要功能', required: true, max: 2000 },
    { key: 'sampleRequirements', type: 'textarea', labelZh: '样品要求', max: 2000 },
    ...FEE_FIELDS,
    {
      key: 'status',
      type: 'enum',
      labelZh: '运行状态',
      options: ['in_service', 'maintenance', 'retired'],
      optionLabelsZh: ['正常', '维修中', '停用'],
    },
    { key: 'annualHours', type: 'int', labelZh: '年可用机时', min: 0, maxValue: 8784 },
  ],
  lab: [
    { key: 'level', type: 'text', labelZh: '级别', max: 40 },
    { key: 'field', type: 'text', labelZh: '领域', max: 60 },
    { key: 'hostUnit', type: 'text', labelZh: '依托单位', max: 100 },
    { key: 'director', type: 'text', labelZh: '负责人', max: 40 },
    { key: 'areaM2', type: 'int', labelZh: '面积（平方米）', min: 0, maxValue: 10_000_000 },
    { key: 'instrumentCount', type: 'int', labelZh: '仪器数量', min: 0, maxValue: 1_000_000 },
    { key: 'establishedYear', type: 'int', labelZh: '成立年份', min: 1900, maxValue: 2100 },
    { key: 'services', type: 'list', labelZh: '服务内容', max: 20 },
  ],
  expert: [
    { key: 'title', type: 'text', labelZh: '职称', required: true, max: 40 },
    { key: 'position', type: 'text', labelZh: '职务', max: 60 },
    { key: 'degree', type: 'text', labelZh: '学历学位', max: 20 },
    { key: 'unit', type: 'text', labelZh: '工作单位', max: 100 },
    { key: 'department', type: 'text', labelZh: '所在部门', max: 100 },
    { key: 'field', type: 'text', labelZh: '领域', max: 60 },
    { key: 'expertise', type: 'list', labelZh: '专长', required: true, max: 20 },
    { key: 'services', type: 'list', labelZh: '可提供服务', max: 20 },
    { key: 'availability', type: 'text', labelZh: '服务时间与方式', max: 200 },
  ],
  team: [
    { key: 'field', type: 'text', labelZh: '领域', max: 60 },
    { key: 'leader', type: 'text', labelZh: '带头人', required: true, max: 40 },
    { key: 'members', type: 'int', labelZh: '成员人数', min: 1, maxValue: 10_000 },
    { key: 'achievements', type: 'textarea', labelZh: '代表性成果', max: 4000 },
  ],
  achievement: [
    { key: 'field', type: 'text', labelZh: '领域', max: 60 },
    { key: 'maturity', type: 'enum', labelZh: '成熟度', options: MATURITY },
    { key: 'transferMode', type: 'list', labelZh: '转化方式', max: 10 },
    { key: 'referencePriceFen', type: 'fen', labelZh: '参考价格（元）' },
    { key: 'priceNote', type: 'text', labelZh: '价格说明', max: 100 },
    { key: 'awardLevel', type: 'text', labelZh: '获奖情况', max: 100 },
  ],
  patent: [
    { key: 'patentNumber', type: 'text', labelZh: '专利号/公开号', required: true, max: 40 },
    {
      key: 'patentType',
      type: 'enum',
      labelZh: '专利类型',
      required: true,
      options: ['发明专利', '实用新型', '外观设计'],
    },
    { key: 'patentStatus', type: 'text', labelZh: '法律状态', max: 60 },
    { key: 'field', type: 'text', labelZh: '领域', max: 60 },
    { key: 'terms', type: 'text', labelZh: '许可/转让方式', max: 200 },
    { key: 'claimCount', type: 'int', labelZh: '权利要求数', min: 0, maxValue: 1000 },
    { key: 'firstClaim', type: 'textarea', labelZh: '首项权利要求', max: 4000 },
  ],
  service: [
    { key: 'serviceCategory', type: 'text', labelZh: '服务类别', required: true, max: 40 },
    { key: 'priceFen', type: 'fen', labelZh: '价格（元）' },
    { key: 'priceUnit', type: 'text', labelZh: '计价单位', max: 20 },
    { key: 'deliveryDays', type: 'int', labelZh: '交付周期（天）', min: 0, maxValue: 3650 },
    { key: 'process', type: 'textarea', labelZh: '服务流程', max: 2000 },
    { key: 'standards', type: 'text', labelZh: '依据标准', max: 200 },
    { key: 'qualification', type: 'text', labelZh: '资质', max: 100 },
  ],
  literature: [
    { key: 'docType', type: 'text', labelZh: '文献类型', required: true, max: 20 },
    { key: 'subject', type: 'text', labelZh: '学科', max: 60 },
    { key: 'holdings', type: 'text', labelZh: '馆藏与获取方式', max: 200 },
  ],
  dataset: [
    { key: 'format', type: 'text', labelZh: '数据格式', required: true, max: 60 },
    { key: 'size', type: 'text', labelZh: '数据量', max: 40 },
    { key: 'timeSpan', type: 'text', labelZh: '时间范围', max: 60 },
    { key: 'updateFrequency', type: 'text', labelZh: '更新频率', max: 20 },
    { key: 'licence', type: 'text', labelZh: '许可协议', max: 60 },
    { key: 'accessLevel', type: 'enum', labelZh: '开放级别', options: ['公开', '注册用户', '申请审批'] },
  ],
  incubator: [
    { key: 'level', type: 'text', labelZh: '级别', max: 20 },
    { key: 'spaceM2', type: 'int', labelZh: '场地面积（平方米）', min: 0, maxValue: 10_000_000 },
    { key: 'workstations', type: 'int', labelZh: '工位数', min: 0, maxValue: 100_000 },
    { key: 'tenants', type: 'int', labelZh: '在孵企业数', min: 0, maxValue: 100_000 },
    { key: 'services', type: 'list', labelZh: '服务内容', max: 20 },
  ],
  policy: [
    { key: 'issuer', type: 'text', labelZh: '发布机关', required: true, max: 100 },
    { key: 'documentNo', type: 'text', labelZh: '文号', max: 60 },
    { key: 'issuedAt', type: 'date', labelZh: '发布日期', required: true },
    { key: 'level', type: 'text', labelZh: '级别', max: 20 },
    { key: 'note', type: 'text', labelZh: '备注', max: 200 },
  ],
  news: [
    { key: 'topic', type: 'text', labelZh: '栏目', max: 40 },
    { key: 'source', type: 'text', labelZh: '来源', max: 100 },
    { key: 'date', type: 'date', labelZh: '日期', required: true },
  ],
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

const FIELD_SCHEMAS = new WeakMap<TFieldDef, z.ZodType>()

/** The zod schema of one field's value, built once per field (building it per call cost ~0.4 ms a row on imports). */
export function fieldSchema(def: TFieldDef): z.ZodType {
  let schema = FIELD_SCHEMAS.get(def)
  if (!schema) FIELD_SCHEMAS.set(def, (schema = buildFieldSchema(def)))
  return schema
}

function buildFieldSchema(def: TFieldDef): z.ZodType {
  switch (def.type) {
    case 'text':
    case 'textarea':
      return z
        .string()
        .trim()
        .min(def.required ? 1 : 0)
        .max(def.max ?? 200)
    case 'int':
      return z
        .number()
        .int()
        .min(def.min ?? 0)
        .max(def.maxValue ?? Number.MAX_SAFE_INTEGER)
    case 'fen':
      return z.number().int().min(0).max(1e13)
    case 'number':
      return z
        .number()
        .min(def.min ?? -Number.MAX_VALUE)
        .max(def.maxValue ?? Number.MAX_VALUE)
    case 'date':
      return z
        .string()
        .regex(ISO_DATE)
        .refine((v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().startsWith(v), 'not a calendar date')
    case 'enum':
      return z.enum(def.options as [string, ...string[]])
    case 'list':
      return z.array(z.string().trim().min(1).max(60)).max(def.max ?? 20)
    case 'bool':
      return z.boolean()
  }
}

/** Reads a dotted path out of a nested object. */
export function readPath(source: Record<string, unknown>, key: string): unknown {
  let value: unknown = source
  for (const part of key.split('.')) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[part]
  }
  return value
}

/** Writes a dotted path into a nested object, creating the objects on the way. */
export function writePath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.')
  let node = target
  for (const part of parts.slice(0, -1)) {
    const next = node[part]
    if (next === null || typeof next !== 'object') node[part] = {}
    node = node[part] as Record<string, unknown>
  }
  node[parts[parts.length - 1] as string] = value
}

/**
 * One bad field: its key, what is wrong (`required`, or the field's type when the value does not fit it, so
 * callers can word it from the field's definition) and zod's English message.
 */
export type TAttributeIssue = { key: string; code: 'required' | TFieldType; message: string }

/**
 * Checks `attributes` against the kind's fields: required fields present, every declared field of the right
 * type. Keys the kind does not declare are kept as they are (records imported from other platforms carry
 * their own, e.g. `source` attribution and `bookingRules` owned by the booking module).
 * @returns the issues, one per bad field (empty when valid)
 */
export function checkAttributes(kind: TResourceKind, attributes: Record<string, unknown>): TAttributeIssue[] {
  const issues: TAttributeIssue[] = []
  for (const def of KIND_FIELDS[kind]) {
    const value = readPath(attributes, def.key)
    const isEmpty = value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)
    if (isEmpty) {
      if (def.required) issues.push({ key: def.key, code: 'required', message: 'required' })
      continue
    }
    const parsed = fieldSchema(def).safeParse(value)
    if (!parsed.success) {
      issues.push({ key: def.key, code: def.type, message: parsed.error.issues[0]?.message ?? 'invalid' })
    }
  }
  return issues
}
