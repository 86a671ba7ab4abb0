import { hash } from '@node-rs/argon2'
import { type Kysely, sql } from 'kysely'
import type { DB } from '#server/db/schema.ts'
import { inTransaction } from '#server/db/transaction.ts'
import { DEMO_PASSWORD, type TDemoAccount } from './build-accounts.ts'
import { buildDemoDataset, countDataset, DEFAULT_SEED, type TBuildOptions } from './build-dataset.ts'
import { insertDemoDataset } from './insert.ts'
import { createRng } from './prng.ts'
import { indexDemoResources } from './search-index.ts'

export { ACCOUNT_SPECS, DEMO_PASSWORD, type TDemoAccount } from './build-accounts.ts'
export { buildDemoDataset, countDataset, DEFAULT_SEED, DEMO_COUNTS, type TDemoDataset } from './build-dataset.ts'
export { DEFAULT_NOW } from './time.ts'

/** What seeding reports: the demo accounts (one per role) and the rows inserted per table and kind. */
export type TDemoSummary = { accounts: TDemoAccount[]; counts: Record<string, number> }

/**
 * Loads the demo data — platform network, organisations, catalogue, demands and one account per role —
 * and indexes the published catalogue for search, in ONE transaction, so a failure leaves the database as
 * it was; then gathers planner statistics (ANALYZE). Deterministic for a seed and `now`.
 * The demo password is hashed once (argon2id defaults) and shared by every account.
 * Call it on an empty, migrated database: it does not check, and unique codes make a second run fail.
 * @param db the Kysely instance (PGlite or PostgreSQL)
 * @param options seed and fixed "now"; see buildDemoDataset
 * @returns the accounts and row counts
 */
export async function seedDemoData(db: Kysely<DB>, options: Omit<TBuildOptions, 'real'> = {}): Promise<TDemoSummary> {
  const dataset = buildDemoDataset(options)
  const passwordHash = await hash(DEMO_PASSWORD)
  const ownerNames = new Map(dataset.organisations.map((o) => [o.id, o.name]))
  const popularity = createRng(options.seed ?? DEFAULT_SEED, 'popularity')
  await inTransaction(db, async (trx) => {
    await insertDemoDataset(trx, dataset, passwordHash)
    await indexDemoResources(trx, dataset.resources, ownerNames, popularity)
  })
  // Planner statistics for the fresh tables: PGlite runs no autovacuum, and without them the catalogue's
  // list query guesses one row per filter and sorts instead of reading resource_kind_status_idx in order.
  await sql`analyze`.execute(db)
  return { accounts: dataset.accounts, counts: countDataset(dataset) }
}
