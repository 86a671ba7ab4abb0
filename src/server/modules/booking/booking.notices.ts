import type { TNotifyEvent } from '#shared/contracts/notify.ts'
import type { TDb } from '../../db/transaction.ts'
import type { TBookingDeps } from './booking.deps.ts'
import type { TBookingRow } from './booking.repo.ts'
import { listInstrumentManagerIds } from './instrument.repo.ts'
import { toShanghaiIso, type TInterval } from './time.ts'

/**
 * Notifications of each booking step, to the person who booked and to the instrument's managers, written in
 * the caller's transaction so they commit with the step they announce.
 */

/** What a notice is about. */
export type TNoticeSubject = {
  bookingId: string
  instrumentId: string
  instrumentTitle: string
  ownerOrgId: string
  userId: string
  range: TInterval
  /** The managers when the caller already knows them (else they are looked up). */
  managerIds?: string[]
}

/** The subject of a notice about an existing booking. */
export function subjectOf(row: TBookingRow): TNoticeSubject {
  return {
    bookingId: row.id,
    instrumentId: row.instrument_id,
    instrumentTitle: row.instrument_title,
    ownerOrgId: row.owner_org_id,
    userId: row.user_id,
    range: { start: row.start, end: row.end },
  }
}

/** A message for one audience; omitted audiences are not told. */
type TMessage = { event: TNotifyEvent; title: string; body: string }

/** 2026-10-09 09:00–11:00 (Beijing time), for notification texts. */
export function describeRange(range: TInterval): string {
  const start = toShanghaiIso(range.start)
  const end = toShanghaiIso(range.end)
  const sameDay = start.slice(0, 10) === end.slice(0, 10)
  const endText = sameDay ? end.slice(11, 16) : `${end.slice(0, 10)} ${end.slice(11, 16)}`
  return `${start.slice(0, 10)} ${start.slice(11, 16)}–${endText}（北京时间）`
}

/**
 * Tells the person and/or the managers about a step.
 * @param toUser the person's message, or null
 * @param toManagers the managers' message, or null (the acting manager is not told of their own action)
 * @param actingUserId who acted (left out of the managers' audience)
 */
export async function sendNotices(
  deps: Pick<TBookingDeps, 'notify'>,
  trx: TDb,
  subject: TNoticeSubject,
  messages: { toUser: TMessage | null; toManagers: TMessage | null; actingUserId: string | null },
): Promise<void> {
  if (messages.toUser) {
    await deps.notify.notify({ userIds: [subject.userId], ...messages.toUser, link: '/me/bookings' }, trx)
  }
  if (messages.toManagers) {
    const managers = (subject.managerIds ?? (await listInstrumentManagerIds(trx, subject.ownerOrgId))).filter(
      (id) => id !== messages.actingUserId,
    )
    if (managers.length > 0) {
      await deps.notify.notify(
        { userIds: managers, ...messages.toManagers, link: `/resources/${subject.instrumentId}` },
        trx,
      )
    }
  }
}
