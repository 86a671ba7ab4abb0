import { writeFile, rm, mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { migrate } from '../../src/server/db/migrate.ts'
import { openDatabase } from '../../src/server/db/pool.ts'
import { testDbKind, testServerUrl, urlForDatabase } from './test-db-config.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of the migrated template's data-dir dump. */
    pgliteTemplatePath: string
    /** PostgreSQL: name of the migrated template database. */
    postgresTemplate: string
  }
}

/**
 * Migrates ONE template database per run; every test file then gets its own copy
 * (PGlite: loadDataDir from the dump; PostgreSQL: CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (testDbKind() === 'pglite') {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kx-test-tpl-'))
    const database = await openDatabase({})
    await migrate(database.pool)
    const dump = await database.dumpDataDir!()
    await database.close()
    const file = path.join(dir, 'template.tar')
    await writeFile(file, Buffer.from(await dump.arrayBuffer()))
    project.provide('pgliteTemplatePath', file)
    project.provide('postgresTemplate', '')
    return async () => rm(dir, { recursive: true, force: true })
  }

  const admin = new pg.Client({ connectionString: testServerUrl(), connectionTimeoutMillis: 5000 })
  try {
    await admin.connect()
  } catch (err) {
    throw new Error(
      `Cannot reach PostgreSQL at ${testServerUrl()} (${(err as Error).message}). Start it with: ` +
        'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
    )
  }
  const template = `kx_tpl_${process.pid}`
  await admin.query(`drop database if exists ${template}`)
  await admin.query(`create database ${template}`)
  const database = await openDatabase({ url: urlForDatabase(template), maxConnections: 1 })
  await migrate(database.pool)
  await database.close()
  project.provide('postgresTemplate', template)
  project.provide('pgliteTemplatePath', '')
  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like $1`,
      [`kx_t_${process.pid}_%`],
    )
    for (const row of rows) await admin.query(`drop database if exists ${row.datname} with (force)`)
    await admin.query(`drop database if exists ${template} with (force)`)
    await admin.end()
  }
}
