import { sql } from 'kysely'
import type { TDb } from '../../db/transaction.ts'

/**
 * Marks confirmed bookings not checked in within their instrument's release time as no-shows (the slot
 * frees: no_show is not an active status) and records the event.
 * @returns the bookings released
 */
export async function releaseNoShows(db: TDb, now: Date, defaultReleaseMinutes: number) {
  const { rows } = await sql<{
    id: string
    instrument_id: string
    user_id: string
    owner_org_id: string
    title: string
    start: Date
    end: Date
  }>`
    with due as (
      update booking b set status = 'no_show', updated_at = ${now}
      from resource r
      where r.id = b.instrument_id and b.status = 'confirmed' and lower(b.during) <= ${now}
        and lower(b.during) + make_interval(mins => coalesce(
              (select x.no_show_release_minutes from instrument_booking_rule x where x.instrument_id = b.instrument_id),
              ${defaultReleaseMinutes})) <= ${now}
      returning b.id, b.instrument_id, b.user_id, r.owner_org_id, r.title, lower(b.during) as start, upper(b.during) as "end"
    ), event as (
      insert into booking_event (booking_id, action, from_status, to_status, actor_id, occurred_at)
      select id, 'no_show', 'confirmed', 'no_show', null, ${now} from due
    )
    select * from due`.execute(db)
  return rows
}
