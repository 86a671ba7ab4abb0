import { sql } from 'kysely'
import type { TDb } from '../../db/transaction.ts'

/** `text` with LIKE's wildcards escaped, so '50%' matches the characters, not "50 and anything". */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

function searchQuery(db: TDb, q: string) {
  let query = db
    .selectFrom('organisation as o')
    .innerJoin('platform_node as n', 'n.id', 'o.node_id')
    .where('o.status', '=', 'approved')
  if (q !== '') {
    const fragment = `%${escapeLike(q)}%`
    query = query.where((eb) => eb.or([eb('o.name', 'ilike', fragment), eb('o.credit_code', '=', q.toUpperCase())]))
  }
  return query
}

/**
 * One page of approved units whose name contains `q` (any case) or whose credit code is `q`; every
 * approved unit when `q` is empty. The credit-code match comes first, then names starting with `q`, then
 * the shorter names (the closer match), then by name.
 */
export async function searchApprovedOrganisations(db: TDb, q: string, page: { limit: number; offset: number }) {
  const prefix = `${escapeLike(q)}%`
  return searchQuery(db, q)
    .select(['o.id', 'o.name', 'o.kind', 'o.city_code', 'n.name as node_name'])
    .orderBy(sql`case when o.credit_code = ${q.toUpperCase()} then 0 when o.name ilike ${prefix} then 1 else 2 end`)
    .orderBy(sql`length(o.name)`)
    .orderBy('o.name')
    .orderBy('o.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

/** How many units searchApprovedOrganisations would return without paging. */
export async function countApprovedOrganisations(db: TDb, q: string): Promise<number> {
  const row = await searchQuery(db, q)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow()
  return row.n
}
