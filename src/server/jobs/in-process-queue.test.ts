import { describe, expect, it } from 'vitest'
import { createInProcessJobQueue } from './in-process-queue.ts'
import type { TJobInfo, TJobLog } from './queue.ts'

function collectingLog(): TJobLog & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  }
}

describe('in-process job queue', () => {
  it('retries a failing job with backoff until it succeeds', async () => {
    const log = collectingLog()
    const queue = createInProcessJobQueue({ log, delayScale: 0.001 })
    const attempts: TJobInfo[] = []
    await queue.work<{ n: number }>('flaky-job', async (data, job) => {
      attempts.push(job)
      expect(data).toEqual({ n: 7 })
      if (job.attempt < 3) throw new Error(`boom ${job.attempt}`)
    })
    await queue.send('flaky-job', { n: 7 }, { retryLimit: 5, retryDelaySeconds: 10 })
    await queue.drain()
    expect(attempts.map((a) => [a.attempt, a.isLastAttempt])).toEqual([
      [1, false],
      [2, false],
      [3, false],
    ])
    expect(new Set(attempts.map((a) => a.id)).size).toBe(1)
    expect(log.lines).toEqual([
      expect.stringMatching(/^warn job flaky-job .* attempt 1 failed, retrying in 10 s: boom 1$/),
      expect.stringMatching(/^warn job flaky-job .* attempt 2 failed, retrying in 20 s: boom 2$/),
    ])
    await queue.stop()
  })

  it('gives up after the retry limit and logs the failure', async () => {
    const log = collectingLog()
    const queue = createInProcessJobQueue({ log, delayScale: 0 })
    const seen: boolean[] = []
    await queue.work('always-fails', async (_data, job) => {
      seen.push(job.isLastAttempt)
      throw new Error('no')
    })
    await queue.send('always-fails', {}, { retryLimit: 2 })
    await queue.drain()
    expect(seen).toEqual([false, false, true])
    expect(log.lines.at(-1)).toMatch(/^error job always-fails .* failed for good after 3 attempt\(s\): no$/)
    await queue.stop()
  })

  it('never runs a job inside send(), and holds jobs until their queue has a worker', async () => {
    const queue = createInProcessJobQueue({ delayScale: 0 })
    const ran: string[] = []
    await queue.send('later-job', { id: 'a' })
    await queue.drain()
    expect(ran).toEqual([])
    await queue.work<{ id: string }>('later-job', async (data) => {
      ran.push(data.id)
    })
    await queue.send('later-job', { id: 'b' })
    expect(ran).toEqual([])
    await queue.drain()
    expect(ran).toEqual(['a', 'b'])
    await queue.stop()
  })

  it('waits for startAfterSeconds and stops cleanly, dropping what is still waiting', async () => {
    const log = collectingLog()
    const queue = createInProcessJobQueue({ log, delayScale: 0.001 })
    const ran: number[] = []
    await queue.work<{ n: number }>('timed-job', async (data) => {
      ran.push(data.n)
    })
    await queue.send('timed-job', { n: 1 }, { startAfterSeconds: 20 })
    await queue.send('timed-job', { n: 2 })
    await queue.drain()
    expect(ran).toEqual([2, 1])
    await queue.send('timed-job', { n: 3 }, { startAfterSeconds: 3600 })
    await queue.stop()
    expect(log.lines).toEqual([expect.stringContaining('stopped with 1 job(s) not run')])
    await expect(queue.send('timed-job', { n: 4 })).rejects.toThrow('stopped')
  })

  it('refuses bad queue names and a second worker', async () => {
    const queue = createInProcessJobQueue()
    await expect(queue.send('Bad Name', {})).rejects.toThrow('notify-email')
    await queue.work('one-worker', async () => {})
    await expect(queue.work('one-worker', async () => {})).rejects.toThrow('already has a worker')
    await queue.stop()
  })
})
