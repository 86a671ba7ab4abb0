import type { TJobQueue } from '../../jobs/queue.ts'
import type { TFileService } from './files.service.ts'

/** The hourly job that removes files nobody claimed within a day (UNCLAIMED_FILE_TTL_MS). */
export const FILES_CLEANUP_JOB = 'files-cleanup'

/** Minute 41 of every hour: off the hour and away from the audit purge (03:17). */
export const FILES_CLEANUP_CRON = '41 * * * *'

/**
 * Registers the clean-up worker and its hourly schedule. main.ts calls this with the file service of the
 * running app's files folder.
 */
export async function registerFileJobs(deps: {
  jobs: TJobQueue
  files: Pick<TFileService, 'deleteUnclaimedFiles'>
}): Promise<void> {
  await deps.jobs.work(FILES_CLEANUP_JOB, async () => {
    await deps.files.deleteUnclaimedFiles()
  })
  await deps.jobs.schedule(FILES_CLEANUP_JOB, FILES_CLEANUP_CRON)
}
