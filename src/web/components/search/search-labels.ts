import type { TFacetBucket } from '../../../shared/contracts/search.ts'
import { RESOURCE_KINDS } from '../../../shared/resource-kinds.ts'
import type { TTranslate } from '../../i18n/i18n-context.ts'
import type { TLang } from '../../i18n/lang.ts'
import { formatFenAsYuan } from '../../lib/format.ts'

/** GB/T 4754-2017 门类, A–T: the "search by industry" list (names in the web catalogues, both languages). */
export const INDUSTRY_SECTIONS = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'Q',
  'R',
  'S',
  'T',
] as const
export type TIndustrySection = (typeof INDUSTRY_SECTIONS)[number]

/** Kinds' own categories the server leaves unlabelled and the catalogues translate. */
export const CATEGORY_CODES = [
  'invention',
  'utility_model',
  'design',
  'journal_article',
  'thesis',
  'conference_paper',
  'testing',
  'rnd_design',
  'consulting',
  'incubation',
  'ip',
  'transfer',
  'provincial',
  'municipal',
] as const
type TCategoryCode = (typeof CATEGORY_CODES)[number]

/** Facets whose buckets this module can label. */
export type TFacetName = 'kind' | 'region' | 'category' | 'discipline' | 'industry' | 'org' | 'sharing'

function isOneOf<T extends string>(value: string, list: readonly T[]): value is T {
  return (list as readonly string[]).includes(value)
}

/**
 * The name to show for a facet value: the industry 门类 and known category codes in the current
 * language, kinds and sharing levels from the catalogues, otherwise the server's label (code tables,
 * unit names) or the value itself (a kind's own Chinese category such as 法律).
 * @returns the label
 */
export function facetLabel(facet: TFacetName, bucket: Pick<TFacetBucket, 'value' | 'label'>, t: TTranslate): string {
  const { value } = bucket
  if (facet === 'industry' && isOneOf(value, INDUSTRY_SECTIONS)) return t(`industry.${value}`)
  if (facet === 'kind' && isOneOf(value, RESOURCE_KINDS)) return t(`kind.${value}`)
  if (facet === 'sharing' && (value === 'free' || value === 'paid')) return t(`sharing.${value}`)
  if (facet === 'category' && isOneOf<TCategoryCode>(value, CATEGORY_CODES)) return t(`searchCategory.${value}`)
  return bucket.label ?? value
}

/**
 * A price bucket's or a chosen range's label in yuan: "免费", "100.00 元 – 500.00 元", "1,000.00 元 以上".
 * @param minFen lowest price in fen
 * @param maxFen highest price in fen, or null / undefined for no upper bound
 * @returns the label
 */
export function priceRangeLabel(
  minFen: number | undefined,
  maxFen: number | null | undefined,
  lang: TLang,
  t: TTranslate,
): string {
  if (maxFen === 0) return t('search.priceFree')
  const min = formatFenAsYuan(minFen ?? 0, lang, t)
  if (maxFen === null || maxFen === undefined) return t('search.priceFrom', { min })
  return t('search.priceRange', { min, max: formatFenAsYuan(maxFen, lang, t) })
}
