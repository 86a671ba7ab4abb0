import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createScratchPostgresDatabase } from '../../../test/helpers/db.ts'
import { testDbKind } from '../../../test/helpers/test-db-config.ts'
import { openDatabase, type TDatabase } from '../db/pool.ts'
import { createPgBossJobQueue } from './pg-boss-queue.ts'
import type { TJobLog, TJobQueue } from './queue.ts'

/** Polls until `check` holds (pg-boss workers poll the database), or fails after `ms`. */
async function waitFor(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const until = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`condition not met within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

const lines: string[] = []
const log: TJobLog = { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) }

describe.skipIf(testDbKind() !== 'postgres')('pg-boss job queue (PostgreSQL)', () => {
  let scratch: Awaited<ReturnType<typeof createScratchPostgresDatabase>>
  let database: TDatabase
  const queues: TJobQueue[] = []
  const newQueue = async () => {
    const queue = await createPgBossJobQueue({ connectionString: scratch.url, log, pollingIntervalSeconds: 0.5, maxConnections: 2 })
    queues.push(queue)
    return queue
  }

  beforeAll(async () => {
    scratch = await createScratchPostgresDatabase()
    database = await openDatabase({ url: scratch.url, maxConnections: 2 })
  })
  afterAll(async () => {
    for (const queue of queues) await queue.stop()
    await database?.close()
    await scratch?.drop()
  })

  it('creates queues at the same time from two app copies without deadlocking', async () => {
    const copies = await Promise.all([newQueue(), newQueue()])
    const names = ['probe-a', 'probe-b', 'probe-c', 'probe-d']
    await Promise.all(copies.flatMap((queue) => names.map((name) => queue.send(name, {}))))
    const { rows } = await sql<{ name: string }>`select name from pgboss.queue where name like 'probe-_' order by name`.execute(database.db)
    expect(rows.map((r) => r.name)).toEqual(names)
  })

  it('runs a job and retries it after a failure', async () => {
    const queue = await newQueue()
    const attempts: { attempt: number; isLastAttempt: boolean; data: object }[] = []
    await queue.work<{ n: number }>('probe-retry', async (data, job) => {
      attempts.push({ attempt: job.attempt, isLastAttempt: job.isLastAttempt, data })
      if (job.attempt === 1) throw new Error('first attempt fails')
    })
    await queue.send('probe-retry', { n: 1 }, { retryLimit: 1, retryDelaySeconds: 1 })
    await waitFor(() => attempts.length === 2)
    expect(attempts).toEqual([
      { attempt: 1, isLastAttempt: false, data: { n: 1 } },
      { attempt: 2, isLastAttempt: true, data: { n: 1 } },
    ])
    expect(lines).toContainEqual(expect.stringMatching(/^job probe-retry .* attempt 1 failed, pg-boss will retry: first attempt fails$/))
  })

  it('enqueues inside the caller’s transaction: no job after a rollback, one after a commit', async () => {
    const queue = await newQueue()
    const seen: string[] = []
    await queue.work<{ tag: string }>('probe-trx', async (data) => {
      seen.push(data.tag)
    })
    const rolledBack = database.db.transaction().execute(async (trx) => {
      await queue.send('probe-trx', { tag: 'rolled-back' }, { trx })
      throw new Error('the business change failed')
    })
    await expect(rolledBack).rejects.toThrow('the business change failed')
    await database.db.transaction().execute(async (trx) => {
      await queue.send('probe-trx', { tag: 'committed' }, { trx })
    })
    await waitFor(() => seen.includes('committed'))
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pgboss.job where name = 'probe-trx'`.execute(database.db)
    expect(rows[0]?.n).toBe(1)
    expect(seen).toEqual(['committed'])
  })

  it('runs each job once across two app copies', async () => {
    const copies = [await newQueue(), await newQueue()]
    const runs: { copy: number; n: number }[] = []
    for (const [copy, queue] of copies.entries()) {
      await queue.work<{ n: number }>('probe-once', async (data) => {
        await new Promise((resolve) => setTimeout(resolve, 20))
        runs.push({ copy, n: data.n })
      })
    }
    for (let n = 0; n < 20; n += 1) await copies[0]!.send('probe-once', { n })
    await waitFor(() => runs.length >= 20)
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(runs).toHaveLength(20)
    expect(new Set(runs.map((r) => r.n)).size).toBe(20)
  })

  it('retries only the job that failed, not the others fetched with it', async () => {
    const queue = await newQueue()
    const runs: string[] = []
    await queue.work<{ n: number }>('probe-batch', async (data, job) => {
      runs.push(`${data.n}#${job.attempt}`)
      if (data.n === 1 && job.attempt === 1) throw new Error('only this one')
    })
    for (let n = 0; n < 3; n += 1) await queue.send('probe-batch', { n }, { retryLimit: 1, retryDelaySeconds: 1 })
    await waitFor(() => runs.length >= 4)
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(runs.sort()).toEqual(['0#1', '1#1', '1#2', '2#1'])
  })

  it('stores a cron schedule in UTC and refuses one the in-process queue could not read', async () => {
    const queue = await newQueue()
    await queue.schedule('probe-daily', '17 3 * * *')
    const { rows } = await sql<{ cron: string; timezone: string }>`select cron, timezone from pgboss.schedule where name = 'probe-daily'`.execute(database.db)
    expect(rows).toEqual([{ cron: '17 3 * * *', timezone: 'UTC' }])
    await expect(queue.schedule('probe-daily', '@daily')).rejects.toThrow('cron needs 5 fields')
  })
})
