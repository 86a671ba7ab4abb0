import { createCatalogService } from '../src/server/modules/catalog/catalog.service.ts'
import { createStatsService } from '../src/server/modules/stats/stats.service.ts'
import { isPostgresReachable, openSeededDatabase, percentile, timeCalls, type TBenchmark, type TBenchRow } from './harness.ts'

const ITERATIONS = 400

/**
 * (b) The same service queries on the embedded PGlite and on the PostgreSQL server, over the same demo
 * data: the catalogue page (join + count) and the home-page figures. PostgreSQL is the ceiling.
 */
export const bench: TBenchmark = {
  name: 'db-engines',
  async run() {
    if (!(await isPostgresReachable())) throw new Error('PostgreSQL is not reachable: start it to compare engines')
    const samples: Record<string, Record<string, number[]>> = {}
    for (const kind of ['postgres', 'pglite'] as const) {
      const database = await openSeededDatabase(kind)
      const catalog = createCatalogService({ db: database.db })
      const stats = createStatsService({ db: database.db })
      samples[kind] = {
        'catalogue page (kind=instrument, region=Heilongjiang)': await timeCalls(
          () => catalog.listResources({ actor: null }, { kind: 'instrument', region: '230000', page: 1, pageSize: 20 }),
          ITERATIONS,
        ),
        'home-page figures (stats overview)': await timeCalls(() => stats.getOverview(), ITERATIONS),
      }
      await database.close()
    }
    const rows: TBenchRow[] = []
    for (const query of Object.keys(samples.postgres!)) {
      const pgSamples = samples.postgres![query]!
      const liteSamples = samples.pglite![query]!
      for (const p of [50, 95]) {
        const ceiling = percentile(pgSamples, p)
        const value = percentile(liteSamples, p)
        rows.push({ metric: `${query}, p${p} on PGlite`, value, unit: 'ms', ceiling, ratio: ceiling / value, note: `PostgreSQL p${p} ${ceiling.toFixed(2)} ms` })
      }
    }
    return {
      title: 'Same queries: PGlite vs PostgreSQL',
      description: `${ITERATIONS} timed calls per query after 20 warm-up calls, through the services (Kysely over pg). Ratio = PostgreSQL time / PGlite time (1.0 = as fast as the server).`,
      rows,
    }
  },
}
