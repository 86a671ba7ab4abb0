import type { Kysely } from 'kysely'
import type { TBookingRules, TPriceTier } from '#shared/contracts/booking.ts'
import type { TClock } from '../../clock.ts'
import type { TActor } from '../../context.ts'
import type { DB } from '../../db/schema.ts'
import type { TDb } from '../../db/transaction.ts'
import { AppError } from '../../errors.ts'
import type { TAuditService } from '../audit/audit.service.ts'
import type { TNotifyService } from '../notify/notify.service.ts'
import { findWindowViolation, violationError, type TMaintenanceWindow } from './booking-checks.ts'
import { canManageInstrument, orgIdsOf } from './booking.policy.ts'
import { createHolidayCalendar, type THolidayCalendar, type TLoadedYear } from './holidays.ts'
import {
  findBookingContext,
  findInstrument,
  pickManagerIds,
  type TBookingContextRow,
  type TInstrumentRow,
} from './instrument.repo.ts'
import { findRuleRow } from './rules.repo.ts'
import { readFeeStandard, resolveTier, type TFeeStandard } from './quote.ts'
import { deriveRules, rulesFromRow } from './rules.ts'
import { DAY_MS, localDatesOf, type TInterval } from './time.ts'

/** What the booking module is built from (passed by app.ts). */
export type TBookingDeps = {
  db: Kysely<DB>
  clock: TClock
  audit: Pick<TAuditService, 'recordFor'>
  notify: Pick<TNotifyService, 'notify'>
}

/** No-shows are counted over this many days (the rules' no-show limit). */
export const NO_SHOW_WINDOW_DAYS = 90

/** Operating states (attributes.status) in which an instrument takes no bookings. */
const RETIRED_STATES = ['停用', 'retired']

/** An instrument with everything the rules need to judge a request of one person. */
export type TInstrumentContext = {
  instrument: TInstrumentRow
  rules: TBookingRules
  /** True while no manager saved rules (derived from the instrument's description). */
  isDerived: boolean
  calendar: THolidayCalendar
  maintenance: (TMaintenanceWindow & { id: string })[]
  tier: TPriceTier
  fee: TFeeStandard
  /** Sharing level "free": a basic service at no charge. */
  isFree: boolean
  isTrained: boolean
  /** The person's no-shows on this instrument within NO_SHOW_WINDOW_DAYS. */
  noShows: number
  isManager: boolean
  /** Published and not retired. */
  isBookable: boolean
  /** Who hears of bookings: the instrument managers (or the owner's admins). */
  managerIds: string[]
  /** Name of the organisation the person acts for, or null. */
  actingOrgName: string | null
}

/** NOT_FOUND for an instrument that does not exist, is not an instrument, or is not visible. */
export function instrumentNotFound(id: string): AppError {
  return new AppError('NOT_FOUND', `instrument ${id} not found`, { messageKey: 'booking.INSTRUMENT_NOT_FOUND' })
}

/** NOT_FOUND for a booking that does not exist or that the reader may not see. */
export function bookingNotFound(id: string): AppError {
  return new AppError('NOT_FOUND', `booking ${id} not found`, { messageKey: 'booking.NOT_FOUND' })
}

function yearsOf(window: TInterval): number[] {
  return [...new Set(localDatesOf(window).map((d) => Number(d.slice(0, 4))))]
}

function loadedYears(rows: { year: number; days: { day: string; kind: string; name: string }[] }[]) {
  const years = new Map<number, TLoadedYear>()
  for (const row of rows) {
    const year: TLoadedYear = { holidays: new Map(), workdays: new Map() }
    for (const d of row.days) (d.kind === 'holiday' ? year.holidays : year.workdays).set(d.day, d.name)
    years.set(row.year, year)
  }
  return years
}

function isInstrumentBookable(instrument: TInstrumentRow): boolean {
  const state = instrument.attributes.status
  return instrument.status === 'published' && !(typeof state === 'string' && RETIRED_STATES.includes(state))
}

/**
 * Loads an instrument for a person: its rules (saved or derived), holiday calendar for the years of
 * `window`, maintenance meeting `window`, the person's price tier, training and no-shows. Unpublished
 * instruments are visible to their managers only.
 * @param actor the person (null: anonymous — external tier, not trained)
 * @param window the period the request is about (a booking's range, a calendar's days)
 * @throws AppError NOT_FOUND
 */
export async function loadInstrumentContext(
  deps: Pick<TBookingDeps, 'clock'> & { db: TDb },
  actor: TActor | null,
  instrumentId: string,
  window: TInterval,
): Promise<TInstrumentContext> {
  const orgIds = orgIdsOf(actor)
  const row = await findBookingContext(deps.db, {
    instrumentId,
    userId: actor?.userId ?? null,
    orgIds,
    window,
    years: yearsOf(window),
    noShowSince: new Date(deps.clock.now().getTime() - NO_SHOW_WINDOW_DAYS * DAY_MS),
    actingOrgId: actor?.currentOrgId ?? null,
  })
  if (!row) throw instrumentNotFound(instrumentId)
  const context = contextOf(row, orgIds, canManageInstrument(actor, row.owner_org_id))
  if (row.status !== 'published' && !context.isManager) throw instrumentNotFound(instrumentId)
  return context
}

/** The context from the row of {@link findBookingContext}. */
function contextOf(row: TBookingContextRow, orgIds: string[], isManager: boolean): TInstrumentContext {
  const {
    rule,
    is_trained,
    is_network_member,
    no_shows,
    maintenance,
    loaded_years,
    manager_grants,
    acting_org_name,
    ...instrument
  } = row
  const tierInput = { ownerOrgId: instrument.owner_org_id, personOrgIds: orgIds, isNetworkMember: is_network_member }
  return {
    instrument,
    rules: rule ? rulesFromRow(rule) : deriveRules(instrument.attributes),
    isDerived: rule === null,
    calendar: createHolidayCalendar(loadedYears(loaded_years)),
    maintenance: maintenance.map((m) => ({
      id: m.id,
      start: new Date(m.start),
      end: new Date(m.end),
      reason: m.reason,
    })),
    tier: resolveTier(tierInput),
    fee: readFeeStandard(instrument.attributes),
    isFree: instrument.sharing_level === 'free',
    isTrained: is_trained,
    noShows: Number(no_shows),
    isManager,
    isBookable: isInstrumentBookable(instrument),
    managerIds: pickManagerIds(manager_grants),
    actingOrgName: acting_org_name,
  }
}

/**
 * Refuses bookings of an instrument that is not published (NOT_FOUND, as for anyone who cannot see it) or
 * retired (停用).
 * @throws AppError NOT_FOUND | STATE_INVALID
 */
export function requireBookable(context: TInstrumentContext): void {
  if (context.instrument.status !== 'published') throw instrumentNotFound(context.instrument.id)
  if (!context.isBookable) {
    throw new AppError('STATE_INVALID', `instrument ${context.instrument.id} is retired`, {
      messageKey: 'booking.INSTRUMENT_RETIRED',
      details: { reason: 'INSTRUMENT_RETIRED' },
    })
  }
}

/** self when the person may operate the instrument (trained, or no training needed) and asked for it. */
export function chooseMode(context: TInstrumentContext, asked: 'self' | 'with_operator' | undefined) {
  if (context.rules.isTrainingRequired && !context.isTrained) return 'with_operator' as const
  return asked ?? 'self'
}

/**
 * An instrument's rules without a person's context (rules page, check-in).
 * @returns the rules, whether they are derived, when they were saved, and the instrument
 * @throws AppError NOT_FOUND
 */
export async function loadRules(db: TDb, instrumentId: string) {
  const [instrument, row] = await Promise.all([findInstrument(db, instrumentId), findRuleRow(db, instrumentId)])
  if (!instrument) throw instrumentNotFound(instrumentId)
  return {
    instrument,
    rules: row ? rulesFromRow(row) : deriveRules(instrument.attributes),
    isDerived: row === undefined,
    updatedAt: row?.updated_at ?? null,
  }
}

/** How often a booking write is tried when PostgreSQL breaks a deadlock by aborting it. */
const DEADLOCK_ATTEMPTS = 3

/**
 * Runs a booking write again when PostgreSQL aborted it to break a deadlock (SQLSTATE 40P01). Booking writes
 * take the instrument's lock first, so overlapping ones no longer wait on each other's exclusion check; this
 * is the safety net that keeps a deadlock from ever reaching the client as a 500.
 * @throws AppError SLOT_TAKEN when every attempt deadlocked; any other error unchanged
 */
export async function retryOnDeadlock<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write()
    } catch (err) {
      if ((err as { code?: unknown }).code !== '40P01') throw err
      if (attempt >= DEADLOCK_ATTEMPTS) {
        throw new AppError('SLOT_TAKEN', 'booking deadlocked with concurrent bookings', { cause: err })
      }
    }
  }
}

/**
 * Refuses a range that breaks the instrument's timing or calendar rules (see booking-checks.ts).
 * @throws AppError VALIDATION | STATE_INVALID (calendar not loaded)
 */
export function requireRangeAllowed(context: TInstrumentContext, range: TInterval, now: Date): void {
  const { rules, calendar, maintenance } = context
  const violation = findWindowViolation({ rules, range, now, calendar, maintenance })
  if (violation) throw violationError(violation)
}
