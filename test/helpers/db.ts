import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import pg from 'pg'
import { inject } from 'vitest'
import { openDatabase, type TDatabase } from '../../src/server/db/pool.ts'
import { testDbKind, testServerUrl, urlForDatabase } from './test-db-config.ts'

/**
 * A fresh, migrated database for one test file, copied from the run's template (see global-db-setup.ts).
 * Close it in afterAll; on PostgreSQL closing also drops it.
 */
export async function createTestDatabase(): Promise<TDatabase> {
  if (testDbKind() === 'pglite') {
    const tar = await readFile(inject('pgliteTemplatePath'))
    return openDatabase({ loadDataDir: new Blob([tar]) })
  }
  const template = inject('postgresTemplate')
  const name = `kx_t_${template.replace('kx_tpl_', '')}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: testServerUrl() })
  await admin.connect()
  try {
    await admin.query(`create database ${name} template ${template}`)
  } finally {
    await admin.end()
  }
  const database = await openDatabase({ url: urlForDatabase(name), maxConnections: 5 })
  const close = database.close
  return {
    ...database,
    close: async () => {
      await close()
      const dropper = new pg.Client({ connectionString: testServerUrl() })
      await dropper.connect()
      await dropper.query(`drop database if exists ${name} with (force)`)
      await dropper.end()
    },
  }
}

/** PostgreSQL only: an empty scratch database for a child process; drop() removes it. */
export async function createScratchPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `kx_t_${process.pid}_scratch_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: testServerUrl() })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  return {
    url: urlForDatabase(name),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: testServerUrl() })
      await dropper.connect()
      await dropper.query(`drop database if exists ${name} with (force)`)
      await dropper.end()
    },
  }
}
