import { createBookingChangeActions } from './booking-changes.ts'
import { createBookingDecisionActions } from './booking-decisions.ts'
import type { TBookingDeps } from './booking.deps.ts'
import './booking.messages.ts'
import { createBookingReadActions } from './booking-reads.ts'
import { createCalendarYearActions } from './calendar-years.ts'
import { createBookingActions } from './create-booking.ts'
import { createNoShowActions } from './no-show.ts'
import { createRulesAdminActions } from './rules-admin.ts'

export type { TBookingDeps } from './booking.deps.ts'

/**
 * Instrument booking (issue 5, first slice): rules, calendar, quotes, bookings and their changes, the
 * no-show sweep and the holiday calendar. Every function takes the request context first (except the
 * sweep and the public calendar year) and checks booking.policy.ts before it writes anything. One file per
 * group of actions; the pure rules are in booking-checks.ts, opening-hours.ts, holidays.ts, quote.ts and
 * calendar.ts.
 */
export function createBookingService(deps: TBookingDeps) {
  return {
    ...createBookingActions(deps),
    ...createBookingChangeActions(deps),
    ...createBookingDecisionActions(deps),
    ...createBookingReadActions(deps),
    ...createRulesAdminActions(deps),
    ...createCalendarYearActions(deps),
    ...createNoShowActions(deps),
  }
}

export type TBookingService = ReturnType<typeof createBookingService>
