import type { TBooking, TCreateBookingRequest } from '#shared/contracts/booking.ts'
import { requireActor, type TActor, type TRequestContext } from '../../context.ts'
import { inTransaction, type TDb } from '../../db/transaction.ts'
import { findQuotaViolation, hasQuota, violationError } from './booking-checks.ts'
import {
  chooseMode,
  loadInstrumentContext,
  requireBookable,
  requireRangeAllowed,
  retryOnDeadlock,
  type TBookingDeps,
  type TInstrumentContext,
} from './booking.deps.ts'
import { describeRange, sendNotices, subjectOf } from './booking.notices.ts'
import { presentBooking } from './booking.presenters.ts'
import * as repo from './booking.repo.ts'
import { computeQuote } from './quote.ts'
import { minutesOf, periodOf, type TInterval } from './time.ts'

/**
 * Checks the quotas and the no-show limit. With a quota it reads the booked minutes, and must run inside
 * the booking transaction after the instrument's lock, so two bookings cannot both squeeze under it;
 * without one it reads nothing (the no-show count came with the context).
 * @param exceptId a booking left out of the sums (the one being rescheduled)
 * @throws AppError STATE_INVALID (quota) | FORBIDDEN (no-show limit)
 */
export async function checkQuotas(
  trx: TDb,
  context: TInstrumentContext,
  who: { userId: string; orgId: string | null },
  range: TInterval,
  exceptId: string | null,
): Promise<void> {
  const { rules } = context
  const period = periodOf(range.start, rules.quotaPeriod)
  const base = { instrumentId: context.instrument.id, start: period.start, end: period.end, exceptId }
  const userUsedMinutes =
    rules.userQuotaMinutes === null ? 0 : await repo.sumBookedMinutes(trx, { ...base, userId: who.userId })
  const orgUsedMinutes =
    rules.orgQuotaMinutes === null || who.orgId === null
      ? null
      : await repo.sumBookedMinutes(trx, { ...base, orgId: who.orgId })
  const violation = findQuotaViolation({
    rules,
    minutes: minutesOf(range),
    userUsedMinutes,
    orgUsedMinutes,
    noShows: context.noShows,
  })
  if (violation) throw violationError(violation)
}

/** The booking a valid request makes: status by approval, mode by training, the frozen quote and terms. */
function planBooking(
  context: TInstrumentContext,
  actor: TActor,
  input: TCreateBookingRequest,
  range: TInterval,
  now: Date,
): repo.TNewBooking {
  const { rules } = context
  const samples = input.samples ?? null
  return {
    instrumentId: context.instrument.id,
    userId: actor.userId,
    orgId: actor.currentOrgId,
    ...range,
    status: rules.isApprovalRequired ? 'pending' : 'confirmed',
    mode: chooseMode(context, input.mode),
    quote: computeQuote({
      fee: context.fee,
      tier: context.tier,
      isFree: context.isFree,
      minutes: minutesOf(range),
      samples: samples ?? 1,
    }),
    changeTerms: { cancelCutoffHours: rules.cancelCutoffHours, lateFee: rules.lateFee },
    samples,
    purpose: input.purpose,
    at: now,
  }
}

/** The new booking as a row, from what the request knows (reading it back would cost a round trip). */
function rowOfNew(id: string, booking: repo.TNewBooking, context: TInstrumentContext, actor: TActor): repo.TBookingRow {
  return {
    id,
    instrument_id: booking.instrumentId,
    instrument_title: context.instrument.title,
    owner_org_id: context.instrument.owner_org_id,
    user_id: booking.userId,
    user_name: actor.displayName,
    org_id: booking.orgId,
    org_name: booking.orgId ? context.actingOrgName : null,
    start: booking.start,
    end: booking.end,
    status: booking.status,
    mode: booking.mode,
    quote: booking.quote,
    change_terms: booking.changeTerms,
    samples: booking.samples,
    purpose: booking.purpose,
    decision_note: null,
    cancel_reason: null,
    cancel_fee_fen: 0,
    reschedule_fee_fen: 0,
    reschedule_count: 0,
    checked_in_at: null,
    created_at: booking.at,
    updated_at: booking.at,
  }
}

/** Tells the person (received / confirmed) and the managers (to approve / to prepare for) in `trx`. */
async function noticeNew(deps: TBookingDeps, trx: TDb, row: repo.TBookingRow, managerIds: string[]): Promise<void> {
  const when = describeRange(row)
  const isPending = row.status === 'pending'
  await sendNotices(
    deps,
    trx,
    { ...subjectOf(row), managerIds },
    {
      actingUserId: row.user_id,
      toUser: {
        event: 'booking.submitted',
        title: isPending ? '仪器预约已提交，等待审核' : '仪器预约成功',
        body: `“${row.instrument_title}” ${when}${isPending ? '，请等待仪器管理员审核。' : '，预约已确认。'}`,
      },
      toManagers: {
        event: 'booking.requested',
        title: isPending ? '新的仪器预约待审核' : '新的仪器预约',
        body: `${row.user_name} 预约了“${row.instrument_title}” ${when}。`,
      },
    },
  )
}

/** POST /api/bookings */
export function createBookingActions(deps: TBookingDeps) {
  const { db, clock } = deps

  /**
   * Books an instrument for the signed-in person (acting for their current organisation, if any). Every
   * rule is checked before anything is written; the quote is computed and frozen on the booking; the
   * database's exclusion constraint settles races for the same slot, across app copies. Pending when the
   * instrument needs approval, confirmed otherwise; "with operator" when the person is not trained on an
   * instrument that requires it. The person and the managers are told.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND (instrument) | STATE_INVALID (retired, calendar not loaded,
   *   quota) | VALIDATION (past, notice, advance, slot, length, opening hours, holiday, maintenance) |
   *   FORBIDDEN (no-show limit) | SLOT_TAKEN (overlap)
   */
  async function createBooking(ctx: TRequestContext, input: TCreateBookingRequest): Promise<TBooking> {
    const actor = requireActor(ctx)
    const range = { start: new Date(input.start), end: new Date(input.end) }
    if (range.end <= range.start) throw violationError({ reason: 'RANGE_INVALID', vars: {} })
    const context = await loadInstrumentContext(deps, actor, input.instrumentId, range)
    requireBookable(context)
    const now = clock.now()
    requireRangeAllowed(context, range, now)
    const { rules } = context
    const booking = planBooking(context, actor, input, range, now)
    const who = { userId: booking.userId, orgId: booking.orgId }
    const isQuotaChecked = hasQuota(rules, who.orgId)
    // Without a quota the booking is one statement (lock, row, event) that commits on its own, so the
    // instrument's lock is held for one round trip; with one, the sums are read under the lock first.
    const id = await retryOnDeadlock(() =>
      isQuotaChecked
        ? inTransaction(db, async (trx) => {
            await repo.lockInstrumentBookings(trx, booking.instrumentId)
            await checkQuotas(trx, context, who, range, null)
            return repo.insertBooking(trx, booking)
          })
        : checkQuotas(db, context, who, range, null).then(() => repo.insertBooking(db, booking)),
    )
    const row = rowOfNew(id, booking, context, actor)
    // After the commit: the booking's own write stays one short statement.
    await noticeNew(deps, db, row, context.managerIds)
    return presentBooking(row)
  }

  return { createBooking }
}
