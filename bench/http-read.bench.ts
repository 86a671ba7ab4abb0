import Fastify from 'fastify'
import { buildApp } from '../src/server/app.ts'
import { isPostgresReachable, loadTest, openSeededDatabase, type TBenchmark, type TBenchRow } from './harness.ts'

const CONNECTIONS = 20
const AMOUNT = 8000

/**
 * (a) A real read endpoint — GET /api/resources?kind=instrument (join + count + page of 20 over the demo
 * catalogue) — against the ceiling of a bare Fastify hello-world, both driven by the same load in the same
 * run. The ratio says how much of the framework's capacity the endpoint keeps.
 */
export const bench: TBenchmark = {
  name: 'http-read',
  async run() {
    const bare = Fastify({ logger: false })
    bare.get('/', async () => ({ hello: 'world' }))
    const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' })
    await loadTest(`${bareUrl}/`, { connections: CONNECTIONS, amount: 1000 })
    const ceiling = await loadTest(`${bareUrl}/`, { connections: CONNECTIONS, amount: AMOUNT * 5 })
    await bare.close()

    const rows: TBenchRow[] = [
      { metric: 'bare Fastify hello-world (ceiling)', value: ceiling.requestsPerSec, unit: 'req/s', note: `p50 ${ceiling.p50} ms, p99 ${ceiling.p99} ms` },
    ]
    const engines: ('pglite' | 'postgres')[] = (await isPostgresReachable()) ? ['pglite', 'postgres'] : ['pglite']
    for (const kind of engines) {
      const database = await openSeededDatabase(kind)
      const app = await buildApp({ database, logger: false, webDir: null })
      const url = await app.listen({ port: 0, host: '127.0.0.1' })
      const target = `${url}/api/resources?kind=instrument&pageSize=20`
      await loadTest(target, { connections: CONNECTIONS, amount: 500 })
      const result = await loadTest(target, { connections: CONNECTIONS, amount: AMOUNT })
      if (result.errors || result.non2xx) throw new Error(`${kind}: ${result.errors} errors, ${result.non2xx} non-2xx`)
      rows.push({
        metric: `GET /api/resources?kind=instrument on ${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}`,
        value: result.requestsPerSec,
        unit: 'req/s',
        ceiling: ceiling.requestsPerSec,
        ratio: result.requestsPerSec / ceiling.requestsPerSec,
        note: `p50 ${result.p50} ms, p99 ${result.p99} ms`,
      })
      await app.close()
      await database.close()
    }
    return {
      title: 'HTTP read endpoint vs bare Fastify',
      description: `autocannon in a child process, ${CONNECTIONS} connections, ${AMOUNT} requests (${AMOUNT * 5} for the hello-world) after a warm-up; the server in the bench process; rate = requests / duration. Both share the 2 cores with the load generator.`,
      rows,
    }
  },
}
