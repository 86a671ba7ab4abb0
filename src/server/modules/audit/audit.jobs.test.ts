import { describe, expect, it } from 'vitest'
import { createInProcessJobQueue } from '../../jobs/queue.ts'
import { AUDIT_PURGE_CRON, AUDIT_PURGE_JOB, registerAuditJobs } from './audit.jobs.ts'
import type { TAuditService } from './audit.service.ts'

describe('audit jobs', () => {
  it('runs the purge when its job comes, on a daily schedule', async () => {
    const jobs = createInProcessJobQueue({ delayScale: 0 })
    let purges = 0
    const audit = { purgeExpired: async () => ++purges } as unknown as TAuditService
    await registerAuditJobs({ jobs, audit })
    await jobs.send(AUDIT_PURGE_JOB, {})
    await jobs.drain()
    expect(purges).toBe(1)
    expect(AUDIT_PURGE_CRON).toBe('17 3 * * *')
    await jobs.stop()
  })
})
