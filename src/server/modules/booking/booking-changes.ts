import type {
  TBooking,
  TBookingStatus,
  TCancelBookingRequest,
  TRescheduleBookingRequest,
} from '#shared/contracts/booking.ts'
import { requireActor, type TActor, type TRequestContext } from '../../context.ts'
import { inTransaction, type TDb } from '../../db/transaction.ts'
import { AppError } from '../../errors.ts'
import { violationError } from './booking-checks.ts'
import {
  bookingNotFound,
  loadInstrumentContext,
  requireBookable,
  requireRangeAllowed,
  retryOnDeadlock,
  type TBookingDeps,
} from './booking.deps.ts'
import { describeRange, sendNotices, subjectOf } from './booking.notices.ts'
import { canChangeBooking, canReadBooking } from './booking.policy.ts'
import { presentBooking } from './booking.presenters.ts'
import * as repo from './booking.repo.ts'
import { checkQuotas } from './create-booking.ts'
import { lateChangeFee, requote } from './quote.ts'
import { minutesOf, type TInterval } from './time.ts'

/** Statuses a person may still cancel or reschedule (before the start). */
const CHANGEABLE: TBookingStatus[] = ['pending', 'confirmed']

function notChangeable(id: string): AppError {
  return new AppError('STATE_INVALID', `booking ${id} cannot change`, {
    messageKey: 'booking.NOT_CHANGEABLE',
    details: { reason: 'NOT_CHANGEABLE' },
  })
}

/**
 * The late fee of a change now: only confirmed bookings pay it (a pending one was never promised), by the
 * terms frozen on the booking.
 */
function feeOf(row: repo.TBookingRow, now: Date): number {
  if (row.status !== 'confirmed') return 0
  return lateChangeFee({ rules: row.change_terms, amountFen: row.quote.amountFen, start: row.start, now })
}

/** A reschedule: the new range, the status it leads to, the late fee, who and when. */
type TMove = { range: TInterval; status: TBookingStatus; feeFen: number; actorId: string; at: Date }

/** Writes a reschedule at the frozen prices and records it. @throws AppError STATE_INVALID when it changed meanwhile */
async function moveBooking(trx: TDb, row: repo.TBookingRow, move: TMove): Promise<void> {
  const isDone = await repo.updateBooking(trx, row.id, [row.status], {
    status: move.status,
    ...move.range,
    quote: requote(row.quote, minutesOf(move.range), row.samples ?? 1),
    addRescheduleFeeFen: move.feeFen,
    isRescheduled: true,
    at: move.at,
  })
  if (!isDone) throw notChangeable(row.id)
  const detail = {
    from: { start: row.start.toISOString(), end: row.end.toISOString() },
    to: { start: move.range.start.toISOString(), end: move.range.end.toISOString() },
    feeFen: move.feeFen,
  }
  await repo.insertEvent(trx, {
    booking_id: row.id,
    action: 'rescheduled',
    from_status: row.status,
    to_status: move.status,
    actor_id: move.actorId,
    detail: JSON.stringify(detail),
    occurred_at: move.at,
  })
}

/** Tells the person and the managers about a reschedule (and that it needs approval again, if so). */
async function noticeMoved(deps: TBookingDeps, row: repo.TBookingRow, move: TMove): Promise<void> {
  const again = move.status === 'pending' && row.status === 'confirmed' ? '，需重新审核' : ''
  const to = describeRange(move.range)
  await sendNotices(
    deps,
    deps.db,
    { ...subjectOf(row), range: move.range },
    {
      actingUserId: move.actorId,
      toUser: {
        event: 'booking.changed',
        title: '仪器预约已改期',
        body: `“${row.instrument_title}” 改为 ${to}${again}。`,
      },
      toManagers: {
        event: 'booking.changed',
        title: move.status === 'pending' ? '仪器预约改期，待审核' : '仪器预约已改期',
        body: `${row.user_name} 将“${row.instrument_title}”的预约由 ${describeRange(row)} 改为 ${to}${again}。`,
      },
    },
  )
}

/** Cancelling and rescheduling by the person who booked (issue 5 item 5). */
export function createBookingChangeActions(deps: TBookingDeps) {
  const { db, clock } = deps

  /**
   * The booking, if the actor may change it and it has not started.
   * @throws AppError NOT_FOUND (not theirs to see) | FORBIDDEN (a manager, not the booker) | STATE_INVALID
   */
  async function loadChangeable(actor: TActor, id: string): Promise<repo.TBookingRow> {
    const row = await repo.findBooking(db, id)
    if (!row || !canReadBooking(actor, row)) throw bookingNotFound(id)
    if (!canChangeBooking(actor, row)) throw new AppError('FORBIDDEN', `booking ${id} belongs to someone else`)
    if (!CHANGEABLE.includes(row.status) || row.start <= clock.now()) throw notChangeable(id)
    return row
  }

  /**
   * Cancels a booking before it starts: free before the cut-off, the late fee after it (confirmed bookings
   * only). The slot frees at once. The managers are told.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND | FORBIDDEN | STATE_INVALID (started, ended or decided)
   */
  async function cancelBooking(ctx: TRequestContext, id: string, input: TCancelBookingRequest): Promise<TBooking> {
    const actor = requireActor(ctx)
    const row = await loadChangeable(actor, id)
    const now = clock.now()
    const fee = feeOf(row, now)
    await inTransaction(db, async (trx) => {
      const isDone = await repo.updateBooking(trx, id, [row.status], {
        status: 'cancelled',
        cancelReason: input.reason || null,
        addCancelFeeFen: fee,
        at: now,
      })
      if (!isDone) throw notChangeable(id)
      const detail = { feeFen: fee, reason: input.reason ?? null }
      await repo.insertEvent(trx, {
        booking_id: id,
        action: 'cancelled',
        from_status: row.status,
        to_status: 'cancelled',
        actor_id: actor.userId,
        detail: JSON.stringify(detail),
        occurred_at: now,
      })
      const when = describeRange(row)
      const feeText = fee > 0 ? `，按规则收取逾期取消费 ${(fee / 100).toFixed(2)} 元` : ''
      await sendNotices(deps, trx, subjectOf(row), {
        actingUserId: actor.userId,
        toUser: {
          event: 'booking.changed',
          title: '仪器预约已取消',
          body: `“${row.instrument_title}” ${when}${feeText}。`,
        },
        toManagers: {
          event: 'booking.changed',
          title: '仪器预约已取消',
          body: `${row.user_name} 取消了“${row.instrument_title}” ${when} 的预约。`,
        },
      })
    })
    return presentBooking((await repo.findBooking(db, id))!)
  }

  /**
   * Moves a booking to a new range under the same rules as a new booking, at the prices frozen on it:
   * free before the cut-off, the late fee after it (confirmed bookings only). An approved booking of an
   * instrument that needs approval goes back to pending. The managers are told.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND | FORBIDDEN | STATE_INVALID (started, ended, decided,
   *   retired, calendar, quota) | VALIDATION (the new range breaks a rule) | SLOT_TAKEN
   */
  async function rescheduleBooking(
    ctx: TRequestContext,
    id: string,
    input: TRescheduleBookingRequest,
  ): Promise<TBooking> {
    const actor = requireActor(ctx)
    const row = await loadChangeable(actor, id)
    const range = { start: new Date(input.start), end: new Date(input.end) }
    if (range.end <= range.start) throw violationError({ reason: 'RANGE_INVALID', vars: {} })
    const context = await loadInstrumentContext(deps, actor, row.instrument_id, range)
    requireBookable(context)
    const now = clock.now()
    requireRangeAllowed(context, range, now)
    const move: TMove = {
      range,
      status: row.status === 'confirmed' && context.rules.isApprovalRequired ? 'pending' : row.status,
      feeFen: feeOf(row, now),
      actorId: actor.userId,
      at: now,
    }
    await retryOnDeadlock(() =>
      inTransaction(db, async (trx) => {
        await repo.lockInstrumentBookings(trx, row.instrument_id)
        await checkQuotas(trx, context, { userId: row.user_id, orgId: row.org_id }, range, id)
        await moveBooking(trx, row, move)
      }),
    )
    // After the commit, as for new bookings.
    await noticeMoved(deps, row, move)
    return presentBooking((await repo.findBooking(db, id))!)
  }

  return { cancelBooking, rescheduleBooking }
}
