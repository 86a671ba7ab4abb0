import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../test/helpers/db.ts'
import { MIGRATIONS_DIR, migrate, readMigrations } from './migrate.ts'
import type { TDatabase } from './pool.ts'

let database: TDatabase
let dir: string

beforeAll(async () => {
  database = await createTestDatabase()
  dir = await mkdtemp(path.join(os.tmpdir(), 'kx-migrations-'))
  await cp(MIGRATIONS_DIR, dir, { recursive: true })
})
afterAll(async () => {
  await database.close()
  await rm(dir, { recursive: true, force: true })
})

async function tableExists(name: string): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from information_schema.tables
    where table_schema = 'public' and table_name = ${name}`.execute(database.db)
  return rows[0]!.n === 1
}

async function appliedVersions(): Promise<string[]> {
  const rows = await database.db.selectFrom('schema_migrations').select('version').orderBy('version').execute()
  return rows.map((r) => r.version)
}

describe('migrate', () => {
  it('has applied every migration file once (the template was migrated)', async () => {
    const files = await readMigrations()
    expect(await appliedVersions()).toEqual(files.map((f) => f.version))
    expect(await migrate(database.pool)).toEqual([])
  })

  it('rolls a failing migration back whole: the schema stays as it was', async () => {
    await writeFile(
      path.join(dir, '0900_half_done.sql'),
      `create table half_done (id int primary key);
       insert into half_done values (1);
       alter table resource add column half_done_flag boolean;
       select no_such_function();`,
    )
    await expect(migrate(database.pool, dir)).rejects.toThrow(/0900_half_done\.sql failed and was rolled back/)
    expect(await tableExists('half_done')).toBe(false)
    const { rows } = await sql<{ n: number }>`select count(*) as n from information_schema.columns
      where table_name = 'resource' and column_name = 'half_done_flag'`.execute(database.db)
    expect(rows[0]!.n).toBe(0)
    expect(await appliedVersions()).not.toContain('0900')
    await rm(path.join(dir, '0900_half_done.sql'))
  })

  it('applies a new file once, even when two runners start together', async () => {
    await writeFile(path.join(dir, '0901_extra.sql'), 'create table extra_table (id int primary key);')
    const results = await Promise.all([migrate(database.pool, dir), migrate(database.pool, dir)])
    expect(results.flat()).toEqual(['0901'])
    expect(await tableExists('extra_table')).toBe(true)
  })

  it('refuses a migration edited after it was applied', async () => {
    await writeFile(path.join(dir, '0901_extra.sql'), 'create table extra_table (id bigint primary key);')
    await expect(migrate(database.pool, dir)).rejects.toThrow(/0901_extra\.sql changed after it was applied/)
  })

  it('refuses a file that is not named NNNN_name.sql', async () => {
    await writeFile(path.join(dir, 'notes.txt'), 'hello')
    await expect(readMigrations(dir)).rejects.toThrow(/must be NNNN_name\.sql: notes\.txt/)
    await rm(path.join(dir, 'notes.txt'))
  })
})
