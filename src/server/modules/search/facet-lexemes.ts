import { quoteLexeme } from './tsvector.ts'

/**
 * Filter values written into the document's tsvector as extra lexemes without positions (`kind:instrument`,
 * `prov:230000`, `org:<uuid>` …), so the GIN index resolves "these words AND these filters" by itself and
 * the heap is read only for documents that pass every filter (measured at 20,000 documents on PostgreSQL:
 * a province filter discarded 170 of 222 fetched rows). The same values also sit in plain columns, which
 * the facet counts group by. A colon never occurs inside a jieba token, so these cannot collide with words.
 */

/** The filterable values of a document. */
export type TFacetValues = {
  kind: string
  provinceCode: string
  cityCode: string
  regionCode: string
  ownerOrgId: string
  disciplineCode: string | null
  industryCode: string | null
  category: string | null
  categoryTop: string | null
  sharingLevel: string
}

/** Each level of a hierarchical code: 43025 → 430, 43025; M745 → M, M74, M745. */
function levels(code: string | null, first: number, step: number): string[] {
  if (!code) return []
  const out: string[] = []
  for (let n = first; n <= code.length; n += step) out.push(code.slice(0, n))
  return out
}

/**
 * The filter lexemes of a document.
 * @param v its filterable values
 */
export function facetLexemes(v: TFacetValues): string[] {
  const category = [...new Set([v.categoryTop, v.category].filter((c): c is string => Boolean(c)))]
  return [
    `kind:${v.kind}`,
    `prov:${v.provinceCode}`,
    `city:${v.cityCode}`,
    `reg:${v.regionCode}`,
    `org:${v.ownerOrgId}`,
    `share:${v.sharingLevel}`,
    ...levels(v.disciplineCode, 3, 2).map((c) => `dis:${c}`),
    ...levels(v.industryCode, 1, 1)
      .filter((c) => c.length !== 2)
      .map((c) => `ind:${c}`),
    ...category.map((c) => `cat:${c}`),
  ]
}

/** Filters as the search statement receives them (kinds are left out: the kind facet ignores them). */
export type TLexemeFilters = {
  region: { column: 'province_code' | 'city_code' | 'region_code'; code: string } | null
  discipline: string | null
  industry: string | null
  category: string | null
  orgId: string | null
  sharing: string | null
}

const REGION_PREFIX = { province_code: 'prov', city_code: 'city', region_code: 'reg' } as const

/**
 * The filter part of a tsquery: every given filter as a required lexeme.
 * @param f the filters
 * @param kinds kinds to require (any of them), or [] for none
 * @returns e.g. `'prov:230000' & 'org:…'`, or '' when nothing is filtered
 */
export function filterTsquery(f: TLexemeFilters, kinds: readonly string[] = []): string {
  const parts: string[] = []
  if (kinds.length > 0) parts.push(kindTsquery(kinds))
  if (f.region) parts.push(quoteLexeme(`${REGION_PREFIX[f.region.column]}:${f.region.code}`))
  if (f.discipline) parts.push(quoteLexeme(`dis:${f.discipline}`))
  if (f.industry) parts.push(quoteLexeme(`ind:${f.industry}`))
  if (f.category) parts.push(quoteLexeme(`cat:${f.category}`))
  if (f.orgId) parts.push(quoteLexeme(`org:${f.orgId}`))
  if (f.sharing) parts.push(quoteLexeme(`share:${f.sharing}`))
  return parts.join(' & ')
}

/**
 * The kind filter as lexemes: any of the kinds.
 * @param kinds resource kinds
 * @returns e.g. `( 'kind:instrument' | 'kind:lab' )`, or '' for none
 */
export function kindTsquery(kinds: readonly string[]): string {
  if (kinds.length === 0) return ''
  return `( ${kinds.map((k) => quoteLexeme(`kind:${k}`)).join(' | ')} )`
}
