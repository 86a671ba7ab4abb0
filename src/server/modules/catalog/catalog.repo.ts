import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema.ts'

export type TPublishedFilter = {
  kinds: string[] | undefined
  /** A GB/T 2260 prefix: 2 digits (province), 4 (city) or 6 (district). */
  regionPrefix: string | undefined
  orgId: string | undefined
  /** Nodes whose 'network' resources the reader may see (empty: public resources only). */
  networkNodeIds: readonly string[]
}

function publishedFilter(db: Kysely<DB>, filter: TPublishedFilter) {
  let query = db.selectFrom('resource as r').where('r.status', '=', 'published')
  const nodeIds = [...filter.networkNodeIds]
  query =
    nodeIds.length === 0
      ? query.where('r.audience', '=', 'public')
      : query.where((eb) => eb.or([eb('r.audience', '=', 'public'), eb('r.node_id', 'in', nodeIds)]))
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
  return publishedFilter(db, filter)
    .innerJoin('organisation as o', 'o.id', 'r.owner_org_id')
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

/**
 * How many published resources match the filter. No join: every row has its owner (foreign key), and the
 * filter columns are in resource_published_count_idx, so this is an index-only scan.
 */
export async function countPublishedResources(db: Kysely<DB>, filter: TPublishedFilter): Promise<number> {
  const row = await publishedFilter(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return row.n
}

/** A published resource with owner and operating node, or undefined (its audience is the caller's to check). */
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

/** The public attachments of a resource, with the files' names, types and sizes, in display order. */
export async function listPublicAttachments(db: Kysely<DB>, resourceId: string) {
  return db
    .selectFrom('resource_attachment as a')
    .innerJoin('stored_file as f', 'f.id', 'a.file_id')
    .select(['a.file_id', 'a.role', 'a.caption', 'f.original_name', 'f.mime', 'f.size_bytes'])
    .where('a.resource_id', '=', resourceId)
    .orderBy('a.position')
    .execute()
}

/** The nodes a unit belongs to: its own node and the nodes it has joined (approved units only). */
export async function findOrganisationNodeIds(db: Kysely<DB>, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('organisation as o')
    .leftJoin('organisation_node_membership as m', 'm.org_id', 'o.id')
    .select(['o.node_id', 'm.node_id as joined_node_id'])
    .where('o.id', '=', orgId)
    .where('o.status', '=', 'approved')
    .execute()
  return [...new Set(rows.flatMap((r) => (r.joined_node_id ? [r.node_id, r.joined_node_id] : [r.node_id])))]
}
