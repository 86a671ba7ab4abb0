import type {
  TApproveBookingRequest,
  TBooking,
  TBookingRules,
  TRejectBookingRequest,
} from '#shared/contracts/booking.ts'
import { requireActor, type TActor, type TRequestContext } from '../../context.ts'
import { inTransaction } from '../../db/transaction.ts'
import { AppError } from '../../errors.ts'
import { bookingNotFound, loadRules, type TBookingDeps } from './booking.deps.ts'
import { describeRange, sendNotices, subjectOf } from './booking.notices.ts'
import { canManageInstrument, canReadBooking } from './booking.policy.ts'
import { presentBooking } from './booking.presenters.ts'
import * as repo from './booking.repo.ts'
import { MINUTE_MS, toShanghaiIso } from './time.ts'

function notPending(id: string): AppError {
  return new AppError('STATE_INVALID', `booking ${id} is not pending`, {
    messageKey: 'booking.NOT_PENDING',
    details: { reason: 'NOT_PENDING' },
  })
}

/**
 * The person may check in from `checkInOpensMinutes` before the start until the no-show release; a
 * manager until the end.
 * @throws AppError STATE_INVALID (not open yet, or closed)
 */
function requireCheckInOpen(
  rules: Pick<TBookingRules, 'checkInOpensMinutes' | 'noShowReleaseMinutes'>,
  booking: { id: string; start: Date; end: Date },
  now: Date,
  isManager: boolean,
): void {
  const opensAt = new Date(booking.start.getTime() - rules.checkInOpensMinutes * MINUTE_MS)
  const closesAt = isManager ? booking.end : new Date(booking.start.getTime() + rules.noShowReleaseMinutes * MINUTE_MS)
  if (now < opensAt) {
    throw new AppError('STATE_INVALID', `check-in of ${booking.id} not open`, {
      messageKey: 'booking.CHECK_IN_NOT_OPEN',
      vars: { from: toShanghaiIso(opensAt).slice(0, 16).replace('T', ' ') },
      details: { reason: 'CHECK_IN_NOT_OPEN', opensAt: toShanghaiIso(opensAt) },
    })
  }
  if (now >= closesAt) {
    throw new AppError('STATE_INVALID', `check-in of ${booking.id} closed`, {
      messageKey: 'booking.CHECK_IN_CLOSED',
      details: { reason: 'CHECK_IN_CLOSED' },
    })
  }
}

/** Approval, rejection and check-in (issue 5 items 1 and 5). */
export function createBookingDecisionActions(deps: TBookingDeps) {
  const { db, clock, audit } = deps

  /**
   * A booking the actor manages; refusals of people who may see it but not decide are audited.
   * @throws AppError NOT_FOUND | FORBIDDEN
   */
  async function loadManaged(
    ctx: TRequestContext,
    actor: TActor,
    id: string,
    action: string,
  ): Promise<repo.TBookingRow> {
    const row = await repo.findBooking(db, id)
    if (!row || !canReadBooking(actor, row)) throw bookingNotFound(id)
    if (!canManageInstrument(actor, row.owner_org_id)) {
      await audit.recordFor(ctx, { action, targetType: 'booking', targetId: id, result: 'denied' })
      throw new AppError('FORBIDDEN', `not a manager of booking ${id}`)
    }
    return row
  }

  /**
   * Decides a pending booking: approve (→ confirmed) or reject (with a reason the person sees). Audited;
   * the person is told.
   */
  async function decide(
    ctx: TRequestContext,
    id: string,
    decision: { isApproved: boolean; note: string | null },
  ): Promise<TBooking> {
    const actor = requireActor(ctx)
    const action = decision.isApproved ? 'booking.approve' : 'booking.reject'
    const row = await loadManaged(ctx, actor, id, action)
    if (row.status !== 'pending') throw notPending(id)
    const now = clock.now()
    const status = decision.isApproved ? 'confirmed' : 'rejected'
    await inTransaction(db, async (trx) => {
      const isDone = await repo.updateBooking(trx, id, ['pending'], {
        status,
        decisionNote: decision.note,
        decidedBy: actor.userId,
        at: now,
      })
      if (!isDone) throw notPending(id)
      await repo.insertEvent(trx, {
        booking_id: id,
        action: decision.isApproved ? 'approved' : 'rejected',
        from_status: 'pending',
        to_status: status,
        actor_id: actor.userId,
        detail: JSON.stringify({ note: decision.note }),
        occurred_at: now,
      })
      const detail = { instrumentId: row.instrument_id, userId: row.user_id, note: decision.note }
      await audit.recordFor(ctx, { action, targetType: 'booking', targetId: id, result: 'success', detail }, trx)
      const when = describeRange(row)
      await sendNotices(deps, trx, subjectOf(row), {
        actingUserId: actor.userId,
        toUser: {
          event: 'booking.decided',
          title: decision.isApproved ? '仪器预约已通过审核' : '仪器预约未通过审核',
          body: decision.isApproved
            ? `“${row.instrument_title}” ${when} 的预约已确认，请按时到场签到。`
            : `“${row.instrument_title}” ${when} 的预约未通过。原因：${decision.note ?? ''}`,
        },
        toManagers: null,
      })
    })
    return presentBooking((await repo.findBooking(db, id))!)
  }

  /**
   * @throws AppError UNAUTHENTICATED | NOT_FOUND | FORBIDDEN (not a manager) | STATE_INVALID (not pending)
   */
  function approveBooking(ctx: TRequestContext, id: string, input: TApproveBookingRequest): Promise<TBooking> {
    return decide(ctx, id, { isApproved: true, note: input.note || null })
  }

  /**
   * @throws AppError UNAUTHENTICATED | NOT_FOUND | FORBIDDEN (not a manager) | STATE_INVALID (not pending)
   */
  function rejectBooking(ctx: TRequestContext, id: string, input: TRejectBookingRequest): Promise<TBooking> {
    return decide(ctx, id, { isApproved: false, note: input.reason })
  }

  /**
   * Checks a confirmed booking in: the person from `checkInOpensMinutes` before the start until the no-show
   * release, a manager at any time until the end. The managers (or the person) are told.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND | STATE_INVALID (not confirmed, not open yet, closed)
   */
  async function checkInBooking(ctx: TRequestContext, id: string): Promise<TBooking> {
    const actor = requireActor(ctx)
    const row = await repo.findBooking(db, id)
    if (!row || !canReadBooking(actor, row)) throw bookingNotFound(id)
    if (row.status !== 'confirmed') {
      throw new AppError('STATE_INVALID', `booking ${id} is ${row.status}`, {
        messageKey: 'booking.NOT_CONFIRMED',
        details: { reason: 'NOT_CONFIRMED' },
      })
    }
    const now = clock.now()
    const { rules } = await loadRules(db, row.instrument_id)
    requireCheckInOpen(rules, row, now, canManageInstrument(actor, row.owner_org_id))
    await inTransaction(db, async (trx) => {
      const isDone = await repo.updateBooking(trx, id, ['confirmed'], {
        status: 'checked_in',
        checkedInAt: now,
        at: now,
      })
      if (!isDone) throw new AppError('STATE_INVALID', `booking ${id} changed`, { messageKey: 'booking.NOT_CONFIRMED' })
      await repo.insertEvent(trx, {
        booking_id: id,
        action: 'checked_in',
        from_status: 'confirmed',
        to_status: 'checked_in',
        actor_id: actor.userId,
        occurred_at: now,
      })
      const text = {
        event: 'booking.changed' as const,
        title: '仪器预约已签到',
        body: `“${row.instrument_title}” ${describeRange(row)} 已签到。`,
      }
      await sendNotices(deps, trx, subjectOf(row), {
        actingUserId: actor.userId,
        toUser: actor.userId === row.user_id ? null : text,
        toManagers: text,
      })
    })
    return presentBooking((await repo.findBooking(db, id))!)
  }

  return { approveBooking, rejectBooking, checkInBooking }
}
