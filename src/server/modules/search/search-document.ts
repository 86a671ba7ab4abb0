import type { Insertable } from 'kysely'
import { regionPath } from '#shared/codes/index.ts'
import type { SearchDocumentTable } from '../../db/schema.ts'
import { facetLexemes } from './facet-lexemes.ts'
import { pinyinOf } from './pinyin.ts'
import { normalizeText, tokenizeText, tokenizeTitle } from './tokenizer.ts'
import { buildTsvector } from './tsvector.ts'

/**
 * What the search index needs of a resource: the catalogue's row plus its owner's name. The catalogue,
 * the demo seed and `npm run gen` hand these to `indexResources`.
 */
export type TIndexableResource = {
  id: string
  kind: string
  title: string
  summary: string
  tags: readonly string[]
  owner_org_id: string
  /** The owner unit's name: shown in results and searchable (weight D). */
  owner_name: string
  region_code: string
  city_code: string
  discipline_code: string | null
  industry_code: string | null
  category: string | null
  sharing_level: string
  status: string
  published_at: Date | string | null
  attributes: Readonly<Record<string, unknown>>
  /** Usage count (bookings, orders, consultations); default: the expert's service record, else 0. */
  popularity?: number
}

export type TSearchDocumentRow = Insertable<SearchDocumentTable>

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

/** Attribute fields that work as keywords (weight B), whichever kind has them. */
const KEYWORD_FIELDS = [
  'model',
  'manufacturer',
  'field',
  'discipline',
  'patentNumber',
  'serviceCategory',
  'leader',
  'director',
  'issuer',
  'documentNo',
  'topic',
  'title',
  'department',
]
const KEYWORD_LISTS = ['keywords', 'expertise', 'members']
/** Attribute fields that describe (weight C). */
const DESCRIPTION_FIELDS = ['functions', 'achievements']
const DESCRIPTION_LISTS = ['services']

/**
 * Words naming each kind, indexed with weight D, so queries that name the kind find it: 孵化器 牡丹江,
 * 高温合金 专家, 数据集 水质.
 */
const KIND_WORDS: Readonly<Record<string, string>> = {
  instrument: '仪器 设备 大型仪器',
  lab: '实验室 研究中心 科研平台',
  expert: '专家 人才',
  team: '团队 科研团队',
  achievement: '成果 科技成果',
  patent: '专利',
  service: '服务 科技服务',
  literature: '文献 论文',
  dataset: '数据 数据集 科学数据',
  incubator: '孵化器 孵化 园区',
  policy: '政策 法规 政策法规',
  news: '新闻 动态 资讯',
}

const memo = new Map<string, string[]>()
const MEMO_LIMIT = 100_000

/** tokenizeText for short strings that repeat across documents (tags, unit names, regions, functions). */
function tokensOfRepeated(value: string): string[] {
  if (value.length > 200) return tokenizeText(value)
  let hit = memo.get(value)
  if (!hit) {
    if (memo.size >= MEMO_LIMIT) memo.clear()
    hit = tokenizeText(value)
    memo.set(value, hit)
  }
  return hit
}

function titleTokens(title: string): string[] {
  let hit = memo.get(`\u0000${title}`)
  if (!hit) {
    if (memo.size >= MEMO_LIMIT) memo.clear()
    hit = tokenizeTitle(title)
    memo.set(`\u0000${title}`, hit)
  }
  return hit
}

function keywordTokens(row: TIndexableResource, attrs: Record<string, unknown>): string[] {
  const values = [
    ...row.tags,
    ...KEYWORD_FIELDS.map((f) => text(attrs[f])),
    ...KEYWORD_LISTS.flatMap((f) => texts(attrs[f])),
  ]
  // a tag is also a lexeme as a whole (`gc-ms`, `中药指纹图谱`), besides its words
  return values.filter(Boolean).flatMap((v) => {
    const whole = normalizeText(v).trim()
    const words = tokensOfRepeated(v)
    return words.includes(whole) || whole.length > 30 || whole.includes(' ') ? words : [whole, ...words]
  })
}

function descriptionTokens(row: TIndexableResource, attrs: Record<string, unknown>): string[] {
  const extra = [...DESCRIPTION_FIELDS.map((f) => text(attrs[f])), ...DESCRIPTION_LISTS.flatMap((f) => texts(attrs[f]))]
  // instrument summaries already contain their functions: do not count those words twice
  const parts = extra.filter((v) => v && !row.summary.includes(v))
  return [...tokenizeText(row.summary), ...parts.flatMap(tokensOfRepeated)]
}

/** Lowest external price in fen: instrument fee, service price or achievement reference price. */
export function priceOf(attrs: Readonly<Record<string, unknown>>, sharingLevel: string): number | null {
  const fee = num(record(attrs.feeStandard).externalFen)
  const price = fee ?? num(attrs.priceFen) ?? num(attrs.referencePriceFen)
  if (price !== null) return Math.max(0, Math.round(price))
  return sharingLevel === 'free' ? 0 : null
}

function coordinates(attrs: Readonly<Record<string, unknown>>): { lat: number | null; lng: number | null } {
  const location = record(attrs.location)
  const lat = num(location.latitude)
  const lng = num(location.longitude)
  if (lat === null || lng === null || Math.abs(lat) > 90 || Math.abs(lng) > 180) return { lat: null, lng: null }
  return { lat, lng }
}

/**
 * The search document of a published resource: weighted lexemes (A title, B keywords, C description,
 * D owner, region and the words naming its kind), pinyin of the title, and the facet columns.
 * @param row a published resource with its owner's name
 * @returns the row to upsert into search_document
 */
export function buildSearchDocument(row: TIndexableResource): TSearchDocumentRow {
  const attrs = row.attributes as Record<string, unknown>
  const title = titleTokens(row.title)
  const context = [row.owner_name, regionPath(row.region_code), KIND_WORDS[row.kind] ?? '']
  const py = pinyinOf(row.title, row.kind === 'expert')
  const serviceCount = num(record(attrs.serviceRecord).count)
  const facets = facetColumns(row)
  const bare = facetLexemes({
    kind: row.kind,
    provinceCode: facets.province_code,
    cityCode: row.city_code,
    regionCode: row.region_code,
    ownerOrgId: row.owner_org_id,
    disciplineCode: row.discipline_code,
    industryCode: row.industry_code,
    category: row.category,
    categoryTop: facets.category_top,
    sharingLevel: row.sharing_level,
  })
  const fields = {
    A: title,
    B: keywordTokens(row, attrs),
    C: descriptionTokens(row, attrs),
    D: context.flatMap(tokensOfRepeated),
  }
  return {
    resource_id: row.id,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    tags: [...row.tags],
    names: normalizeText([row.title, text(attrs.model), text(attrs.manufacturer)].filter(Boolean).join(' ')),
    title_py: py.full,
    title_initials: py.initials,
    tsv: buildTsvector({ ...fields, bare }),
    title_tsv: buildTsvector({ A: title }),
    owner_org_id: row.owner_org_id,
    owner_name: row.owner_name,
    region_code: row.region_code,
    city_code: row.city_code,
    ...facets,
    sharing_level: row.sharing_level,
    price_fen: priceOf(attrs, row.sharing_level),
    popularity: Math.max(0, Math.round(row.popularity ?? serviceCount ?? 0)),
    published_at: row.published_at ?? new Date(0),
    ...coordinates(attrs),
  }
}

/** The derived facet columns: province, first-level discipline, industry 门类, first-level category. */
function facetColumns(row: TIndexableResource) {
  return {
    province_code: `${row.region_code.slice(0, 2)}0000`,
    discipline_code: row.discipline_code,
    discipline_top: row.discipline_code?.slice(0, 3) ?? null,
    industry_code: row.industry_code,
    industry_section: row.industry_code?.slice(0, 1) ?? null,
    category: row.category,
    // NRII instrument categories are two digits per level; other kinds use a single-level word
    category_top: row.category && row.kind === 'instrument' ? row.category.slice(0, 2) : row.category,
  }
}

/** True when the resource belongs in the index: published, with a publication time. */
export function isSearchable(row: Pick<TIndexableResource, 'status' | 'published_at'>): boolean {
  return row.status === 'published' && row.published_at !== null
}
