import type { TDatabase } from '#server/db/pool.ts'
import { createSearchService } from '#server/modules/search/index.ts'
import { createRng } from './prng.ts'
import { demoPopularity, INDEX_BATCH, toIndexable } from './search-index.ts'

const NO_ID = '00000000-0000-0000-0000-000000000000'

/** Above this many rows to index, the GIN indexes are dropped first and rebuilt at the end. */
export const BULK_THRESHOLD = 50_000

export type TIndexAllOptions = {
  /** Seed of the demo usage counts (popularity). */
  seed: number
  /** Rows per indexResources call. */
  batch?: number
  onProgress?: (indexed: number) => void
  /** Called before the GIN indexes are rebuilt after a bulk load (it takes a while). */
  onRebuild?: () => void
}

/**
 * Runs `load` with the search document's GIN indexes (lexemes, trigrams) dropped, then recreates them
 * from their own definitions: building a GIN index once is several times cheaper than updating it row by
 * row (measured on PostgreSQL 15: 10,000 documents inserted in 6.3 s with the indexes, 2.2 s without).
 * Only for loads nobody searches during (gen, benchmarks).
 */
async function withoutGinIndexes<T>(database: TDatabase, load: () => Promise<T>, onRebuild?: () => void): Promise<T> {
  const { rows } = await database.pool.query<{ indexname: string; indexdef: string }>(
    `select indexname, indexdef from pg_indexes where tablename = 'search_document' and indexdef like '%USING gin%'`,
  )
  for (const index of rows) await database.pool.query(`drop index ${index.indexname}`)
  try {
    return await load()
  } finally {
    onRebuild?.()
    const client = await database.pool.connect()
    try {
      if (database.kind === 'postgres') await client.query(`set maintenance_work_mem = '512MB'`)
      for (const index of rows) await client.query(index.indexdef)
    } finally {
      client.release()
    }
  }
}

/**
 * Indexes every published resource that has no search document yet (after `npm run gen` copied rows
 * in, or a benchmark inserted them), in id order, through the search service's `indexResources`; above
 * BULK_THRESHOLD rows with the GIN indexes dropped and rebuilt at the end.
 * The next batch is read and tokenised while the previous one is being written, so with two connections
 * Node's jieba work and the database's index writes overlap.
 * @param database an open database (PostgreSQL: give it at least two connections)
 * @param options seed, batch size, progress callback
 * @returns how many documents were written
 */
export async function indexUnindexedResources(database: TDatabase, options: TIndexAllOptions): Promise<number> {
  const pending = await countUnindexed(database)
  const indexed =
    pending > BULK_THRESHOLD
      ? await withoutGinIndexes(database, () => indexInBatches(database, options), options.onRebuild)
      : await indexInBatches(database, options)
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
  let last = NO_ID
  let indexed = 0
  let writing: Promise<unknown> = Promise.resolve()
  for (;;) {
    const rows = await database.db
      .selectFrom('resource as r')
      .innerJoin('organisation as o', 'o.id', 'r.owner_org_id')
      .selectAll('r')
      .select('o.name as owner_name')
      .where('r.status', '=', 'published')
      .where('r.id', '>', last)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('search_document as d').select('d.resource_id').whereRef('d.resource_id', '=', 'r.id'))),
      )
      .orderBy('r.id')
      .limit(batch)
      .execute()
    const lastRow = rows[rows.length - 1]
    if (!lastRow) break
    last = lastRow.id
    const docs = rows.map((r) => toIndexable(r, r.owner_name, demoPopularity(popularity, r.kind)))
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
