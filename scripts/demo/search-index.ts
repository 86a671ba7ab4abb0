import type { Transaction } from 'kysely'
import type { DB } from '#server/db/schema.ts'
import { createSearchService, type TIndexableResource } from '#server/modules/search/index.ts'
import type { TRng } from './prng.ts'
import type { TDemoResource } from './resource-base.ts'

/**
 * The search index for demo and benchmark catalogues: every resource goes through the search service's
 * `indexResources` (published ones are indexed, the rest skipped), as the catalogue's writes will.
 */

/** Rows per indexResources call when loading many. */
export const INDEX_BATCH = 1000

/**
 * A demo usage count (bookings, orders, views): heavy-tailed, most resources little used, a few a lot.
 * Experts keep their service record (the search index reads it from their attributes).
 * @param rng the 'popularity' stream
 * @param kind the resource kind
 * @returns a count, or undefined to keep the index's default
 */
export function demoPopularity(rng: TRng, kind: string): number | undefined {
  const count = Math.floor(Math.exp(rng.next() * 6)) - 1
  return kind === 'expert' ? undefined : count
}

/**
 * A built or read-back resource as the search index takes it.
 * @param row the resource row
 * @param ownerName the owner unit's name
 * @param popularity usage count, if any
 */
export function toIndexable(
  row: Omit<TIndexableResource, 'attributes' | 'owner_name' | 'popularity'> & { attributes: unknown },
  ownerName: string,
  popularity: number | undefined,
): TIndexableResource {
  const attributes =
    typeof row.attributes === 'object' && row.attributes !== null ? (row.attributes as Record<string, unknown>) : {}
  return { ...row, attributes, owner_name: ownerName, ...(popularity === undefined ? {} : { popularity }) }
}

/**
 * Indexes the demo catalogue inside the seeding transaction.
 * @param trx the seeding transaction
 * @param resources the built resources (any status)
 * @param ownerNames organisation id → name
 * @param rng the 'popularity' stream
 */
export async function indexDemoResources(
  trx: Transaction<DB>,
  resources: readonly TDemoResource[],
  ownerNames: ReadonlyMap<string, string>,
  rng: TRng,
): Promise<number> {
  const search = createSearchService({ db: trx })
  let indexed = 0
  for (let i = 0; i < resources.length; i += INDEX_BATCH) {
    const rows = resources
      .slice(i, i + INDEX_BATCH)
      .map((r) => toIndexable(r, ownerNames.get(r.owner_org_id) ?? '', demoPopularity(rng, r.kind)))
    indexed += (await search.indexResources(rows, trx)).indexed
  }
  return indexed
}
