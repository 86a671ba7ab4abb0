import { spawn, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Kysely } from 'kysely'
import pg from 'pg'
import { migrate } from '../src/server/db/migrate.ts'
import { openDatabase } from '../src/server/db/pool.ts'
import type { DB } from '../src/server/db/schema.ts'
import { isYearBundled } from '../src/server/modules/booking/holidays.ts'
import { DEFAULT_RULES, rowFromRules } from '../src/server/modules/booking/rules.ts'
import { BENCH_PG_URL } from './harness.ts'

// The world of bench/booking.bench.ts: a scratch PostgreSQL database with one instrument and signed-in
// people, and app copies running the real server in child processes.

const DAY_MS = 86_400_000

export type TWorld = { url: string; instrumentId: string; cookies: string[]; drop: () => Promise<void> }

/** A scratch database, migrated; `drop` removes it. */
async function createScratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `kx_bench_booking_${process.pid}_${Date.now()}`
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: BENCH_PG_URL })
    await client.connect()
    await client.query(statement)
    await client.end()
  }
  await run(`create database ${name}`)
  const url = new URL(BENCH_PG_URL)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) }
}

/** One published instrument, open around the clock (holidays too), 30-minute slots, instant booking. */
async function seedInstrument(db: Kysely<DB>): Promise<string> {
  const node = await db
    .insertInto('platform_node')
    .values({ code: 'bench', name: '基准测试平台', kind: 'total', region_code: '230000', path: '/bench/' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const place = { node_id: node.id, region_code: '230103', city_code: '230100' }
  const org = await db
    .insertInto('organisation')
    .values({
      ...place,
      name: '基准测试单位',
      credit_code: '91230100MA00000000',
      kind: 'university',
      status: 'approved',
    })
    .returning(['id'])
    .executeTakeFirstOrThrow()
  const fee = { unit: 'hour', externalFen: 10_000, memberFen: 8_000, internalFen: 5_000 }
  const instrument = await db
    .insertInto('resource')
    .values({
      ...place,
      kind: 'instrument',
      title: '场发射扫描电子显微镜',
      owner_org_id: org.id,
      status: 'published',
      published_at: new Date(),
      attributes: JSON.stringify({ feeStandard: fee, status: '正常' }),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const allDay: [number, number][] = [[0, 1440]]
  const openHours = { '1': allDay, '2': allDay, '3': allDay, '4': allDay, '5': allDay, '6': allDay, '7': allDay }
  const rules = {
    ...DEFAULT_RULES,
    openHours,
    isOpenOnHolidays: true,
    slotMinutes: 30,
    minNoticeMinutes: 0,
    maxMinutes: 240,
    maxAdvanceDays: 366,
    isApprovalRequired: false,
    noShowLimit: null,
  }
  await db
    .insertInto('instrument_booking_rule')
    .values({ instrument_id: instrument.id, ...rowFromRules(rules), updated_by: null })
    .execute()
  // The copies use the real clock; a year past the bundled holiday data is loaded empty (the instrument is
  // open on holidays anyway), as an admin would load it, so the bench runs in any year.
  for (const year of [new Date().getUTCFullYear(), new Date().getUTCFullYear() + 1]) {
    if (!isYearBundled(year)) await db.insertInto('booking_calendar_year').values({ year, loaded_by: null }).execute()
  }
  return instrument.id
}

/** Signed-in people: users with a live session each; returns their cookies. */
async function seedPeople(db: Kysely<DB>, people: number): Promise<string[]> {
  const cookies: string[] = []
  for (let i = 0; i < people; i++) {
    const user = await db
      .insertInto('app_user')
      .values({ display_name: `压测用户${i}`, phone: `1390000${String(i).padStart(4, '0')}`, status: 'active' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const token = randomBytes(32).toString('base64url')
    const tokenHash = createHash('sha256').update(token, 'utf8').digest('hex')
    const expiresAt = new Date(Date.now() + DAY_MS)
    await db
      .insertInto('user_session')
      .values({ token_hash: tokenHash, user_id: user.id, mfa_passed: true, expires_at: expiresAt })
      .execute()
    cookies.push(`kx_session=${token}`)
  }
  return cookies
}

/** The scratch database with the instrument and the people. */
export async function createWorld(people: number): Promise<TWorld> {
  const scratch = await createScratchDatabase()
  const database = await openDatabase({ url: scratch.url, maxConnections: 2 })
  try {
    await migrate(database.pool)
    const instrumentId = await seedInstrument(database.db)
    const cookies = await seedPeople(database.db, people)
    return { url: scratch.url, instrumentId, cookies, drop: scratch.drop }
  } finally {
    await database.close()
  }
}

export type TCopy = { child: ChildProcess; base: string; stop: () => Promise<void> }

/**
 * One app copy: the real server (src/server/main.ts) in its own process, as production runs it on
 * PostgreSQL — its own pool, pg-boss jobs in the same database, the system clock.
 */
export async function startCopy(url: string): Promise<TCopy> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kx-bench-copy-'))
  const env = {
    ...process.env,
    DATABASE_URL: url,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    KEXIANG_NO_DEMO: '1',
    KEXIANG_DATA_DIR: dataDir,
  }
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('src/server/main.ts')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app copy did not start:\n${output}`)), 120_000)
    child.stdout!.on('data', () => {
      const match = /http:\/\/localhost:(\d+)\//.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    void exited.then(() => reject(new Error(`app copy exited:\n${output}`)))
  })
  const stop = async () => {
    child.kill('SIGTERM')
    await exited
    rmSync(dataDir, { recursive: true, force: true })
  }
  return { child, base: `http://127.0.0.1:${port}`, stop }
}
