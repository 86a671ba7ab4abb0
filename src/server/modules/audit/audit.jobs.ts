import type { TJobQueue } from '../../jobs/queue.ts'
import type { TAuditService } from './audit.service.ts'

/** The daily job that removes audit records older than the retention. */
export const AUDIT_PURGE_JOB = 'audit-purge'

/** 03:17 UTC (11:17 Beijing time) every day: off the hour, when few people act. */
export const AUDIT_PURGE_CRON = '17 3 * * *'

/**
 * Registers the purge worker and its daily schedule. main.ts calls this with an audit service built with
 * the configured retention (AUDIT_RETENTION_DAYS).
 */
export async function registerAuditJobs(deps: { jobs: TJobQueue; audit: TAuditService }): Promise<void> {
  await deps.jobs.work(AUDIT_PURGE_JOB, async () => {
    await deps.audit.purgeExpired()
  })
  await deps.jobs.schedule(AUDIT_PURGE_JOB, AUDIT_PURGE_CRON)
}
