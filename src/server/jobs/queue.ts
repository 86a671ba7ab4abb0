import type { TDatabase } from '../db/pool.ts'
import type { TDb } from '../db/transaction.ts'
import { createInProcessJobQueue } from './in-process-queue.ts'
import { createPgBossJobQueue } from './pg-boss-queue.ts'

/**
 * Background jobs (ARCHITECTURE D8): one interface, two engines. On PostgreSQL pg-boss keeps jobs in the
 * database, so each job runs once across all app copies and survives restarts; on PGlite (one process) the
 * in-process queue runs them in memory. Both retry failed jobs with exponential backoff.
 */

/** How a job is enqueued. */
export type TJobOptions = {
  /** Further attempts after the first one fails (default 3). */
  retryLimit?: number
  /** Wait before the first retry; it doubles for each further retry (default 30 s). */
  retryDelaySeconds?: number
  /** Do not start before this many seconds have passed (default 0). */
  startAfterSeconds?: number
  /**
   * The caller's open transaction. pg-boss inserts the job inside it, so workers see the job only once it
   * commits (and never if it rolls back). The in-process queue cannot join a transaction: it starts the job
   * right away, so a handler given a transaction-bound id must tolerate a row that is not visible yet.
   */
  trx?: TDb
}

/** What a handler learns about the attempt it runs. */
export type TJobInfo = {
  id: string
  name: string
  /** 1 for the first run, 2 for the first retry, … */
  attempt: number
  retryLimit: number
  /** True when a failure now ends the job for good (no retry follows). */
  isLastAttempt: boolean
}

/** Runs one job. Throwing fails the attempt; the queue retries until the job's retry limit. */
export type TJobHandler<T> = (data: T, job: TJobInfo) => Promise<void>

/** Where the queues report retries and failures (Fastify's logger fits). */
export type TJobLog = {
  info: (message: string) => void
  warn: (message: string) => void
  error: (message: string) => void
}

/** The queue every module sees; `createJobQueue` picks the engine. */
export type TJobQueue = {
  /** For logs and the start banner, e.g. "pg-boss (PostgreSQL)". */
  readonly description: string
  /** True when `send` with `trx` enqueues inside that transaction (pg-boss), false when it cannot. */
  readonly canJoinTransaction: boolean
  /** Enqueues a job. Names are lowercase words joined by hyphens (`notify-email`). */
  send: <T extends object>(name: string, data: T, options?: TJobOptions) => Promise<void>
  /** Registers the one handler of a queue (a second handler for the same name is an error). */
  work: <T extends object>(name: string, handler: TJobHandler<T>) => Promise<void>
  /**
   * Sends an empty job to `name` on a cron schedule (5 fields, UTC): `minute hour day month weekday`,
   * each `*`, `*\/n`, a number, a range `a-b` or a list. Across app copies it fires once per slot.
   */
  schedule: (name: string, cron: string) => Promise<void>
  /** Stops taking jobs and waits for the running ones to finish. */
  stop: () => Promise<void>
}

/** Retries after the first failure when the sender names none. */
export const DEFAULT_RETRY_LIMIT = 3
/** First retry delay when the sender names none; it doubles for each further retry. */
export const DEFAULT_RETRY_DELAY_SECONDS = 30

const QUEUE_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/

/**
 * Refuses a queue name that is not lowercase words joined by hyphens (both engines accept these).
 * @throws Error for any other name: a programming mistake, not a user error
 */
export function assertQueueName(name: string): void {
  if (!QUEUE_NAME.test(name)) throw new Error(`Job queue name must look like "notify-email": ${name}`)
}

/**
 * The queue that fits the database: pg-boss on PostgreSQL (its tables in schema `pgboss` of the same
 * database, so jobs can be enqueued inside the app's transactions), the in-process queue on PGlite.
 * @param options.connectionString required on PostgreSQL (the app's DATABASE_URL)
 */
export async function createJobQueue(
  database: Pick<TDatabase, 'kind'>,
  options: { connectionString?: string | undefined; log: TJobLog },
): Promise<TJobQueue> {
  if (database.kind === 'pglite') return createInProcessJobQueue({ log: options.log })
  if (!options.connectionString) throw new Error('createJobQueue: PostgreSQL needs its connection string for pg-boss')
  return createPgBossJobQueue({ connectionString: options.connectionString, log: options.log })
}

export { createInProcessJobQueue }
export type { TInProcessJobQueue } from './in-process-queue.ts'
