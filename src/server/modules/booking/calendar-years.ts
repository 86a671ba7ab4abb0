import type { TCalendarYearResponse, TLoadCalendarYearRequest } from '#shared/contracts/booking-admin.ts'
import { requireActor, type TRequestContext } from '../../context.ts'
import { inTransaction } from '../../db/transaction.ts'
import { AppError, fieldError } from '../../errors.ts'
import type { TBookingDeps } from './booking.deps.ts'
import { canLoadHolidayCalendar } from './booking.policy.ts'
import { bundledYearDays, isYearBundled } from './holidays.ts'
import * as rulesRepo from './rules.repo.ts'

/**
 * The public-holiday calendar behind every instrument's opening hours: the bundled chinese-days data, and
 * years a platform admin loads when the State Council publishes them (each November for the next year).
 */
export function createCalendarYearActions(deps: TBookingDeps) {
  const { db, clock, audit } = deps

  /**
   * A year's holidays and adjusted workdays, and where they come from (loaded, bundled or missing). Public.
   */
  async function getCalendarYear(year: number): Promise<TCalendarYearResponse> {
    const loaded = await rulesRepo.findLoadedYear(db, year)
    if (loaded) {
      return {
        year,
        source: 'loaded',
        days: loaded.map((d) => ({ date: d.day, kind: d.kind as 'holiday' | 'workday', name: d.name })),
      }
    }
    return { year, source: isYearBundled(year) ? 'bundled' : 'missing', days: bundledYearDays(year) }
  }

  /**
   * Loads (or replaces) a year's holidays and adjusted workdays; they replace the bundled data of that
   * year for every instrument. Platform admins only; audited.
   * @throws AppError UNAUTHENTICATED | FORBIDDEN | VALIDATION (a date outside the year, or listed twice)
   */
  async function loadCalendarYear(
    ctx: TRequestContext,
    year: number,
    input: TLoadCalendarYearRequest,
  ): Promise<TCalendarYearResponse> {
    const actor = requireActor(ctx)
    if (!canLoadHolidayCalendar(actor)) {
      await audit.recordFor(ctx, {
        action: 'booking.calendar_load',
        targetType: 'booking_calendar',
        targetId: String(year),
        result: 'denied',
      })
      throw new AppError('FORBIDDEN', 'only platform admins load holiday calendars')
    }
    const seen = new Set<string>()
    const issues = input.days.flatMap((d, i) => {
      const isOutside = !d.date.startsWith(`${year}-`)
      const isTwice = seen.has(d.date)
      seen.add(d.date)
      if (!isOutside && !isTwice) return []
      const messageKey = isOutside ? 'booking.CALENDAR_DAY_OUTSIDE_YEAR' : 'booking.CALENDAR_DAY_TWICE'
      return [{ path: `body.days.${i}.date`, messageKey, vars: { date: d.date, year } }]
    })
    if (issues.length > 0) throw fieldError('VALIDATION', issues)
    await inTransaction(db, async (trx) => {
      await rulesRepo.replaceLoadedYear(trx, { year, days: input.days, loadedBy: actor.userId, at: clock.now() })
      const detail = {
        holidays: input.days.filter((d) => d.kind === 'holiday').length,
        workdays: input.days.filter((d) => d.kind === 'workday').length,
      }
      await audit.recordFor(
        ctx,
        {
          action: 'booking.calendar_load',
          targetType: 'booking_calendar',
          targetId: String(year),
          result: 'success',
          detail,
        },
        trx,
      )
    })
    return getCalendarYear(year)
  }

  return { getCalendarYear, loadCalendarYear }
}
