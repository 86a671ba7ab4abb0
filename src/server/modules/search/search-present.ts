import { findDiscipline, findIndustry, findInstrumentCategory, findRegion, regionPath } from '#shared/codes/index.ts'
import type { TFacetBucket, TSearchItem, TSearchResponse } from '#shared/contracts/search.ts'
import type { TResourceKind } from '#shared/resource-kinds.ts'
import { highlight } from './highlight.ts'
import { pinyinMatchRanges } from './pinyin.ts'
import type { TFacetSqlRow, TItemSqlRow } from './search-sql.ts'

/** Characters of summary shown around the first match. */
const SNIPPET_LENGTH = 120

/** What the presenter needs to know about the query to highlight it. */
export type THighlightQuery = { terms: readonly string[]; pinyinKey: string | null }

/**
 * One result as the API shows it, with its title and a summary snippet highlighted.
 * @param row a row of the search statement
 * @param query the terms (and the pinyin key) to mark
 */
export function presentItem(row: TItemSqlRow, query: THighlightQuery): TSearchItem {
  const ranges = query.pinyinKey ? pinyinMatchRanges(row.title, query.pinyinKey, row.kind === 'expert') : []
  return {
    id: row.id,
    kind: row.kind as TResourceKind,
    title: row.title,
    summary: row.summary,
    highlight: {
      title: highlight(row.title, query.terms, { ranges }),
      summary: highlight(row.summary, query.terms, { maxLength: SNIPPET_LENGTH }),
    },
    tags: row.tags,
    owner: { id: row.owner_org_id, name: row.owner_name },
    regionCode: row.region_code,
    regionName: regionPath(row.region_code),
    sharingLevel: row.sharing_level === 'free' ? 'free' : 'paid',
    priceFen: row.price_fen === null ? null : Number(row.price_fen),
    popularity: row.popularity,
    publishedAt: new Date(row.published_at).toISOString(),
    distanceKm: row.distance_km === null ? null : Math.round(row.distance_km * 10) / 10,
  }
}

type TFacetName = 'kind' | 'region' | 'discipline' | 'industry' | 'category' | 'org' | 'sharing' | 'price'

function labelOf(facet: TFacetName, row: TFacetSqlRow): string | null {
  switch (facet) {
    case 'region':
      return findRegion(row.value)?.name ?? null
    case 'discipline':
      return findDiscipline(row.value)?.name ?? null
    case 'industry':
      return findIndustry(row.value)?.name ?? null
    case 'category':
      return /^\d{2}$/.test(row.value) ? (findInstrumentCategory(row.value)?.name ?? null) : null
    case 'org':
      return row.label
    default:
      return null
  }
}

const byCount = (a: TFacetBucket, b: TFacetBucket) => b.count - a.count || (a.value < b.value ? -1 : 1)

/**
 * The facet counts grouped by facet, labelled from the code tables, most matches first (price buckets
 * from cheap to dear).
 * @param rows the facet rows of the search statement
 * @param regionLevel what the region rows count by
 */
export function presentFacets(
  rows: readonly TFacetSqlRow[],
  regionLevel: TSearchResponse['facets']['regionLevel'],
): TSearchResponse['facets'] {
  const buckets = (facet: TFacetName) =>
    rows
      .filter((r) => r.facet === facet && r.value !== null)
      .map((r) => ({ value: r.value, label: labelOf(facet, r), count: Number(r.n) }))
      .sort(byCount)
  const price = buckets('price')
    .map((b) => {
      const [min, max] = b.value.split('-')
      return { ...b, minFen: Number(min), maxFen: max ? Number(max) : null }
    })
    .sort((a, b) => a.minFen - b.minFen)
  return {
    kind: buckets('kind'),
    region: buckets('region'),
    regionLevel,
    discipline: buckets('discipline'),
    industry: buckets('industry'),
    category: buckets('category'),
    org: buckets('org'),
    sharing: buckets('sharing'),
    price,
  }
}
