import { randomUUID } from 'node:crypto'
import { cronMatches, parseCron, type TCron } from './cron.ts'
import {
  assertQueueName,
  DEFAULT_RETRY_DELAY_SECONDS,
  DEFAULT_RETRY_LIMIT,
  type TJobHandler,
  type TJobLog,
  type TJobOptions,
  type TJobQueue,
} from './queue.ts'

/** The in-process queue, plus what tests need: waiting until every job has run. */
export type TInProcessJobQueue = TJobQueue & {
  /**
   * Resolves once no job is running, ready or waiting for its start or retry delay. Jobs whose queue has
   * no worker yet are not waited for.
   */
  drain: () => Promise<void>
}

type TJob = {
  id: string
  name: string
  data: object
  attempt: number
  retryLimit: number
  retryDelaySeconds: number
}

const SILENT_LOG: TJobLog = { info: () => {}, warn: () => {}, error: () => {} }

/**
 * Jobs in memory, for the embedded database (one process) and tests. Sending never runs the handler
 * synchronously (the caller may hold PGlite's only connection in a transaction), failed jobs are retried
 * after `retryDelaySeconds × 2^(attempt-1)`. Jobs are NOT durable: those still waiting when the process
 * stops are lost (logged), which is why production on PostgreSQL uses pg-boss.
 * @param options.delayScale multiplies every delay (tests pass 0 to retry at once; default 1)
 * @param options.concurrency jobs running at the same time (default 4)
 */
export function createInProcessJobQueue(
  options: { log?: TJobLog; delayScale?: number; concurrency?: number } = {},
): TInProcessJobQueue {
  const log = options.log ?? SILENT_LOG
  const delayScale = options.delayScale ?? 1
  const concurrency = options.concurrency ?? 4
  const handlers = new Map<string, TJobHandler<object>>()
  const parked = new Map<string, TJob[]>()
  const timers = new Map<NodeJS.Timeout, TJob>()
  const ready: TJob[] = []
  const crons: { name: string; cron: TCron }[] = []
  let running = 0
  let isStopped = false
  let idleWaiters: (() => void)[] = []
  let cronTimer: NodeJS.Timeout | undefined
  let lastCronMinute = -1

  const isIdle = () => running === 0 && ready.length === 0 && timers.size === 0

  function settleIdle(): void {
    if (!isIdle()) return
    const waiters = idleWaiters
    idleWaiters = []
    for (const resolve of waiters) resolve()
  }

  function enqueueAfter(job: TJob, delayMs: number): void {
    // Always through a timer, never inline: the sender may be holding the database connection.
    const timer = setTimeout(() => {
      timers.delete(timer)
      ready.push(job)
      pump()
    }, Math.max(0, delayMs * delayScale))
    // A waiting job alone must not keep the process alive (the HTTP server does that in production).
    timer.unref()
    timers.set(timer, job)
  }

  function pump(): void {
    while (!isStopped && running < concurrency && ready.length > 0) {
      const job = ready.shift()!
      const handler = handlers.get(job.name)
      if (!handler) {
        parked.set(job.name, [...(parked.get(job.name) ?? []), job])
        continue
      }
      running += 1
      void runJob(job, handler).finally(() => {
        running -= 1
        pump()
        settleIdle()
      })
    }
    settleIdle()
  }

  async function runJob(job: TJob, handler: TJobHandler<object>): Promise<void> {
    const isLastAttempt = job.attempt > job.retryLimit
    try {
      await handler(job.data, { id: job.id, name: job.name, attempt: job.attempt, retryLimit: job.retryLimit, isLastAttempt })
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err)
      if (isLastAttempt || isStopped) {
        log.error(`job ${job.name} ${job.id} failed for good after ${job.attempt} attempt(s): ${reason}`)
        return
      }
      const delaySeconds = job.retryDelaySeconds * 2 ** (job.attempt - 1)
      log.warn(`job ${job.name} ${job.id} attempt ${job.attempt} failed, retrying in ${delaySeconds} s: ${reason}`)
      enqueueAfter({ ...job, attempt: job.attempt + 1 }, delaySeconds * 1000)
    }
  }

  function tickCron(): void {
    const now = new Date()
    const minute = Math.floor(now.getTime() / 60_000)
    if (minute === lastCronMinute) return
    lastCronMinute = minute
    for (const entry of crons) {
      if (!cronMatches(entry.cron, now)) continue
      send(entry.name, {}).catch((err: unknown) => log.error(`scheduled job ${entry.name} not sent: ${String(err)}`))
    }
  }

  async function send<T extends object>(name: string, data: T, jobOptions: TJobOptions = {}): Promise<void> {
    assertQueueName(name)
    if (isStopped) throw new Error(`job queue stopped: cannot send ${name}`)
    const job: TJob = {
      id: randomUUID(),
      name,
      data,
      attempt: 1,
      retryLimit: jobOptions.retryLimit ?? DEFAULT_RETRY_LIMIT,
      retryDelaySeconds: jobOptions.retryDelaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS,
    }
    enqueueAfter(job, (jobOptions.startAfterSeconds ?? 0) * 1000)
  }

  async function work<T extends object>(name: string, handler: TJobHandler<T>): Promise<void> {
    assertQueueName(name)
    if (handlers.has(name)) throw new Error(`job queue ${name} already has a worker`)
    handlers.set(name, handler as TJobHandler<object>)
    for (const job of parked.get(name) ?? []) enqueueAfter(job, 0)
    parked.delete(name)
  }

  async function schedule(name: string, cron: string): Promise<void> {
    assertQueueName(name)
    crons.push({ name, cron: parseCron(cron) })
    // Checked every 20 s so that no minute is skipped; unref'd so a forgotten queue never holds the process.
    cronTimer ??= setInterval(tickCron, 20_000).unref()
  }

  async function stop(): Promise<void> {
    if (isStopped) return
    isStopped = true
    if (cronTimer) clearInterval(cronTimer)
    const dropped = timers.size + ready.length + [...parked.values()].reduce((n, jobs) => n + jobs.length, 0)
    for (const timer of timers.keys()) clearTimeout(timer)
    timers.clear()
    ready.length = 0
    parked.clear()
    if (dropped > 0) log.warn(`in-process job queue stopped with ${dropped} job(s) not run; they are lost`)
    await drain()
  }

  function drain(): Promise<void> {
    if (isIdle()) return Promise.resolve()
    return new Promise((resolve) => idleWaiters.push(resolve))
  }

  return {
    description: 'in-process (memory; jobs do not survive a restart)',
    canJoinTransaction: false,
    send,
    work,
    schedule,
    stop,
    drain,
  }
}
