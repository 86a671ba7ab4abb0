import { sql } from 'kysely'
import type { TDb } from '../../db/transaction.ts'
import type { TRuleRow } from './rules.ts'

/** An instrument as the booking module reads it (a `resource` row of kind instrument). */
export type TInstrumentRow = {
  id: string
  title: string
  status: string
  owner_org_id: string
  node_id: string
  sharing_level: string
  attributes: Record<string, unknown>
}

/** The instrument, unless it does not exist or is not an instrument. */
export async function findInstrument(db: TDb, id: string): Promise<TInstrumentRow | undefined> {
  return db
    .selectFrom('resource')
    .select(['id', 'title', 'status', 'owner_org_id', 'node_id', 'sharing_level', 'attributes'])
    .where('id', '=', id)
    .where('kind', '=', 'instrument')
    .executeTakeFirst()
}

/** A maintenance window as JSON gives it back (instants as text). */
type TMaintenanceJson = { id: string; start: string; end: string; reason: string }
/** A loaded calendar year with its days. */
type TLoadedYearJson = { year: number; days: { day: string; kind: string; name: string }[] }

/** Everything a booking, a quote or a calendar needs about an instrument and the person, in one round trip. */
export type TBookingContextRow = TInstrumentRow & {
  /** The saved rules (JSON of the row), or null when none were saved. */
  rule: Omit<TRuleRow, 'updated_at'> | null
  is_trained: boolean
  is_network_member: boolean
  no_shows: number
  maintenance: TMaintenanceJson[]
  loaded_years: TLoadedYearJson[]
  /** The instrument's managers and its owner's admins (who hears of bookings). */
  manager_grants: { user_id: string; role: string }[]
  /** Name of the organisation the person acts for (null when none). */
  acting_org_name: string | null
}

/**
 * Reads the instrument with its rules, the person's training, network membership and recent no-shows, the
 * maintenance windows meeting a period, and the admin-loaded holiday years among `years` — one statement,
 * because booking is the hottest write path.
 * @param input.userId the person (null for anonymous readers: trained / member / no-shows come back false / 0)
 * @param input.orgIds organisations the person belongs to
 * @param input.window the period whose maintenance windows are wanted
 * @param input.years calendar years the period touches
 * @param input.noShowSince start of the no-show count
 */
export async function findBookingContext(
  db: TDb,
  input: {
    instrumentId: string
    userId: string | null
    orgIds: readonly string[]
    window: { start: Date; end: Date }
    years: readonly number[]
    noShowSince: Date
    actingOrgId: string | null
  },
): Promise<TBookingContextRow | undefined> {
  const userId = input.userId ?? '00000000-0000-0000-0000-000000000000'
  const { rows } = await sql<TBookingContextRow>`
    select r.id, r.title, r.status, r.owner_org_id, r.node_id, r.sharing_level, r.attributes,
      (select to_jsonb(x) - 'updated_at' from instrument_booking_rule x where x.instrument_id = r.id) as rule,
      exists (select 1 from instrument_training t where t.instrument_id = r.id and t.user_id = ${userId}) as is_trained,
      exists (
        select 1 from organisation_node_membership m join platform_node mn on mn.id = m.node_id
        where m.org_id = any(${[...input.orgIds]}::uuid[])
          and (n.path like mn.path || '%' or mn.path like n.path || '%')
      ) as is_network_member,
      (select count(*)::int from booking b
        where b.instrument_id = r.id and b.user_id = ${userId} and b.status = 'no_show'
          and lower(b.during) >= ${input.noShowSince}) as no_shows,
      coalesce((
        select jsonb_agg(jsonb_build_object('id', w.id, 'start', lower(w.during), 'end', upper(w.during),
                                            'reason', w.reason) order by lower(w.during))
        from instrument_maintenance w
        where w.instrument_id = r.id and w.during && tstzrange(${input.window.start}, ${input.window.end}, '[)')
      ), '[]'::jsonb) as maintenance,
      coalesce((
        select jsonb_agg(jsonb_build_object('year', y.year, 'days', coalesce((
          select jsonb_agg(jsonb_build_object('day', d.day, 'kind', d.kind, 'name', d.name))
          from booking_calendar_day d where d.year = y.year), '[]'::jsonb)))
        from booking_calendar_year y where y.year = any(${[...input.years]}::int[])
      ), '[]'::jsonb) as loaded_years,
      coalesce((
        select jsonb_agg(jsonb_build_object('user_id', g.user_id, 'role', g.role))
        from role_grant g where g.org_id = r.owner_org_id and g.role in ('instrument_manager', 'org_admin')
      ), '[]'::jsonb) as manager_grants,
      (select o.name from organisation o where o.id = ${input.actingOrgId}) as acting_org_name
    from resource r join platform_node n on n.id = r.node_id
    where r.id = ${input.instrumentId} and r.kind = 'instrument'`.execute(db)
  return rows[0]
}

/**
 * The people told about an instrument's bookings: its owner's instrument managers, or — when the owner
 * has none — the owner's admins.
 */
export async function listInstrumentManagerIds(db: TDb, ownerOrgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('role_grant')
    .select(['user_id', 'role'])
    .where('org_id', '=', ownerOrgId)
    .where('role', 'in', ['instrument_manager', 'org_admin'])
    .execute()
  return pickManagerIds(rows)
}

/** The instrument managers among an owner's grants, or its admins when it has no instrument manager. */
export function pickManagerIds(grants: readonly { user_id: string; role: string }[]): string[] {
  const managers = grants.filter((g) => g.role === 'instrument_manager').map((g) => g.user_id)
  return [...new Set(managers.length > 0 ? managers : grants.map((g) => g.user_id))]
}

/** True when the user exists (training records name people). */
export async function userExists(db: TDb, userId: string): Promise<boolean> {
  const row = await db.selectFrom('app_user').select('id').where('id', '=', userId).executeTakeFirst()
  return row !== undefined
}
