import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema.ts'

/** One page of published demands, newest first, with the publishing organisation's name. */
export async function listPublishedDemands(db: Kysely<DB>, page: { limit: number; offset: number }) {
  return db
    .selectFrom('demand as d')
    .innerJoin('organisation as o', 'o.id', 'd.org_id')
    .select([
      'd.id',
      'd.title',
      'd.summary',
      'd.industry_code',
      'd.region_code',
      'd.budget_fen',
      'd.deadline',
      'd.org_id',
      'o.name as org_name',
      'd.published_at',
    ])
    .where('d.status', '=', 'published')
    .orderBy('d.published_at', 'desc')
    .orderBy('d.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

/** Number of published demands. */
export async function countPublishedDemands(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('demand')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow()
  return row.n
}
