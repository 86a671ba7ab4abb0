import { sql } from 'kysely'
import { inTransaction, type TDb } from '../../db/transaction.ts'
import type { TSearchDocumentRow } from './search-document.ts'
import { buildSearchSql, type TSearchSqlParams, type TSearchSqlRow } from './search-sql.ts'

/** Rows per INSERT: 1,000 rows × 29 columns stays below PostgreSQL's 65,535 parameters. */
const UPSERT_BATCH = 1000

/** The indexed title and kind of each of these resources (absent ones are not in the index). */
export async function findIndexedTitles(db: TDb, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db
    .selectFrom('search_document')
    .select(['resource_id', 'title', 'kind'])
    .where('resource_id', 'in', ids)
    .execute()
}

/** Inserts documents, or replaces the ones already indexed (by resource id). */
export async function upsertDocuments(db: TDb, rows: readonly TSearchDocumentRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += UPSERT_BATCH) {
    const batch = rows.slice(i, i + UPSERT_BATCH)
    await db
      .insertInto('search_document')
      .values(batch)
      .onConflict((oc) =>
        oc.column('resource_id').doUpdateSet((eb) => {
          const columns = Object.keys(batch[0] ?? {}).filter((c) => c !== 'resource_id') as (keyof TSearchDocumentRow)[]
          return Object.fromEntries([...columns.map((c) => [c, eb.ref(`excluded.${c}`)]), ['indexed_at', sql`now()`]])
        }),
      )
      .execute()
  }
}

/** Deletes the documents of these resources. */
export async function deleteDocuments(db: TDb, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  await db.deleteFrom('search_document').where('resource_id', 'in', ids).execute()
}

/** A change to the number of documents carrying a (title, kind). */
export type TSuggestionDelta = { title: string; kind: string; delta: number; keys: readonly string[] }

async function removeSuggestion(db: TDb, d: TSuggestionDelta): Promise<void> {
  const dropped = await db
    .deleteFrom('search_suggestion')
    .where('title', '=', d.title)
    .where('kind', '=', d.kind)
    .where('doc_count', '<=', -d.delta)
    .returning('title')
    .executeTakeFirst()
  if (dropped) {
    await db.deleteFrom('search_suggestion_key').where('title', '=', d.title).where('kind', '=', d.kind).execute()
    return
  }
  for (const table of ['search_suggestion', 'search_suggestion_key'] as const) {
    await db
      .updateTable(table)
      .set({ doc_count: sql`doc_count + ${d.delta}` })
      .where('title', '=', d.title)
      .where('kind', '=', d.kind)
      .execute()
  }
}

async function addSuggestions(db: TDb, batch: readonly TSuggestionDelta[]): Promise<void> {
  const counts = await db
    .insertInto('search_suggestion')
    .values(batch.map((d) => ({ title: d.title, kind: d.kind, doc_count: d.delta })))
    .onConflict((oc) =>
      oc.columns(['title', 'kind']).doUpdateSet({ doc_count: sql`search_suggestion.doc_count + excluded.doc_count` }),
    )
    .returning(['title', 'kind', 'doc_count'])
    .execute()
  const countOf = new Map(counts.map((c) => [`${c.kind}\u0000${c.title}`, c.doc_count]))
  const keys = batch.flatMap((d) => {
    const docCount = countOf.get(`${d.kind}\u0000${d.title}`) ?? d.delta
    return d.keys.map((key) => ({ key, title: d.title, kind: d.kind, doc_count: docCount }))
  })
  for (let k = 0; k < keys.length; k += UPSERT_BATCH) {
    await db
      .insertInto('search_suggestion_key')
      .values(keys.slice(k, k + UPSERT_BATCH))
      .onConflict((oc) => oc.columns(['title', 'kind', 'key']).doUpdateSet({ doc_count: sql`excluded.doc_count` }))
      .execute()
  }
}

/**
 * Applies suggestion count changes: new titles get their keys, titles whose count drops to zero go away
 * with their keys, and every key carries its title's new count. Rows are touched in (title, kind) order so
 * that concurrent writers on PostgreSQL lock them in the same order.
 */
export async function applySuggestionDeltas(db: TDb, deltas: readonly TSuggestionDelta[]): Promise<void> {
  const sorted = [...deltas].filter((d) => d.delta !== 0).sort((a, b) => (a.title + a.kind < b.title + b.kind ? -1 : 1))
  for (const d of sorted.filter((x) => x.delta < 0)) await removeSuggestion(db, d)
  const added = sorted.filter((d) => d.delta > 0)
  for (let i = 0; i < added.length; i += UPSERT_BATCH) await addSuggestions(db, added.slice(i, i + UPSERT_BATCH))
}

/**
 * The search statement (search-sql.ts): total, facet counts and one page. It runs in its own small
 * transaction with four settings: no sequential scan where an index applies (the planner prices
 * `tsv @@ query` on every row far below its real cost — detoasting each vector — and picked a 153 ms
 * sequential scan over a 4 ms GIN scan on 20,000 documents), no JIT compilation (its start-up costs more
 * than the whole query), work_mem for the set of matches (19,000 matches spilled to disk at 4 MB), and no
 * parallel workers (their start-up costs more than the bounded reads, and a parallel bitmap scan would
 * not return matches in the table's order, which the prefix sample assumes).
 */
export async function searchDocuments(db: TDb, params: TSearchSqlParams): Promise<TSearchSqlRow> {
  return inTransaction(db, async (trx) => {
    await sql`select set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true),
                     set_config('work_mem', '32MB', true),
                     set_config('max_parallel_workers_per_gather', '0', true)`.execute(trx)
    const result = await buildSearchSql(params).execute(trx)
    const row = result.rows[0]
    if (!row) throw new Error('search statement returned no row')
    return row
  })
}

/** The `left(key, n)` indexes hold keys by their first 1–5 characters, most used titles first. */
const HEAD_INDEX_LENGTH = 5

/**
 * Suggestions whose key starts with the prefix, most documents first. A prefix of up to five characters
 * reads the first rows of a `left(key, n)` index already in count order (one character matches thousands
 * of keys; `zhang` 4,000 pinyin keys, 9–22 ms by sorting them); a longer one is selective and uses the
 * pattern index.
 */
export async function findSuggestions(db: TDb, prefix: string, limit: number) {
  const length = [...prefix].length
  const condition =
    length <= HEAD_INDEX_LENGTH
      ? sql`left(key, ${sql.lit(length)}) = ${prefix}`
      : sql`key like ${`${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`
  // several keys of one title share a prefix (its pinyin and its initials): read a few more, keep distinct
  const result = await sql<{ title: string; kind: string; doc_count: number }>`
    select title, kind, max(doc_count) as doc_count
    from (select title, kind, doc_count from search_suggestion_key where ${condition}
          order by doc_count desc limit ${limit * 4}) k
    group by title, kind
    order by doc_count desc, title
    limit ${limit}`.execute(db)
  return result.rows
}
