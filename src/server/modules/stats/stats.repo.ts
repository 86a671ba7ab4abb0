import { sql, type Kysely } from 'kysely'
import type { DB } from '../../db/schema.ts'

/** Published resources per kind. */
export async function countPublishedResourcesByKind(db: Kysely<DB>): Promise<{ kind: string; count: number }[]> {
  return db
    .selectFrom('resource')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('count')])
    .where('status', '=', 'published')
    .groupBy('kind')
    .execute()
}

/** Approved organisations, and the number of distinct cities they are in. */
export async function countOrganisationsAndCities(db: Kysely<DB>): Promise<{ organisations: number; cities: number }> {
  const row = await db
    .selectFrom('organisation')
    .select([
      (eb) => eb.fn.countAll<number>().as('organisations'),
      sql<number>`count(distinct city_code)`.as('cities'),
    ])
    .where('status', '=', 'approved')
    .executeTakeFirstOrThrow()
  return row
}

/** All platform nodes. */
export async function countNodes(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('platform_node').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return row.n
}

/** Demands that have been published (whatever happened to them since). */
export async function countPublicDemands(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('demand')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '<>', 'draft')
    .executeTakeFirstOrThrow()
  return row.n
}

/** Sum of `attributes.originalValueFen` over published instruments. */
export async function sumPublishedInstrumentValueFen(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('resource')
    .select(sql<number>`coalesce(sum((attributes->>'originalValueFen')::bigint), 0)::bigint`.as('total'))
    .where('kind', '=', 'instrument')
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow()
  return row.total
}

/** Per city code: published resources and approved organisations. */
export async function countByCity(
  db: Kysely<DB>,
): Promise<{ city_code: string; resources: number; organisations: number }[]> {
  const result = await sql<{ city_code: string; resources: number; organisations: number }>`
    with r as (select city_code, count(*) as n from resource where status = 'published' group by city_code),
         o as (select city_code, count(*) as n from organisation where status = 'approved' group by city_code)
    select coalesce(r.city_code, o.city_code) as city_code,
           coalesce(r.n, 0)::bigint as resources,
           coalesce(o.n, 0)::bigint as organisations
      from r full outer join o on o.city_code = r.city_code
     order by resources desc, city_code`.execute(db)
  return result.rows
}
