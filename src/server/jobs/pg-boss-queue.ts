import { CompiledQuery } from 'kysely'
import PgBoss from 'pg-boss'
import type { TDb } from '../db/transaction.ts'
import { parseCron } from './cron.ts'
import {
  assertQueueName,
  DEFAULT_RETRY_DELAY_SECONDS,
  DEFAULT_RETRY_LIMIT,
  type TJobHandler,
  type TJobLog,
  type TJobOptions,
  type TJobQueue,
} from './queue.ts'

/** SQLSTATE of a deadlock PostgreSQL broke by failing one of the transactions. */
const DEADLOCK_DETECTED = '40P01'

/** Jobs one worker fetches and runs at once. */
const BATCH_SIZE = 5

/** pg-boss runs SQL through this when it must join the caller's transaction. */
function executorOf(trx: TDb): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const result = await trx.executeQuery(CompiledQuery.raw(text, values))
      return { rows: result.rows as unknown[] as never[] }
    },
  }
}

/**
 * The PostgreSQL queue over pg-boss 10.4 (11+ needs Node 22). Jobs live in schema `pgboss` of the app's
 * database; a worker claims a job with `FOR UPDATE SKIP LOCKED`, so with N app copies each job runs on one
 * of them at a time, and retries survive restarts. pg-boss creates and migrates its own schema on start.
 * @param options.connectionString the app's DATABASE_URL (the same database, so `trx` sends are atomic)
 * @param options.pollingIntervalSeconds how often idle workers look for jobs (default 2, minimum 0.5)
 */
export async function createPgBossJobQueue(options: {
  connectionString: string
  log: TJobLog
  pollingIntervalSeconds?: number
  maxConnections?: number
}): Promise<TJobQueue> {
  const { log } = options
  const boss = new PgBoss({
    connectionString: options.connectionString,
    application_name: 'kexiang-jobs',
    max: options.maxConnections ?? 4,
    ...(options.pollingIntervalSeconds ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : {}),
  })
  boss.on('error', (err) => log.error(`pg-boss: ${err.message}`))
  await boss.start()

  // pg-boss 10 drops jobs sent to a queue that does not exist, so every name is created (idempotently) first.
  // Creating a queue alters pgboss.job (a new partition): two creations at once deadlock in PostgreSQL, so
  // this process creates one at a time, and a deadlock with another app copy starting is retried.
  const created = new Map<string, Promise<void>>()
  let creating: Promise<unknown> = Promise.resolve()
  function ensureQueue(name: string): Promise<void> {
    assertQueueName(name)
    let pending = created.get(name)
    if (!pending) {
      pending = creating.then(() => createQueue(name))
      creating = pending.catch(() => undefined)
      pending.catch(() => created.delete(name))
      created.set(name, pending)
    }
    return pending
  }

  async function createQueue(name: string): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await boss.createQueue(name)
        return
      } catch (err) {
        const isDeadlock = (err as { code?: unknown }).code === DEADLOCK_DETECTED
        if (!isDeadlock || attempt >= 5) throw err
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100))
      }
    }
  }

  async function send<T extends object>(name: string, data: T, jobOptions: TJobOptions = {}): Promise<void> {
    await ensureQueue(name)
    const trx = jobOptions.trx?.isTransaction ? jobOptions.trx : undefined
    const id = await boss.send(name, data, {
      retryLimit: jobOptions.retryLimit ?? DEFAULT_RETRY_LIMIT,
      // pg-boss counts whole seconds and needs ≥ 1 with backoff.
      retryDelay: Math.max(1, Math.round(jobOptions.retryDelaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS)),
      retryBackoff: true,
      ...(jobOptions.startAfterSeconds ? { startAfter: Math.round(jobOptions.startAfterSeconds) } : {}),
      ...(trx ? { db: executorOf(trx) } : {}),
    })
    if (id === null) throw new Error(`pg-boss did not accept a job for ${name}`)
  }

  async function work<T extends object>(name: string, handler: TJobHandler<T>): Promise<void> {
    try {
      await ensureQueue(name)
      await startWorker(name, handler)
    } catch (err) {
      // Logged here too: services register workers while they are built, where nobody awaits them.
      log.error(`job worker ${name} could not start: ${err instanceof Error ? err.message : String(err)}`)
      throw err
    }
  }

  // pg-boss 10 waits one polling interval after every fetch, so a worker takes up to BATCH_SIZE jobs at a
  // time and runs them side by side. A job that fails is failed on its own (pg-boss then completes only
  // the ones still active), so one bad job never retries its neighbours.
  async function startWorker<T extends object>(name: string, handler: TJobHandler<T>): Promise<void> {
    await boss.work<T>(name, { includeMetadata: true, batchSize: BATCH_SIZE }, async (jobs) => {
      await Promise.all(
        jobs.map(async (job) => {
          const isLastAttempt = job.retryCount >= job.retryLimit
          const info = { id: job.id, name, attempt: job.retryCount + 1, retryLimit: job.retryLimit, isLastAttempt }
          try {
            await handler(job.data, info)
          } catch (err) {
            const reason = err instanceof Error ? err.message : String(err)
            if (isLastAttempt) log.error(`job ${name} ${job.id} failed for good after ${info.attempt} attempt(s): ${reason}`)
            else log.warn(`job ${name} ${job.id} attempt ${info.attempt} failed, pg-boss will retry: ${reason}`)
            await boss.fail(name, job.id, { message: reason })
          }
        }),
      )
    })
  }

  async function schedule(name: string, cron: string): Promise<void> {
    parseCron(cron) // the same dialect as the in-process queue, so a schedule behaves alike on both
    await ensureQueue(name)
    await boss.schedule(name, cron, {}, { tz: 'UTC' })
  }

  async function stop(): Promise<void> {
    // Waits for running jobs (up to 20 s); jobs still running then are failed and retried later.
    await boss.stop({ graceful: true, wait: true, timeout: 20_000 })
  }

  return {
    description: 'pg-boss (PostgreSQL; jobs survive restarts, one run across app copies)',
    canJoinTransaction: true,
    send,
    work,
    schedule,
    stop,
  }
}
