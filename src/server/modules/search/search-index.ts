import type { TDb } from '../../db/transaction.ts'
import { inTransaction } from '../../db/transaction.ts'
import { buildSearchDocument, isSearchable, type TIndexableResource } from './search-document.ts'
import * as repo from './search.repo.ts'
import { suggestionKeys } from './suggestion-keys.ts'

/** What an index call did. */
export type TIndexResult = { indexed: number; removed: number }

type TTitleKind = { title: string; kind: string }

/** +1 for every new (title, kind), −1 for every old one; keys only for titles that gain documents. */
function suggestionDeltas(before: readonly TTitleKind[], after: readonly TTitleKind[]): repo.TSuggestionDelta[] {
  const counts = new Map<string, { title: string; kind: string; delta: number }>()
  const add = (t: TTitleKind, by: number) => {
    const key = `${t.kind}\u0000${t.title}`
    const entry = counts.get(key) ?? { title: t.title, kind: t.kind, delta: 0 }
    entry.delta += by
    counts.set(key, entry)
  }
  for (const t of before) add(t, -1)
  for (const t of after) add(t, +1)
  return [...counts.values()]
    .filter((d) => d.delta !== 0)
    .map((d) => ({ ...d, keys: d.delta > 0 ? suggestionKeys(d.title, d.kind) : [] }))
}

/**
 * Brings the index in line with these resources: published ones are (re)indexed, the others removed.
 * Documents are built (jieba, pinyin) before the transaction starts, so the database connection is held
 * only for the writes — on the embedded database it is the only one.
 * @param db the database or an open transaction to join
 * @param rows resources with their owner's name; a repeated id counts once (the last row wins)
 */
export async function indexResources(db: TDb, rows: readonly TIndexableResource[]): Promise<TIndexResult> {
  const unique = [...new Map(rows.map((r) => [r.id, r])).values()]
  const docs = unique.filter(isSearchable).map(buildSearchDocument)
  const hidden = unique.filter((r) => !isSearchable(r)).map((r) => r.id)
  return inTransaction(db, async (trx) => {
    const before = await repo.findIndexedTitles(
      trx,
      unique.map((r) => r.id),
    )
    const hiddenIndexed = new Set(before.map((b) => b.resource_id))
    const removed = hidden.filter((id) => hiddenIndexed.has(id))
    await repo.upsertDocuments(trx, docs)
    await repo.deleteDocuments(trx, removed)
    await repo.applySuggestionDeltas(trx, suggestionDeltas(before, docs))
    return { indexed: docs.length, removed: removed.length }
  })
}

/**
 * Takes resources out of the index (unpublished, taken offline, deleted) and their titles out of the
 * suggestions when no other document carries them.
 * @param db the database or an open transaction to join
 * @param ids resource ids; ids not in the index are ignored
 * @returns how many documents were removed
 */
export async function removeFromIndex(db: TDb, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0
  return inTransaction(db, async (trx) => {
    const before = await repo.findIndexedTitles(trx, [...new Set(ids)])
    await repo.deleteDocuments(
      trx,
      before.map((b) => b.resource_id),
    )
    await repo.applySuggestionDeltas(trx, suggestionDeltas(before, []))
    return before.length
  })
}
