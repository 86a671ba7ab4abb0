import { sql, type Insertable } from 'kysely'
import type { TBookingQuote, TBookingStatus } from '#shared/contracts/booking.ts'
import type { TDb } from '../../db/transaction.ts'
import type { BookingEventTable, TChangeTerms } from './booking.tables.ts'

/** Statuses that hold the slot (the exclusion constraint's WHERE). */
export const ACTIVE_STATUSES: TBookingStatus[] = ['pending', 'confirmed', 'checked_in']

/** A booking with its bounds as instants and the names the API shows. */
export type TBookingRow = {
  id: string
  instrument_id: string
  instrument_title: string
  owner_org_id: string
  user_id: string
  user_name: string
  org_id: string | null
  org_name: string | null
  start: Date
  end: Date
  status: TBookingStatus
  mode: 'self' | 'with_operator'
  quote: TBookingQuote
  change_terms: TChangeTerms
  samples: number | null
  purpose: string
  decision_note: string | null
  cancel_reason: string | null
  cancel_fee_fen: number
  reschedule_fee_fen: number
  reschedule_count: number
  checked_in_at: Date | null
  created_at: Date
  updated_at: Date
}

const range = (start: Date, end: Date) => sql<string>`tstzrange(${start}, ${end}, '[)')`

function bookingQuery(db: TDb) {
  return db
    .selectFrom('booking as b')
    .innerJoin('resource as r', 'r.id', 'b.instrument_id')
    .innerJoin('app_user as u', 'u.id', 'b.user_id')
    .leftJoin('organisation as o', 'o.id', 'b.org_id')
    .select([
      'b.id',
      'b.instrument_id',
      'r.title as instrument_title',
      'r.owner_org_id',
      'b.user_id',
      'u.display_name as user_name',
      'b.org_id',
      'o.name as org_name',
      sql<Date>`lower(b.during)`.as('start'),
      sql<Date>`upper(b.during)`.as('end'),
      sql<TBookingStatus>`b.status`.as('status'),
      sql<'self' | 'with_operator'>`b.mode`.as('mode'),
      'b.quote',
      'b.change_terms',
      'b.samples',
      'b.purpose',
      'b.decision_note',
      'b.cancel_reason',
      'b.cancel_fee_fen',
      'b.reschedule_fee_fen',
      'b.reschedule_count',
      'b.checked_in_at',
      'b.created_at',
      'b.updated_at',
    ])
}

/** The new booking's fields. */
export type TNewBooking = {
  instrumentId: string
  userId: string
  orgId: string | null
  start: Date
  end: Date
  status: TBookingStatus
  mode: 'self' | 'with_operator'
  quote: TBookingQuote
  changeTerms: TChangeTerms
  samples: number | null
  purpose: string
  at: Date
}

const instrumentLockKey = (instrumentId: string) => sql`hashtextextended(${`booking:${instrumentId}`}, 0)`

/**
 * Inserts a booking and its 'created' event in one statement, after taking the instrument's booking lock
 * (see {@link lockInstrumentBookings}; taking it again inside the same transaction is harmless). Outside a
 * transaction the statement commits on its own, so the lock is held for this one round trip. The exclusion
 * constraint booking_no_overlap refuses an overlap with SQLSTATE 23P01 (→ SLOT_TAKEN, db-errors.ts).
 * @returns the new booking's id
 */
export async function insertBooking(db: TDb, b: TNewBooking): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    with locked as (
      select pg_advisory_xact_lock(${instrumentLockKey(b.instrumentId)})
    ), created as (
      insert into booking (instrument_id, user_id, org_id, during, status, mode, quote, amount_fen, change_terms,
                           samples, purpose, created_at, updated_at)
      select ${b.instrumentId}::uuid, ${b.userId}::uuid, ${b.orgId}::uuid, ${range(b.start, b.end)}, ${b.status},
             ${b.mode}, ${JSON.stringify(b.quote)}::jsonb, ${b.quote.amountFen}::bigint,
             ${JSON.stringify(b.changeTerms)}::jsonb, ${b.samples}::int, ${b.purpose}, ${b.at}::timestamptz,
             ${b.at}::timestamptz
      from locked
      returning id, status
    ), event as (
      insert into booking_event (booking_id, action, from_status, to_status, actor_id, occurred_at)
      select id, 'created', null, status, ${b.userId}, ${b.at} from created
    )
    select id from created`.execute(db)
  return rows[0]!.id
}

/** One booking with names, or undefined. */
export async function findBooking(db: TDb, id: string): Promise<TBookingRow | undefined> {
  return bookingQuery(db).where('b.id', '=', id).executeTakeFirst()
}

type TPage = { limit: number; offset: number }

/** A person's bookings, newest start first. */
export async function listUserBookings(db: TDb, userId: string, status: TBookingStatus | undefined, page: TPage) {
  let query = bookingQuery(db).where('b.user_id', '=', userId)
  if (status) query = query.where('b.status', '=', status)
  return query
    .orderBy(sql`lower(b.during)`, 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

/** How many bookings a person has (of a status). */
export async function countUserBookings(db: TDb, userId: string, status: TBookingStatus | undefined): Promise<number> {
  let query = db
    .selectFrom('booking')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
  if (status) query = query.where('status', '=', status)
  return Number((await query.executeTakeFirstOrThrow()).n)
}

/** A person's no-shows (on any instrument) since an instant. */
export async function countUserNoShows(db: TDb, userId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('booking')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('status', '=', 'no_show')
    .where(sql<boolean>`lower(during) >= ${since}`)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export type TInstrumentBookingFilter = { status?: TBookingStatus | undefined; start?: Date; end?: Date }

function instrumentBookings(db: TDb, instrumentId: string, filter: TInstrumentBookingFilter) {
  let query = bookingQuery(db).where('b.instrument_id', '=', instrumentId)
  if (filter.status) query = query.where('b.status', '=', filter.status)
  if (filter.start) query = query.where(sql<boolean>`upper(b.during) > ${filter.start}`)
  if (filter.end) query = query.where(sql<boolean>`lower(b.during) < ${filter.end}`)
  return query
}

/** An instrument's bookings (manager view), by start. */
export async function listInstrumentBookings(
  db: TDb,
  instrumentId: string,
  filter: TInstrumentBookingFilter,
  page: TPage,
) {
  return instrumentBookings(db, instrumentId, filter)
    .orderBy(sql`lower(b.during)`)
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

/** How many bookings the manager view's filter matches. */
export async function countInstrumentBookings(db: TDb, instrumentId: string, filter: TInstrumentBookingFilter) {
  const rows = await instrumentBookings(db, instrumentId, filter)
    .clearSelect()
    .select(sql<number>`count(*)`.as('n'))
    .execute()
  return Number(rows[0]?.n ?? 0)
}

/** Active bookings meeting a period (the calendar's busy blocks), by start. */
export async function listActiveBookingsIn(db: TDb, instrumentId: string, start: Date, end: Date) {
  return bookingQuery(db)
    .where('b.instrument_id', '=', instrumentId)
    .where('b.status', 'in', ACTIVE_STATUSES)
    .where(sql<boolean>`b.during && ${range(start, end)}`)
    .orderBy(sql`lower(b.during)`)
    .limit(5000)
    .execute()
}

/**
 * Serialises the booking writes of one instrument across app copies until the transaction ends
 * (pg_advisory_xact_lock). Overlapping inserts then meet a committed row (23P01 at once) instead of each
 * waiting for the other's exclusion check — PostgreSQL resolves that by a deadlock abort after
 * deadlock_timeout (1 s), which we measured under 200 concurrent clients. Quota sums read under it stay true.
 */
export async function lockInstrumentBookings(db: TDb, instrumentId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${instrumentLockKey(instrumentId)})`.execute(db)
}

/**
 * Minutes of active and completed bookings of one person (or one organisation) on an instrument whose start
 * falls in a period, leaving one booking out (the one being rescheduled).
 */
export async function sumBookedMinutes(
  db: TDb,
  input: { instrumentId: string; userId?: string; orgId?: string; start: Date; end: Date; exceptId: string | null },
): Promise<number> {
  let query = db
    .selectFrom('booking')
    .select(sql<number>`coalesce(sum(extract(epoch from upper(during) - lower(during)) / 60), 0)::int`.as('minutes'))
    .where('instrument_id', '=', input.instrumentId)
    .where('status', 'in', [...ACTIVE_STATUSES, 'completed'])
    .where(sql<boolean>`lower(during) >= ${input.start} and lower(during) < ${input.end}`)
  if (input.userId) query = query.where('user_id', '=', input.userId)
  if (input.orgId) query = query.where('org_id', '=', input.orgId)
  if (input.exceptId) query = query.where('id', '<>', input.exceptId)
  return Number((await query.executeTakeFirstOrThrow()).minutes)
}

/** Changes a booking's status and fields; returns false when it was no longer in one of `from`. */
export async function updateBooking(
  db: TDb,
  id: string,
  from: readonly TBookingStatus[],
  patch: {
    status?: TBookingStatus
    start?: Date
    end?: Date
    quote?: TBookingQuote
    decisionNote?: string | null
    decidedBy?: string
    cancelReason?: string | null
    addCancelFeeFen?: number
    addRescheduleFeeFen?: number
    isRescheduled?: boolean
    checkedInAt?: Date
    at: Date
  },
): Promise<boolean> {
  const result = await db
    .updateTable('booking')
    .set((eb) => ({
      updated_at: patch.at,
      ...(patch.status ? { status: patch.status } : {}),
      ...(patch.start && patch.end ? { during: range(patch.start, patch.end) } : {}),
      ...(patch.quote ? { quote: JSON.stringify(patch.quote), amount_fen: patch.quote.amountFen } : {}),
      ...(patch.decisionNote !== undefined ? { decision_note: patch.decisionNote } : {}),
      ...(patch.decidedBy ? { decided_by: patch.decidedBy, decided_at: patch.at } : {}),
      ...(patch.cancelReason !== undefined ? { cancel_reason: patch.cancelReason } : {}),
      ...(patch.addCancelFeeFen ? { cancel_fee_fen: eb('cancel_fee_fen', '+', patch.addCancelFeeFen) } : {}),
      ...(patch.addRescheduleFeeFen
        ? { reschedule_fee_fen: eb('reschedule_fee_fen', '+', patch.addRescheduleFeeFen) }
        : {}),
      ...(patch.isRescheduled ? { reschedule_count: eb('reschedule_count', '+', 1) } : {}),
      ...(patch.checkedInAt ? { checked_in_at: patch.checkedInAt } : {}),
    }))
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Appends to a booking's history. */
export async function insertEvent(db: TDb, event: Insertable<BookingEventTable>): Promise<void> {
  await db.insertInto('booking_event').values(event).execute()
}
