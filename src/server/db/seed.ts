import type { Kysely } from 'kysely'
import { seedDemoData, type TDemoSummary } from '../../../scripts/demo/index.ts'
import type { DB } from './schema.ts'

export type TDemoAccount = TDemoSummary['accounts'][number]

/**
 * Loads the demo data when the database has no platform node yet (first start), and never again, so a
 * restart keeps whatever users changed. Returns the demo accounts either way, for the start banner.
 */
export async function loadDemoDataOnFirstStart(
  db: Kysely<DB>,
): Promise<{ seededNow: boolean; accounts: TDemoAccount[] }> {
  const existing = await db.selectFrom('platform_node').select('id').limit(1).executeTakeFirst()
  if (!existing) {
    const summary = await seedDemoData(db)
    return { seededNow: true, accounts: summary.accounts }
  }
  return { seededNow: false, accounts: await findDemoAccounts(db) }
}
