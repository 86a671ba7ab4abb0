import type { TDatabase } from '#server/db/pool.ts'
import { createSearchService } from '#server/modules/search/index.ts'
import { createRng } from './prng.ts'
import { demoPopularity, INDEX_BATCH, toIndexable } from './search-index.ts'

const NO_ID = '00000000-0000-0000-0000-000000000000'

/** Above this many rows to index, the GIN indexes collect new entries in their pending lists. */
export const BULK_THRESHOLD = 50_000

export type TIndexAllOptions = {
  /** Seed of the demo usage counts (popularity). */
  seed: number
  /** Rows per indexResources call. */
  batch?: number
  onProgress?: (indexed: number) => void
  /** Called before the pending lists are merged at the end of a bulk load (it takes a while). */
  onMerge?: () => void
}

async function ginIndexes(database: TDatabase): Promise<string[]> {
  const { rows } = await database.pool.query<{ indexname: string }>(
    `select indexname from pg_indexes where tablename = 'search_document' and indexdef like '%USING gin%'`,
  )
  return rows.map((r) => r.indexname)
}

/**
 * Runs `load` with the search document's GIN indexes in fast-update mode (new entries are appended to a
 * pending list, up to 256 MB each), then merges the lists and switches fast update off again — the mode
 * searches need (see 0009_search.sql). Inserting 10,000 documents with fast update off took 6.3 s against
 * 2.2 s without the indexes. Unlike dropping and rebuilding the indexes, an interrupted load leaves them
 * valid: the next run switches the mode back. Only for loads nobody searches during (gen, benchmarks).
 */
async function withPendingLists<T>(database: TDatabase, load: () => Promise<T>, onMerge?: () => void): Promise<T> {
  const indexes = await ginIndexes(database)
  for (const index of indexes) {
    await database.pool.query(`alter index ${index} set (fastupdate = on, gin_pending_list_limit = 262144)`)
  }
  const result = await load()
  onMerge?.()
  await finishBulkLoad(database)
  return result
}

/** Switches fast update off and merges whatever the pending lists hold (also after an interrupted load). */
async function finishBulkLoad(database: TDatabase): Promise<void> {
  for (const index of await ginIndexes(database)) {
    await database.pool.query(`alter index ${index} set (fastupdate = off)`)
    await database.pool.query(`alter index ${index} reset (gin_pending_list_limit)`)
    await database.pool.query(`select gin_clean_pending_list('${index}'::regclass)`)
  }
}

/**
 * Indexes every published resource that has no search document yet (after `npm run gen` copied rows
 * in, or a benchmark inserted them), in id order, through the search service's `indexResources`; above
 * BULK_THRESHOLD rows with the GIN indexes in fast-update mode until the end.
 * The next batch is read and tokenised while the previous one is being written, so with two connections
 * Node's jieba work and the database's index writes overlap.
 * @param database an open database (PostgreSQL: give it at least two connections)
 * @param options seed, batch size, progress callback
 * @returns how many documents were written
 */
export async function indexUnindexedResources(database: TDatabase, options: TIndexAllOptions): Promise<number> {
  await database.pool.query('analyze resource')
  const pending = await countUnindexed(database)
  const indexed =
    pending > BULK_THRESHOLD
      ? await withPendingLists(database, () => indexInBatches(database, options), options.onMerge)
      : await indexInBatches(database, options)
  if (pending <= BULK_THRESHOLD) await finishBulkLoad(database)
  await database.pool.query('analyze search_document')
  return indexed
}

async function countUnindexed(database: TDatabase): Promise<number> {
  const { rows } = await database.pool.query<{ n: number }>(
    `select count(*) as n from resource r where r.status = 'published'
       and not exists (select 1 from search_document d where d.resource_id = r.id)`,
  )
  return Number(rows[0]?.n ?? 0)
}

async function indexInBatches(database: TDatabase, options: TIndexAllOptions): Promise<number> {
  const search = createSearchService({ db: database.db })
  const popularity = createRng(options.seed, 'gen-popularity')
  const batch = options.batch ?? INDEX_BATCH
  const orgs = await database.db.selectFrom('organisation').select(['id', 'name']).execute()
  const ownerNames = new Map(orgs.map((o) => [o.id, o.name]))
  let last = NO_ID
  let indexed = 0
  let writing: Promise<unknown> = Promise.resolve()
  for (;;) {
    // keyset over the primary key, no join: the already indexed are skipped by primary-key lookups below
    // (an anti join here made the planner scan the whole catalogue for every batch)
    const page = await database.db
      .selectFrom('resource')
      .selectAll()
      .where('status', '=', 'published')
      .where('id', '>', last)
      .orderBy('id')
      .limit(batch)
      .execute()
    const lastRow = page[page.length - 1]
    if (!lastRow) break
    last = lastRow.id
    const done = await database.db
      .selectFrom('search_document')
      .select('resource_id')
      .where(
        'resource_id',
        'in',
        page.map((r) => r.id),
      )
      .execute()
    const indexedIds = new Set(done.map((d) => d.resource_id))
    const rows = page.filter((r) => !indexedIds.has(r.id))
    const docs = rows.map((r) =>
      toIndexable(r, ownerNames.get(r.owner_org_id) ?? '', demoPopularity(popularity, r.kind)),
    )
    await writing
    // indexResources tokenises synchronously, then writes in its own transaction while we read on; a
    // failure is rethrown by the `await writing` of the next round (the catch only defers it)
    const pending = search.indexResources(docs)
    pending.catch(() => undefined)
    writing = pending
    indexed += rows.length
    options.onProgress?.(indexed)
  }
  await writing
  return indexed
}
