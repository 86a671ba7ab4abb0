import { z } from 'zod'
import { ZResourceKind } from './catalog.ts'

export const SEARCH_SORTS = ['relevance', 'newest', 'popular', 'nearest'] as const

/**
 * Query of GET /api/search. Every filter is optional; without `q` the endpoint browses by the filters
 * (search by industry, search by service unit). Money is in fen, like every amount in the API.
 */
export const ZSearchQuery = z
  .object({
    q: z.string().trim().max(100).default(''),
    kind: z.union([ZResourceKind, z.array(ZResourceKind).max(12)]).optional(),
    /** GB/T 2260 code of a province, city or district: matches everything inside it. */
    region: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
    /** GB/T 13745 discipline: first level (3 digits) or below (5 or 7 digits). */
    discipline: z
      .string()
      .regex(/^\d{3}(\d{2}){0,2}$/)
      .optional(),
    /** GB/T 4754 industry: 门类 letter ('M') or letter + digits ('M745'). */
    industry: z
      .string()
      .regex(/^[A-T](\d{2,4})?$/)
      .optional(),
    /** Category: an NRII instrument class ('01', '0104') or a kind's own category ('testing', '法律'). */
    category: z.string().trim().min(1).max(40).optional(),
    /** Owner unit (search by service unit). */
    orgId: z.uuid().optional(),
    sharing: z.enum(['free', 'paid']).optional(),
    /** Lowest external price, in fen, inclusive. */
    priceMin: z.coerce.number().int().min(0).max(1e13).optional(),
    priceMax: z.coerce.number().int().min(0).max(1e13).optional(),
    sort: z.enum(SEARCH_SORTS).default('relevance'),
    /** Where the user is: required by sort=nearest. */
    lat: z.coerce.number().min(-90).max(90).optional(),
    lng: z.coerce.number().min(-180).max(180).optional(),
    page: z.coerce.number().int().min(1).max(500).default(1),
    pageSize: z.coerce.number().int().min(1).max(50).default(20),
  })
  .superRefine((query, ctx) => {
    if (query.priceMin !== undefined && query.priceMax !== undefined && query.priceMax < query.priceMin) {
      ctx.addIssue({
        code: 'too_small',
        origin: 'number',
        minimum: query.priceMin,
        inclusive: true,
        input: query.priceMax,
        path: ['priceMax'],
      })
    }
    const needsPlace = query.sort === 'nearest' || query.lat !== undefined || query.lng !== undefined
    for (const key of ['lat', 'lng'] as const) {
      if (needsPlace && query[key] === undefined) {
        ctx.addIssue({ code: 'invalid_type', expected: 'number', input: undefined, path: [key] })
      }
    }
  })
export type TSearchQuery = z.infer<typeof ZSearchQuery>

/** A highlighted string: HTML-escaped text with `<mark>` around the matched words; render it as HTML. */
const ZHighlighted = z.string()

export const ZSearchItem = z.object({
  id: z.uuid(),
  kind: ZResourceKind,
  title: z.string(),
  summary: z.string(),
  highlight: z.object({ title: ZHighlighted, summary: ZHighlighted }),
  tags: z.array(z.string()),
  owner: z.object({ id: z.uuid(), name: z.string() }),
  regionCode: z.string(),
  regionName: z.string(),
  sharingLevel: z.enum(['free', 'paid']),
  /** Lowest external price in fen (instrument fee, service price, achievement reference price), if any. */
  priceFen: z.number().int().nullable(),
  popularity: z.number().int(),
  publishedAt: z.string(),
  /** Distance from lat/lng in km when sorting by nearest and the resource has coordinates. */
  distanceKm: z.number().nullable(),
})
export type TSearchItem = z.infer<typeof ZSearchItem>

export const ZFacetBucket = z.object({
  value: z.string(),
  /** Name from the code tables (regions, disciplines, industries, NRII classes, units); null: translate `value`. */
  label: z.string().nullable(),
  count: z.number().int(),
})
export type TFacetBucket = z.infer<typeof ZFacetBucket>

export const ZPriceBucket = ZFacetBucket.extend({ minFen: z.number().int(), maxFen: z.number().int().nullable() })

export const ZSearchFacets = z.object({
  /** Counted without the kind filter, so kind tabs show every kind's count. */
  kind: z.array(ZFacetBucket),
  /** Provinces; the cities of the selected province; the districts of the selected city. */
  region: z.array(ZFacetBucket),
  regionLevel: z.enum(['province', 'city', 'district']),
  /** First-level GB/T 13745 disciplines. */
  discipline: z.array(ZFacetBucket),
  /** GB/T 4754 门类. */
  industry: z.array(ZFacetBucket),
  /** First-level categories (NRII classes for instruments). */
  category: z.array(ZFacetBucket),
  /** Owner units, the 20 with the most matches. */
  org: z.array(ZFacetBucket),
  sharing: z.array(ZFacetBucket),
  price: z.array(ZPriceBucket),
})

export const ZSearchResponse = z.object({
  items: z.array(ZSearchItem),
  /**
   * Number of matches: exact up to about 2,000; above, estimated from a uniform random sample
   * (`totalExact` false: show it as approximate, 约 12,000).
   */
  total: z.number().int(),
  /** False when `total` is an estimate. Absent from older servers: exact. */
  totalExact: z.boolean().default(true),
  /** False when facet counts are estimates (large match sets); they are then rounded sample counts. */
  facetsExact: z.boolean().default(true),
  page: z.number().int(),
  pageSize: z.number().int(),
  facets: ZSearchFacets,
  /**
   * words: every word matched (through synonyms or pinyin too) · fuzzy: nothing did, these are near
   * spellings of titles and model numbers · partial: only some words matched · browse: no query.
   */
  matchMode: z.enum(['words', 'fuzzy', 'partial', 'browse']),
  /** The words, pieces and synonyms the query was searched with (for highlighting elsewhere). */
  terms: z.array(z.string()),
  tookMs: z.number(),
})
export type TSearchResponse = z.infer<typeof ZSearchResponse>

/** Query of GET /api/search/suggest. */
export const ZSuggestQuery = z.object({ q: z.string().trim().min(1).max(50) })
export type TSuggestQuery = z.infer<typeof ZSuggestQuery>

export const ZSuggestResponse = z.object({
  items: z.array(z.object({ text: z.string(), kind: ZResourceKind, count: z.number().int() })),
})
export type TSuggestResponse = z.infer<typeof ZSuggestResponse>
