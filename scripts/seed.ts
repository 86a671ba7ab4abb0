/**
 * `npm run db:seed [-- --seed N]`: migrates the database and loads the demo data (scripts/demo) into it.
 * Uses DATABASE_URL (PostgreSQL) when set, else the embedded PGlite in $KEXIANG_DATA_DIR/pglite (./data).
 * Refuses a database that already has platform nodes, and says how to start again.
 */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { migrate } from '#server/db/migrate.ts'
import { openDatabase } from '#server/db/pool.ts'
import { DEFAULT_SEED, seedDemoData, type TDemoSummary } from './demo/index.ts'

function printSummary(summary: TDemoSummary, label: string, ms: number): void {
  console.log(`\nDemo data loaded into ${label} in ${(ms / 1000).toFixed(1)} s:`)
  const width = Math.max(...Object.keys(summary.counts).map((k) => k.length))
  for (const [table, n] of Object.entries(summary.counts)) console.log(`  ${table.padEnd(width)}  ${n.toLocaleString('en')}`)
  console.log('\nDemo accounts (sign in with the phone number):')
  for (const a of summary.accounts) {
    console.log(`  ${a.phone}  ${a.password}  ${a.roleLabel}（${a.role}）  ${a.name}  @ ${a.scope}`)
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { seed: { type: 'string' } } })
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed)
  if (!Number.isSafeInteger(seed)) {
    console.error(`--seed must be an integer, got ${values.seed}`)
    return 2
  }
  const url = process.env.DATABASE_URL || undefined
  const dataDir = url ? undefined : path.join(process.env.KEXIANG_DATA_DIR || 'data', 'pglite')
  // PGlite creates its own folder but not the parents (./data on a fresh clone)
  if (dataDir) await mkdir(path.dirname(dataDir), { recursive: true })
  const database = await openDatabase({ url, dataDir })
  try {
    const applied = await migrate(database.pool)
    if (applied.length > 0) console.log(`Applied migrations ${applied.join(', ')} to ${database.label}`)
    const existing = await database.db.selectFrom('platform_node').select('id').limit(1).executeTakeFirst()
    if (existing) {
      console.error(`${database.label} already has data (platform_node is not empty); nothing was changed.`)
      console.error(
        url
          ? 'To start again: dropdb and createdb the database (or `drop schema public cascade; create schema public;`), then rerun.'
          : `To start again: stop the server, delete ${dataDir}, then rerun.`,
      )
      return 1
    }
    const started = performance.now()
    const summary = await seedDemoData(database.db, { seed })
    printSummary(summary, database.label, performance.now() - started)
    return 0
  } finally {
    await database.close()
  }
}

process.exitCode = await main()
