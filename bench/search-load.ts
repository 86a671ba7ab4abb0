import { existsSync } from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { RESOURCE_COPY_COLUMNS } from '../scripts/demo/copy-text.ts'
import { indexUnindexedResources } from '../scripts/demo/gen-index.ts'
import { createGenRowMaker, createResourceCopyStream, loadOwnersAndNodes } from '../scripts/demo/gen-stream.ts'
import { DEFAULT_NOW, DEFAULT_SEED, seedDemoData } from '../scripts/demo/index.ts'
import { toResourceInsert } from '../scripts/demo/insert.ts'
import { migrate } from '../src/server/db/migrate.ts'
import { openDatabase, type TDatabase } from '../src/server/db/pool.ts'
import { inTransaction } from '../src/server/db/transaction.ts'
import { BENCH_PG_URL } from './harness.ts'

/**
 * Benchmark catalogues for the search benchmark, kept between runs because loading them takes minutes:
 * PostgreSQL database `kx_bench_search_1m` and a PGlite data directory under .tmp/. A catalogue that
 * already holds the wanted number of documents is reused as it is.
 */

const GEN_SEED = DEFAULT_SEED + 11
const INSERT_BATCH = 500

async function countDocuments(database: TDatabase): Promise<number> {
  const { rows } = await database.pool.query<{ n: number }>('select count(*) as n from search_document')
  return Number(rows[0]?.n ?? 0)
}

async function countResources(database: TDatabase): Promise<number> {
  const { rows } = await database.pool.query<{ n: number }>(
    `select count(*) as n from resource where status = 'published'`,
  )
  return Number(rows[0]?.n ?? 0)
}

async function prepare(database: TDatabase, log: (line: string) => void): Promise<void> {
  await migrate(database.pool)
  const { rows } = await database.pool.query('select 1 from platform_node limit 1')
  if (rows.length === 0) {
    log('  loading the demo data …')
    await seedDemoData(database.db)
  }
}

async function copyRows(database: TDatabase, count: number): Promise<void> {
  const { owners, nodeNames } = await loadOwnersAndNodes(database)
  const source = createResourceCopyStream({ total: count, seed: GEN_SEED, now: DEFAULT_NOW, owners, nodeNames })
  const client = await database.pool.connect()
  try {
    await pipeline(source, client.query(copyFrom(`COPY resource (${RESOURCE_COPY_COLUMNS.join(', ')}) FROM STDIN`)))
  } finally {
    client.release()
  }
}

/** PGlite has no COPY FROM STDIN through the socket: the same rows with batched INSERTs. */
async function insertRows(database: TDatabase, count: number): Promise<void> {
  const { owners, nodeNames } = await loadOwnersAndNodes(database)
  const make = createGenRowMaker({ seed: GEN_SEED, now: DEFAULT_NOW, owners, nodeNames })
  for (let done = 0; done < count; done += INSERT_BATCH) {
    const rows = Array.from({ length: Math.min(INSERT_BATCH, count - done) }, () => {
      const { id: _id, ...row } = toResourceInsert(make())
      return row
    })
    await inTransaction(database.db, (trx) => trx.insertInto('resource').values(rows).execute())
  }
}

async function fill(database: TDatabase, target: number, log: (line: string) => void): Promise<void> {
  await prepare(database, log)
  const missing = target - (await countResources(database))
  if (missing > 0) {
    const started = performance.now()
    log(`  adding ${missing.toLocaleString('en')} resources …`)
    await (database.kind === 'postgres' ? copyRows(database, missing) : insertRows(database, missing))
    log(`  … in ${((performance.now() - started) / 1000).toFixed(0)} s`)
  }
  const started = performance.now()
  const indexed = await indexUnindexedResources(database, {
    seed: GEN_SEED,
    batch: 2000,
    onMerge: () => log('  merging the GIN pending lists …'),
  })
  if (indexed > 0)
    log(`  indexed ${indexed.toLocaleString('en')} documents in ${((performance.now() - started) / 1000).toFixed(0)} s`)
}

/**
 * The PostgreSQL benchmark catalogue with at least `target` documents (database kx_bench_search_1m,
 * created on first use).
 */
export async function openPostgresCatalogue(target: number, log: (line: string) => void): Promise<TDatabase> {
  const name = 'kx_bench_search_1m'
  const admin = new pg.Client({ connectionString: BENCH_PG_URL })
  await admin.connect()
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name])
  if (exists.rowCount === 0) await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(BENCH_PG_URL)
  url.pathname = `/${name}`
  const database = await openDatabase({ url: url.toString(), maxConnections: 4 })
  if ((await countDocuments(database).catch(() => 0)) < target) await fill(database, target, log)
  return database
}

/** The PGlite benchmark catalogue with at least `target` documents, in .tmp/bench-search-pglite-<target>. */
export async function openPgliteCatalogue(target: number, log: (line: string) => void): Promise<TDatabase> {
  const dataDir = path.resolve(`.tmp/bench-search-pglite-${target}`)
  if (!existsSync(dataDir)) log(`  creating ${path.relative(process.cwd(), dataDir)} …`)
  const database = await openDatabase({ dataDir })
  if ((await countDocuments(database).catch(() => 0)) < target) await fill(database, target, log)
  return database
}
