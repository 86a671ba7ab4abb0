/**
 * `npm run gen -- --resources 1000000 [--database-url postgres://…] [--seed N]`
 *
 * Appends a benchmark-size catalogue of published resources to a PostgreSQL database with
 * `COPY resource (…) FROM STDIN`, generated on the fly (constant memory), then indexes them for search
 * (the search service's indexResources, in batches). Runs the migrations first and loads the demo data
 * when the database is empty, so the rows have organisations and nodes to point to.
 * Deterministic for a seed, except the ids, which the database assigns (so runs can be repeated).
 */
import { pipeline } from 'node:stream/promises'
import { parseArgs } from 'node:util'
import { from as copyFrom } from 'pg-copy-streams'
import { migrate } from '#server/db/migrate.ts'
import { openDatabase, type TDatabase } from '#server/db/pool.ts'
import { RESOURCE_COPY_COLUMNS } from './demo/copy-text.ts'
import { indexUnindexedResources } from './demo/gen-index.ts'
import { createResourceCopyStream, loadOwnersAndNodes } from './demo/gen-stream.ts'
import { DEFAULT_NOW, DEFAULT_SEED, seedDemoData } from './demo/index.ts'
import { createProgress } from './demo/progress.ts'

const USAGE = 'Usage: npm run gen -- --resources N [--database-url postgres://…] [--seed N]'

type TArgs = { total: number; url: string; seed: number }

function parseCli(): TArgs | string {
  const { values } = parseArgs({
    options: {
      resources: { type: 'string', default: '1000000' },
      'database-url': { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return USAGE
  const total = Number(values.resources?.replaceAll('_', ''))
  if (!Number.isSafeInteger(total) || total < 1) return `--resources must be a positive integer. ${USAGE}`
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed)
  if (!Number.isSafeInteger(seed)) return `--seed must be an integer. ${USAGE}`
  const url = values['database-url'] ?? process.env.DATABASE_URL ?? ''
  if (!/^postgres(ql)?:\/\//.test(url)) {
    return `npm run gen writes with COPY to a PostgreSQL server, not to the embedded PGlite.\nSet DATABASE_URL=postgres://… or pass --database-url postgres://…\n${USAGE}`
  }
  return { total, url, seed }
}

async function copyResources(database: TDatabase, args: TArgs): Promise<{ rows: number; ms: number }> {
  const { owners, nodeNames } = await loadOwnersAndNodes(database)
  if (owners.length === 0) throw new Error('the database has nodes but no approved organisation to own resources')
  const progress = createProgress({ total: args.total, unit: 'rows' })
  const source = createResourceCopyStream({
    total: args.total,
    seed: args.seed,
    now: DEFAULT_NOW,
    owners,
    nodeNames,
    onProgress: (n) => progress.update(n),
  })
  const client = await database.pool.connect()
  const started = performance.now()
  try {
    const sink = client.query(copyFrom(`COPY resource (${RESOURCE_COPY_COLUMNS.join(', ')}) FROM STDIN`))
    await pipeline(source, sink)
    progress.finish(sink.rowCount)
    return { rows: sink.rowCount, ms: performance.now() - started }
  } finally {
    client.release()
  }
}

async function main(): Promise<number> {
  const args = parseCli()
  if (typeof args === 'string') {
    console.error(args)
    return args === USAGE ? 0 : 2
  }
  const t0 = performance.now()
  const database = await openDatabase({ url: args.url, maxConnections: 2 })
  try {
    await migrate(database.pool)
    const hasNodes = await database.db.selectFrom('platform_node').select('id').limit(1).executeTakeFirst()
    if (!hasNodes) {
      console.error(`${database.label} is empty: loading the demo data first (seed ${args.seed}) …`)
      await seedDemoData(database.db, { seed: args.seed })
    }
    console.error(`Copying ${args.total.toLocaleString('en')} resources into ${database.label} …`)
    const copied = await copyResources(database, args)
    const t1 = performance.now()
    await database.pool.query('analyze resource')
    const analyzeSeconds = (performance.now() - t1) / 1000
    const rate = Math.round(copied.rows / (copied.ms / 1000))
    console.log(
      `Copied ${copied.rows.toLocaleString('en')} rows in ${(copied.ms / 1000).toFixed(1)} s ` +
        `(${rate.toLocaleString('en')} rows/s); analyze ${analyzeSeconds.toFixed(1)} s`,
    )
    console.error('Indexing the new resources for search …')
    const t2 = performance.now()
    const indexing = createProgress({ total: copied.rows, unit: 'documents' })
    const indexed = await indexUnindexedResources(database, { seed: args.seed, onProgress: (n) => indexing.update(n) })
    indexing.finish(indexed)
    const indexSeconds = (performance.now() - t2) / 1000
    console.log(
      `Indexed ${indexed.toLocaleString('en')} documents in ${indexSeconds.toFixed(1)} s ` +
        `(${Math.round(indexed / indexSeconds).toLocaleString('en')} docs/s); total ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    )
    return 0
  } finally {
    await database.close()
  }
}

process.exitCode = await main()
