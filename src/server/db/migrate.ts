import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type pg from 'pg'

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations')

// Any constant works; all copies of the app must agree on it. ('kexiang' as digits on a phone pad.)
const MIGRATION_LOCK_KEY = 539_426_4

export type TMigrationFile = { version: string; name: string; sql: string; checksum: string }

/** Reads `NNNN_name.sql` files in order. Any other file name in the folder is an error, not skipped. */
export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<TMigrationFile[]> {
  const names = (await readdir(dir)).filter((f) => !f.startsWith('.')).sort()
  const files: TMigrationFile[] = []
  for (const file of names) {
    const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file)
    if (!match?.[1] || !match[2]) throw new Error(`Migration file name must be NNNN_name.sql: ${file}`)
    const sql = await readFile(path.join(dir, file), 'utf8')
    files.push({ version: match[1], name: match[2], sql, checksum: createHash('sha256').update(sql).digest('hex') })
  }
  const versions = new Set(files.map((f) => f.version))
  if (versions.size !== files.length) throw new Error(`Two migrations share a version number in ${dir}`)
  return files
}

/**
 * Applies the migrations that have not run yet, each in its own transaction, under an advisory lock so
 * that several app copies starting at once apply each file exactly once. A failing file is rolled back
 * whole (PostgreSQL DDL is transactional), so the schema stays as it was before that file; the error is
 * rethrown with the file's name. A recorded file whose content changed is refused: migrations are never
 * edited after they land.
 * @returns the versions applied by this call
 */
export async function migrate(pool: pg.Pool, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  const files = await readMigrations(dir)
  const client = await pool.connect()
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
    await client.query(`create table if not exists schema_migrations (
      version text primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now())`)
    const { rows } = await client.query<{ version: string; checksum: string }>(
      'select version, checksum from schema_migrations',
    )
    const done = new Map(rows.map((r) => [r.version, r.checksum]))
    const applied: string[] = []
    for (const file of files) {
      const recorded = done.get(file.version)
      if (recorded !== undefined) {
        if (recorded !== file.checksum) {
          throw new Error(`Migration ${file.version}_${file.name}.sql changed after it was applied`)
        }
        continue
      }
      await applyOne(client, file)
      applied.push(file.version)
    }
    return applied
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined)
    client.release()
  }
}

async function applyOne(client: pg.PoolClient, file: TMigrationFile): Promise<void> {
  await client.query('begin')
  try {
    await client.query(file.sql)
    await client.query('insert into schema_migrations (version, name, checksum) values ($1, $2, $3)', [
      file.version,
      file.name,
      file.checksum,
    ])
    await client.query('commit')
  } catch (err) {
    await client.query('rollback')
    const reason = err instanceof Error ? err.message : String(err)
    throw new Error(`Migration ${file.version}_${file.name}.sql failed and was rolled back: ${reason}`, { cause: err })
  }
}
