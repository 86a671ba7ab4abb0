import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { DB } from './schema.ts'

// int8 (count(*), sum(), bigint fen) arrives from `pg` as a string; every such value here fits in
// Number.MAX_SAFE_INTEGER (9e15 fen = 90 trillion yuan), so parse it once, globally, and refuse overflow.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => {
  const n = Number(value)
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} exceeds the safe integer range`)
  return n
})

// date columns stay 'YYYY-MM-DD' strings: a Date at local midnight shifts a day when serialised in UTC.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value)

export type TDatabaseKind = 'pglite' | 'postgres'

/** An open database: one `pg` pool and the Kysely instance over it, whichever engine is behind. */
export type TDatabase = {
  kind: TDatabaseKind
  /** Human-readable: "PGlite (./data/pglite)" or "PostgreSQL (127.0.0.1:5432/test)". */
  label: string
  pool: pg.Pool
  db: Kysely<DB>
  /** PGlite only: a tarball of the data directory (test templates, offline copies); null on PostgreSQL. */
  dumpDataDir: (() => Promise<Blob>) | null
  close: () => Promise<void>
}

export type TOpenDatabaseOptions = {
  /** postgres://… selects a PostgreSQL server; otherwise the embedded PGlite. */
  url?: string | undefined
  /** PGlite data directory; `memory://` or undefined keeps it in memory. */
  dataDir?: string | undefined
  /** PGlite: start from a dump made by `dumpDataDir()` (test templates). */
  loadDataDir?: Blob | File | undefined
  /** Pool size for PostgreSQL (PGlite always uses one connection). */
  maxConnections?: number | undefined
}

const CONNECTION_TIMEOUT_MS = 10_000

/**
 * Opens the database the same way for both engines: a `pg.Pool` and Kysely over it.
 * PGlite is reached through its socket server, in this process, on a Unix socket with ONE connection —
 * never through `@electric-sql/pglite/node-postgres`, which hands results to the wrong queries after an
 * error (docs/decisions/002-database-access.md). Inside a transaction use only its handle: with one
 * connection a second `pool.query` would wait forever, so `connectionTimeoutMillis` turns that mistake
 * into an error.
 */
export async function openDatabase(options: TOpenDatabaseOptions): Promise<TDatabase> {
  if (options.url) return openPostgres(options.url, options.maxConnections ?? 10)
  return openPglite(options.dataDir, options.loadDataDir)
}

function withKysely(
  kind: TDatabaseKind,
  label: string,
  pool: pg.Pool,
  closeEngine: () => Promise<void>,
  dumpDataDir: (() => Promise<Blob>) | null = null,
): TDatabase {
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  let closing: Promise<void> | undefined
  const close = () => {
    // Kysely ends the pool only if it ever used it, so end it here too; closing twice is harmless.
    closing ??= db
      .destroy()
      .then(() => (pool.ended ? undefined : pool.end()))
      .then(closeEngine)
    return closing
  }
  return { kind, label, pool, db, dumpDataDir, close }
}

async function openPostgres(url: string, max: number): Promise<TDatabase> {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: CONNECTION_TIMEOUT_MS })
  pool.on('error', (err) => console.error('PostgreSQL pool error (idle client):', err.message))
  const parsed = new URL(url)
  const label = `PostgreSQL (${parsed.host}${parsed.pathname})`
  return withKysely('postgres', label, pool, async () => {})
}

async function openPglite(dataDir: string | undefined, loadDataDir: Blob | File | undefined): Promise<TDatabase> {
  // PGlite creates its own folder but not the ones above it.
  if (dataDir && !dataDir.includes('://')) await mkdir(path.dirname(path.resolve(dataDir)), { recursive: true })
  const pglite = await PGlite.create({
    dataDir: dataDir ?? 'memory://',
    extensions: { pg_trgm, btree_gist },
    ...(loadDataDir ? { loadDataDir } : {}),
  })
  const socketDir = await mkdtemp(path.join(os.tmpdir(), 'kx-pglite-'))
  const port = 5432
  const server = new PGLiteSocketServer({
    db: pglite,
    path: path.join(socketDir, `.s.PGSQL.${port}`),
    maxConnections: 1,
  })
  await server.start()
  const pool = new pg.Pool({
    host: socketDir,
    port,
    user: 'postgres',
    database: 'postgres',
    max: 1,
    connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
  })
  let isClosing = false
  // While closing, the socket server goes away under the idle client: that is the expected end, not an error.
  pool.on('error', (err) => {
    if (!isClosing) console.error('PGlite pool error (idle client):', err.message)
  })
  const label = `PGlite (${dataDir ?? 'in memory'})`
  const closeEngine = async () => {
    isClosing = true
    await server.stop()
    await pglite.close()
    await rm(socketDir, { recursive: true, force: true })
  }
  return withKysely('pglite', label, pool, closeEngine, () => pglite.dumpDataDir('none'))
}
