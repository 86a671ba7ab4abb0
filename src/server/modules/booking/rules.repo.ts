import { sql } from 'kysely'
import type { TDb } from '../../db/transaction.ts'
import type { TRuleRow } from './rules.ts'

/** The saved rules of an instrument, or undefined. */
export async function findRuleRow(db: TDb, instrumentId: string): Promise<TRuleRow | undefined> {
  return db
    .selectFrom('instrument_booking_rule')
    .selectAll()
    .where('instrument_id', '=', instrumentId)
    .executeTakeFirst()
}

/** Saves (inserts or replaces) an instrument's rules. */
export async function upsertRuleRow(db: TDb, row: TRuleRow): Promise<TRuleRow> {
  const { instrument_id: _id, ...changes } = row
  return db
    .insertInto('instrument_booking_rule')
    .values(row)
    .onConflict((oc) => oc.column('instrument_id').doUpdateSet(changes))
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** A maintenance window with its bounds as instants. */
export type TMaintenanceRow = { id: string; start: Date; end: Date; reason: string }

/** Adds a maintenance window; returns it. */
export async function insertMaintenance(
  db: TDb,
  input: { instrumentId: string; start: Date; end: Date; reason: string; createdBy: string; at: Date },
): Promise<TMaintenanceRow> {
  return db
    .insertInto('instrument_maintenance')
    .values({
      instrument_id: input.instrumentId,
      during: sql<string>`tstzrange(${input.start}, ${input.end}, '[)')`,
      reason: input.reason,
      created_by: input.createdBy,
      created_at: input.at,
    })
    .returning(['id', sql<Date>`lower(during)`.as('start'), sql<Date>`upper(during)`.as('end'), 'reason'])
    .executeTakeFirstOrThrow()
}

/** Removes a maintenance window of an instrument; true when there was one. */
export async function deleteMaintenance(db: TDb, instrumentId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('instrument_maintenance')
    .where('id', '=', id)
    .where('instrument_id', '=', instrumentId)
    .executeTakeFirst()
  return result.numDeletedRows > 0n
}

/** Active bookings of an instrument meeting a period. */
export async function countActiveBookingsIn(db: TDb, instrumentId: string, start: Date, end: Date): Promise<number> {
  const row = await db
    .selectFrom('booking')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('instrument_id', '=', instrumentId)
    .where('status', 'in', ['pending', 'confirmed', 'checked_in'])
    .where(sql<boolean>`during && tstzrange(${start}, ${end}, '[)')`)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Records (or re-records) that a person is trained on an instrument. */
export async function upsertTraining(
  db: TDb,
  input: { instrumentId: string; userId: string; note: string; recordedBy: string; at: Date },
): Promise<void> {
  const values = { note: input.note, recorded_by: input.recordedBy, recorded_at: input.at }
  await db
    .insertInto('instrument_training')
    .values({ instrument_id: input.instrumentId, user_id: input.userId, ...values })
    .onConflict((oc) => oc.columns(['instrument_id', 'user_id']).doUpdateSet(values))
    .execute()
}

/** Removes a training record; true when there was one. */
export async function deleteTraining(db: TDb, instrumentId: string, userId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('instrument_training')
    .where('instrument_id', '=', instrumentId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return result.numDeletedRows > 0n
}

/** The people trained on an instrument, with their names, most recent first. */
export async function listTrainings(db: TDb, instrumentId: string) {
  return db
    .selectFrom('instrument_training as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .select(['t.user_id', 'u.display_name', 't.note', 't.recorded_at'])
    .where('t.instrument_id', '=', instrumentId)
    .orderBy('t.recorded_at', 'desc')
    .limit(1000)
    .execute()
}

/** The loaded days of a year, or undefined when the year was never loaded. */
export async function findLoadedYear(db: TDb, year: number) {
  const loaded = await db.selectFrom('booking_calendar_year').select('year').where('year', '=', year).executeTakeFirst()
  if (!loaded) return undefined
  return db
    .selectFrom('booking_calendar_day')
    .select(['day', 'kind', 'name'])
    .where('year', '=', year)
    .orderBy('day')
    .execute()
}

/** Replaces a year's loaded holidays and adjusted workdays. */
export async function replaceLoadedYear(
  db: TDb,
  input: { year: number; days: { date: string; kind: string; name: string }[]; loadedBy: string; at: Date },
): Promise<void> {
  await db.deleteFrom('booking_calendar_year').where('year', '=', input.year).execute()
  await db
    .insertInto('booking_calendar_year')
    .values({ year: input.year, loaded_by: input.loadedBy, loaded_at: input.at })
    .execute()
  await db
    .insertInto('booking_calendar_day')
    .values(input.days.map((d) => ({ day: d.date, year: input.year, kind: d.kind, name: d.name })))
    .execute()
}
