import type {
  TCalendarQuery,
  TCalendarResponse,
  TListBookingsResponse,
  TListInstrumentBookingsQuery,
  TListMyBookingsQuery,
  TListMyBookingsResponse,
  TQuoteRequest,
  TQuoteResponse,
} from '#shared/contracts/booking.ts'
import { requireActor, type TRequestContext } from '../../context.ts'
import { AppError } from '../../errors.ts'
import { violationError } from './booking-checks.ts'
import { chooseMode, loadInstrumentContext, NO_SHOW_WINDOW_DAYS, type TBookingDeps } from './booking.deps.ts'
import { presentBooking } from './booking.presenters.ts'
import * as repo from './booking.repo.ts'
import { buildBusyBlocks, buildCalendarDays, MAX_CALENDAR_DAYS } from './calendar.ts'
import { computeQuote } from './quote.ts'
import { addDays, DAY_MS, daysBetween, localMidnight, MINUTE_MS, minutesOf, toShanghaiIso } from './time.ts'

/** Reading: the calendar, quotes, a person's bookings, an instrument's bookings. */
export function createBookingReadActions(deps: TBookingDeps) {
  const { db, clock } = deps

  /**
   * Free/busy of an instrument for some days (Asia/Shanghai): opening hours, holidays and 调休, busy blocks
   * (who booked only for managers and for one's own bookings), the earliest and latest start allowed now.
   * Anyone may read a published instrument's calendar.
   * @throws AppError VALIDATION (to before from, more than 62 days) | NOT_FOUND
   */
  async function getCalendar(
    ctx: TRequestContext,
    instrumentId: string,
    query: TCalendarQuery,
  ): Promise<TCalendarResponse> {
    if (query.to < query.from) throw violationError({ reason: 'RANGE_INVALID', vars: {} })
    if (daysBetween(query.from, query.to).length > MAX_CALENDAR_DAYS) {
      throw new AppError('VALIDATION', 'calendar range too long', {
        messageKey: 'booking.CALENDAR_RANGE_TOO_LONG',
        vars: { days: MAX_CALENDAR_DAYS },
        details: { reason: 'CALENDAR_RANGE_TOO_LONG' },
      })
    }
    const window = { start: localMidnight(query.from), end: localMidnight(addDays(query.to, 1)) }
    const context = await loadInstrumentContext(deps, ctx.actor, instrumentId, window)
    const bookings = await repo.listActiveBookingsIn(db, instrumentId, window.start, window.end)
    const now = clock.now()
    const { rules } = context
    return {
      instrumentId,
      timeZone: 'Asia/Shanghai',
      from: query.from,
      to: query.to,
      slotMinutes: rules.slotMinutes,
      maxMinutes: rules.maxMinutes,
      isApprovalRequired: rules.isApprovalRequired,
      isTrainingRequired: rules.isTrainingRequired,
      earliestStart: toShanghaiIso(new Date(now.getTime() + rules.minNoticeMinutes * MINUTE_MS)),
      latestStart: toShanghaiIso(new Date(now.getTime() + rules.maxAdvanceDays * DAY_MS)),
      days: buildCalendarDays(rules, context.calendar, query.from, query.to),
      busy: buildBusyBlocks(
        bookings.map((b) => ({ ...b, userId: b.user_id, userName: b.user_name })),
        context.maintenance,
        { userId: ctx.actor?.userId ?? null, isManager: context.isManager },
      ),
      isBookable: context.isBookable,
    }
  }

  /**
   * The price of a range and/or samples for the caller (internal / member / external tier), before they
   * book; the same computation is frozen on the booking. Anonymous callers get the external price.
   * @throws AppError VALIDATION (end before start) | NOT_FOUND
   */
  async function quoteBooking(
    ctx: TRequestContext,
    instrumentId: string,
    input: TQuoteRequest,
  ): Promise<TQuoteResponse> {
    const now = clock.now()
    const range = input.start && input.end ? { start: new Date(input.start), end: new Date(input.end) } : null
    if (range && range.end <= range.start) throw violationError({ reason: 'RANGE_INVALID', vars: {} })
    const window = range ?? { start: now, end: new Date(now.getTime() + 60 * MINUTE_MS) }
    const context = await loadInstrumentContext(deps, ctx.actor, instrumentId, window)
    const quote = computeQuote({
      fee: context.fee,
      tier: context.tier,
      isFree: context.isFree,
      minutes: range ? minutesOf(range) : 60,
      samples: input.samples ?? 1,
    })
    return { quote, mode: ctx.actor ? chooseMode(context, undefined) : null }
  }

  /**
   * The signed-in person's bookings, newest start first, and their no-shows of the last 90 days.
   * @throws AppError UNAUTHENTICATED
   */
  async function listMyBookings(ctx: TRequestContext, query: TListMyBookingsQuery): Promise<TListMyBookingsResponse> {
    const actor = requireActor(ctx)
    const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }
    const since = new Date(clock.now().getTime() - NO_SHOW_WINDOW_DAYS * DAY_MS)
    const rows = await repo.listUserBookings(db, actor.userId, query.status, page)
    const total = await repo.countUserBookings(db, actor.userId, query.status)
    const noShowCount = await repo.countUserNoShows(db, actor.userId, since)
    return { items: rows.map(presentBooking), total, page: query.page, pageSize: query.pageSize, noShowCount }
  }

  /**
   * An instrument's bookings for its managers, by start, optionally of a status and meeting [from, to].
   * @throws AppError UNAUTHENTICATED | NOT_FOUND | FORBIDDEN (not a manager of the instrument)
   */
  async function listInstrumentBookings(
    ctx: TRequestContext,
    instrumentId: string,
    query: TListInstrumentBookingsQuery,
  ): Promise<TListBookingsResponse> {
    const actor = requireActor(ctx)
    const now = clock.now()
    const context = await loadInstrumentContext(deps, actor, instrumentId, {
      start: now,
      end: new Date(now.getTime() + MINUTE_MS),
    })
    if (!context.isManager) throw new AppError('FORBIDDEN', `not a manager of instrument ${instrumentId}`)
    const filter = {
      status: query.status,
      ...(query.from ? { start: new Date(query.from) } : {}),
      ...(query.to ? { end: new Date(query.to) } : {}),
    }
    const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }
    const rows = await repo.listInstrumentBookings(db, instrumentId, filter, page)
    const total = await repo.countInstrumentBookings(db, instrumentId, filter)
    return { items: rows.map(presentBooking), total, page: query.page, pageSize: query.pageSize }
  }

  return { getCalendar, quoteBooking, listMyBookings, listInstrumentBookings }
}
