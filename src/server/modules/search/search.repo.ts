import { sql } from 'kysely'
import type { TDb } from '../../db/transaction.ts'
import type { TSearchDocumentRow } from './search-document.ts'
import { buildSearchSql, type TSearchSqlParams, type TSearchSqlRow } from './search-sql.ts'

/** Rows per INSERT: 1,000 rows × 29 columns stays below PostgreSQL's 65,535 parameters. */
const UPSERT_BATCH = 1000

/** The indexed title and kind of each of these resources (absent ones are not in the index). */
export async function findIndexedTitles(db: TDb, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db.selectFrom('search_document').select(['resource_id', 'title', 'kind']).where('resource_id', 'in', ids).execute()
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

/**
 * Applies suggestion count changes: new titles get their keys, titles whose count drops to zero go away
 * with their keys. Rows are touched in (title, kind) order so that concurrent writers on
 * PostgreSQL lock them in the same order.
 */
export async function applySuggestionDeltas(db: TDb, deltas: readonly TSuggestionDelta[]): Promise<void> {
  const sorted = [...deltas].filter((d) => d.delta !== 0).sort((a, b) => (a.title + a.kind < b.title + b.kind ? -1 : 1))
  const gone = sorted.filter((d) => d.delta < 0)
  for (const d of gone) {
    const match = (q: typeof db) =>
      q.deleteFrom('search_suggestion').where('title', '=', d.title).where('kind', '=', d.kind)
    const dropped = await match(db).where('doc_count', '<=', -d.delta).returning('title').executeTakeFirst()
    if (dropped) {
      await db.deleteFrom('search_suggestion_key').where('title', '=', d.title).where('kind', '=', d.kind).execute()
      continue
    }
    await db
      .updateTable('search_suggestion')
      .set({ doc_count: sql`doc_count + ${d.delta}` })
      .where('title', '=', d.title)
      .where('kind', '=', d.kind)
      .execute()
  }
  const added = sorted.filter((d) => d.delta > 0)
  for (let i = 0; i < added.length; i += UPSERT_BATCH) {
    const batch = added.slice(i, i + UPSERT_BATCH)
    await db
      .insertInto('search_suggestion')
      .values(batch.map((d) => ({ title: d.title, kind: d.kind, doc_count: d.delta })))
      .onConflict((oc) => oc.columns(['title', 'kind']).doUpdateSet({ doc_count: sql`search_suggestion.doc_count + excluded.doc_count` }))
      .execute()
    const keys = batch.flatMap((d) => d.keys.map((key) => ({ key, title: d.title, kind: d.kind })))
    for (let k = 0; k < keys.length; k += UPSERT_BATCH) {
      await db.insertInto('search_suggestion_key').values(keys.slice(k, k + UPSERT_BATCH)).onConflict((oc) => oc.doNothing()).execute()
    }
  }
}

/** The search statement (search-sql.ts): total, facet counts and one page. */
export async function searchDocuments(db: TDb, params: TSearchSqlParams): Promise<TSearchSqlRow> {
  const result = await buildSearchSql(params).execute(db)
  const row = result.rows[0]
  if (!row) throw new Error('search statement returned no row')
  return row
}

/** Suggestions whose key starts with the prefix, most documents first. */
export async function findSuggestions(db: TDb, prefix: string, limit: number) {
  const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const result = await sql<{ title: string; kind: string; doc_count: number }>`
    select s.title, s.kind, s.doc_count
    from search_suggestion s
    where (s.title, s.kind) in (select k.title, k.kind from search_suggestion_key k where k.key like ${pattern})
    order by s.doc_count desc, s.title
    limit ${limit}`.execute(db)
  return result.rows
}
