import { inTransaction } from '../../db/transaction.ts'
import type { TJobQueue } from '../../jobs/queue.ts'
import type { TBookingDeps } from './booking.deps.ts'
import { describeRange, sendNotices } from './booking.notices.ts'
import * as repo from './no-show.repo.ts'
import { DEFAULT_RULES } from './rules.ts'

/** The job that releases bookings nobody checked in for (issue 5 item 5). */
export const NO_SHOW_JOB = 'booking-no-show'
/** Every minute: a slot is released within a minute of its instrument's release time. */
export const NO_SHOW_CRON = '* * * * *'

/** The no-show sweep. */
export function createNoShowActions(deps: TBookingDeps) {
  const { db, clock } = deps

  /**
   * Marks confirmed bookings not checked in within their instrument's release time (no_show_release_minutes
   * after the start) as no-shows: the rest of the slot becomes free, and the no-show counts against the
   * person (the rules' no-show limit). The person and the managers are told.
   * @returns how many bookings were released
   */
  async function releaseNoShows(): Promise<number> {
    const now = clock.now()
    return inTransaction(db, async (trx) => {
      const released = await repo.releaseNoShows(trx, now, DEFAULT_RULES.noShowReleaseMinutes)
      for (const b of released) {
        const range = { start: b.start, end: b.end }
        const subject = {
          bookingId: b.id,
          instrumentId: b.instrument_id,
          instrumentTitle: b.title,
          ownerOrgId: b.owner_org_id,
          userId: b.user_id,
          range,
        }
        const when = describeRange(range)
        await sendNotices(deps, trx, subject, {
          actingUserId: null,
          toUser: {
            event: 'booking.no_show',
            title: '仪器预约未签到，已释放',
            body: `“${b.title}” ${when} 的预约未按时签到，时段已释放，并计入爽约记录。`,
          },
          toManagers: {
            event: 'booking.no_show',
            title: '仪器预约未签到',
            body: `“${b.title}” ${when} 的预约未签到，时段已释放。`,
          },
        })
      }
      return released.length
    })
  }

  return { releaseNoShows }
}

/**
 * Registers the no-show worker and its schedule. On PostgreSQL pg-boss fires it once per minute across
 * all app copies; the sweep is idempotent (it only moves confirmed bookings), so a double run is harmless.
 */
export async function registerBookingJobs(deps: {
  jobs: TJobQueue
  booking: { releaseNoShows: () => Promise<number> }
}): Promise<void> {
  await deps.jobs.work(NO_SHOW_JOB, async () => {
    await deps.booking.releaseNoShows()
  })
  await deps.jobs.schedule(NO_SHOW_JOB, NO_SHOW_CRON)
}
