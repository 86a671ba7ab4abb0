import type { Kysely } from 'kysely'
import type { DB } from '../src/server/db/schema.ts'
import {
  gradeOf,
  JUDGED_QUERIES,
  type TJudgedDoc,
  type TJudgedQuery,
} from '../src/server/modules/search/judged-queries.ts'
import type { TSearchService } from '../src/server/modules/search/search.service.ts'
import { ZSearchQuery } from '../src/shared/contracts/search.ts'

/** One judged query's scores. */
export type TQueryScore = { q: string; params: string; precision: number; ndcg: number; relevant: number }

/** Mean scores over the judged queries, and each query's. */
export type TEvaluation = { meanPrecision: number; meanNdcg: number; queries: TQueryScore[] }

const K = 10

function dcg(grades: readonly number[]): number {
  return grades.slice(0, K).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0)
}

async function scoreQuery(
  search: TSearchService,
  query: TJudgedQuery,
  docs: ReadonlyMap<string, TJudgedDoc>,
): Promise<TQueryScore> {
  const result = await search.search(ZSearchQuery.parse({ q: query.q, ...query.params, pageSize: K }))
  const grades = result.items.map((item) => {
    const doc = docs.get(item.id)
    return doc ? gradeOf(query, doc) : 0
  })
  // the ideal ranking: every document of the index graded, best first (filters apply to the ideal too)
  const ideal = [...docs.values()]
    .filter((doc) => matchesParams(doc, query.params))
    .map((doc) => gradeOf(query, doc))
    .filter((g) => g > 0)
    .sort((a, b) => b - a)
  const relevantShown = grades.filter((g) => g > 0).length
  const idealDcg = dcg(ideal)
  return {
    q: query.q,
    params: new URLSearchParams(query.params ?? {}).toString(),
    precision: ideal.length === 0 ? 0 : relevantShown / Math.min(K, ideal.length),
    ndcg: idealDcg === 0 ? 0 : dcg(grades) / idealDcg,
    relevant: ideal.length,
  }
}

function matchesParams(doc: TJudgedDoc, params: TJudgedQuery['params']): boolean {
  if (params?.kind && doc.kind !== params.kind) return false
  if (params?.region && !doc.regionCode.startsWith(params.region.replace(/0+$/, ''))) return false
  return true
}

/**
 * Runs every judged query through the search service over the indexed demo data and scores the first
 * ten results: precision@10 (relevant results among the first ten, out of at most ten that exist) and
 * nDCG@10 (graded gain 2^grade − 1 against the ideal order of every indexed document).
 * @param db the database holding the indexed demo data
 * @param search the search service over it
 */
export async function evaluateJudgedQueries(db: Kysely<DB>, search: TSearchService): Promise<TEvaluation> {
  const rows = await db
    .selectFrom('search_document')
    .select(['resource_id', 'kind', 'title', 'summary', 'tags', 'region_code'])
    .execute()
  const docs = new Map(
    rows.map((r) => [
      r.resource_id,
      { kind: r.kind, title: r.title, summary: r.summary, tags: r.tags, regionCode: r.region_code },
    ]),
  )
  const queries: TQueryScore[] = []
  for (const query of JUDGED_QUERIES) queries.push(await scoreQuery(search, query, docs))
  const mean = (f: (s: TQueryScore) => number) => queries.reduce((sum, s) => sum + f(s), 0) / queries.length
  return { meanPrecision: mean((s) => s.precision), meanNdcg: mean((s) => s.ndcg), queries }
}
