import { spawn } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import pg from 'pg'
import { migrate } from '../src/server/db/migrate.ts'
import { openDatabase, type TDatabase } from '../src/server/db/pool.ts'
import { seedDemoData } from '../scripts/demo/index.ts'

/** One line of a benchmark's result: a figure, and optionally the ceiling it is compared with. */
export type TBenchRow = { metric: string; value: number; unit: string; ceiling?: number; ratio?: number; note?: string }
export type TBenchReport = { title: string; description: string; rows: TBenchRow[] }
export type TBenchmark = { name: string; run: () => Promise<TBenchReport> }

export const BENCH_PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

/** True when the benchmark PostgreSQL server answers. */
export async function isPostgresReachable(): Promise<boolean> {
  const url = new URL(BENCH_PG_URL)
  return new Promise((resolve) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port || 5432), timeout: 2000 })
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
    socket.once('timeout', () => (socket.destroy(), resolve(false)))
  })
}

/** A migrated database with the demo data: in-memory PGlite, or a scratch PostgreSQL database (dropped on close). */
export async function openSeededDatabase(kind: 'pglite' | 'postgres'): Promise<TDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({})
    await migrate(database.pool)
    await seedDemoData(database.db)
    return database
  }
  const name = `kx_bench_${process.pid}_${Date.now()}`
  const admin = new pg.Client({ connectionString: BENCH_PG_URL })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(BENCH_PG_URL)
  url.pathname = `/${name}`
  const database = await openDatabase({ url: url.toString(), maxConnections: 10 })
  await migrate(database.pool)
  await seedDemoData(database.db)
  const close = database.close
  return {
    ...database,
    close: async () => {
      await close()
      const dropper = new pg.Client({ connectionString: BENCH_PG_URL })
      await dropper.connect()
      await dropper.query(`drop database if exists ${name} with (force)`)
      await dropper.end()
    },
  }
}

/** Percentile of a list of numbers (nearest rank). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index] ?? Number.NaN
}

/** Times `fn` `iterations` times after `warmup` untimed calls; returns milliseconds per call. */
export async function timeCalls(fn: () => Promise<unknown>, iterations: number, warmup = 20): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn()
  const samples: number[] = []
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint()
    await fn()
    samples.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  return samples
}

export type TLoadResult = { requestsPerSec: number; p50: number; p99: number; errors: number; non2xx: number }

/**
 * Drives a URL with autocannon in a CHILD process (so the load generator does not share the server's
 * event loop; the server under test runs in this process): a fixed number of requests.
 */
export function loadTest(url: string, options: { connections: number; amount: number }): Promise<TLoadResult> {
  const cli = path.resolve('node_modules/autocannon/autocannon.js')
  const args = [cli, '-c', String(options.connections), '-a', String(options.amount), '-j', url]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon failed (${code}): ${stderr}`))
      const result = JSON.parse(stdout) as {
        requests: { total: number }
        duration: number
        latency: { p50: number; p99: number }
        errors: number
        non2xx: number
      }
      resolve({
        // total / duration: autocannon's `requests.average` is a mean of whole-second samples, which a run
        // shorter than a few seconds turns into nonsense (6,000 requests in 1.5 s read as 3,000/s).
        requestsPerSec: result.requests.total / result.duration,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors,
        non2xx: result.non2xx,
      })
    })
  })
}
