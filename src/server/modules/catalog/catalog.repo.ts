import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema.ts'

export type TPublishedFilter = {
  kinds: string[] | undefined
  /** A GB/T 2260 prefix: 2 digits (province), 4 (city) or 6 (district). */
  regionPrefix: string | undefined
  orgId: string | undefined
}

function publishedQuery(db: Kysely<DB>, filter: TPublishedFilter) {
  let query = db
    .selectFrom('resource as r')
    .innerJoin('organisation as o', 'o.id', 'r.owner_org_id')
    .where('r.status', '=', 'published')
  if (filter.kinds?.length) query = query.where('r.kind', 'in', filter.kinds)
  if (filter.regionPrefix) query = query.where('r.region_code', 'like', `${filter.regionPrefix}%`)
  if (filter.orgId) query = query.where('r.owner_org_id', '=', filter.orgId)
  return query
}

/** One page of published resources, newest first, with the owner's name. */
export async function listPublishedResources(
  db: Kysely<DB>,
  filter: TPublishedFilter,
  page: { limit: number; offset: number },
) {
  return publishedQuery(db, filter)
    .select([
      'r.id',
      'r.kind',
      'r.title',
      'r.summary',
      'r.owner_org_id',
      'o.name as owner_name',
      'r.region_code',
      'r.tags',
      'r.published_at',
    ])
    .orderBy('r.published_at', 'desc')
    .orderBy('r.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

/** How many published resources match the filter. */
export async function countPublishedResources(db: Kysely<DB>, filter: TPublishedFilter): Promise<number> {
  const row = await publishedQuery(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return row.n
}

/** A published resource with owner and operating node, or undefined. */
export async function findPublishedResource(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('resource as r')
    .innerJoin('organisation as o', 'o.id', 'r.owner_org_id')
    .innerJoin('platform_node as n', 'n.id', 'r.node_id')
    .selectAll('r')
    .select(['o.name as owner_name', 'n.name as node_name'])
    .where('r.id', '=', id)
    .where('r.status', '=', 'published')
    .executeTakeFirst()
}
