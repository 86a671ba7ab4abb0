import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { from as copyFrom } from 'pg-copy-streams'
import type { TDatabase } from '../src/server/db/pool.ts'
import { resourceCopyLine, RESOURCE_COPY_COLUMNS } from '../scripts/demo/copy-text.ts'
import { createGenRowMaker, createResourceCopyStream, loadOwnersAndNodes } from '../scripts/demo/gen-stream.ts'
import { DEFAULT_NOW, DEFAULT_SEED } from '../scripts/demo/index.ts'
import { isPostgresReachable, openSeededDatabase, type TBenchmark } from './harness.ts'

const ROWS = 50_000

async function copy(database: TDatabase, source: Readable): Promise<number> {
  const client = await database.pool.connect()
  try {
    const started = performance.now()
    const sink = client.query(copyFrom(`COPY resource (${RESOURCE_COPY_COLUMNS.join(', ')}) FROM STDIN`))
    await pipeline(source, sink)
    return ROWS / ((performance.now() - started) / 1000)
  } finally {
    client.release()
  }
}

/**
 * `npm run gen`'s path — rows generated on the fly and streamed with COPY — against the ceiling of COPY
 * alone: the same rows rendered in memory beforehand, so only PostgreSQL's loading is timed.
 */
export const bench: TBenchmark = {
  name: 'gen-copy',
  async run() {
    if (!(await isPostgresReachable())) throw new Error('PostgreSQL is not reachable: gen writes to PostgreSQL only')
    const database = await openSeededDatabase('postgres')
    try {
      const { owners, nodeNames } = await loadOwnersAndNodes(database)
      const options = { seed: DEFAULT_SEED + 1, now: DEFAULT_NOW, owners, nodeNames }
      const make = createGenRowMaker(options)
      const lines = Array.from({ length: ROWS }, () => resourceCopyLine(make()))
      const ceiling = await copy(database, Readable.from(lines))
      const streamed = await copy(database, createResourceCopyStream({ ...options, seed: DEFAULT_SEED + 2, total: ROWS }))
      return {
        title: 'Catalogue generator: generate + COPY vs COPY alone',
        description: `${ROWS.toLocaleString('en')} published resources into PostgreSQL (table with its indexes), one connection. \`npm run gen -- --resources 1000000\` runs this path; at this rate 1 M rows take about ${Math.round(1_000_000 / streamed)} s.`,
        rows: [
          { metric: 'COPY of pre-rendered rows (ceiling)', value: ceiling, unit: 'rows/s' },
          { metric: 'gen: generate on the fly + COPY', value: streamed, unit: 'rows/s', ceiling, ratio: streamed / ceiling },
        ],
      }
    } finally {
      await database.close()
    }
  },
}
