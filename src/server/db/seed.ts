import type { Kysely } from 'kysely'
import { ACCOUNT_SPECS, DEMO_PASSWORD, seedDemoData, type TDemoAccount } from '../../../scripts/demo/index.ts'
import type { DB } from './schema.ts'

export type { TDemoAccount }

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

/** The demo accounts still present (by their mobile numbers), with the scope of their role. */
async function findDemoAccounts(db: Kysely<DB>): Promise<TDemoAccount[]> {
  const rows = await db
    .selectFrom('app_user as u')
    .innerJoin('role_grant as g', 'g.user_id', 'u.id')
    .leftJoin('platform_node as n', 'n.id', 'g.node_id')
    .leftJoin('organisation as o', 'o.id', 'g.org_id')
    .select(['u.phone', 'u.display_name', 'g.role', 'n.name as node_name', 'o.name as org_name'])
    .where(
      'u.phone',
      'in',
      ACCOUNT_SPECS.map((spec) => spec.phone),
    )
    .where('u.status', '=', 'active')
    .execute()
  return ACCOUNT_SPECS.flatMap((spec) => {
    const row = rows.find((r) => r.phone === spec.phone && r.role === spec.role)
    if (!row?.phone) return []
    return [
      {
        role: spec.role,
        roleLabel: spec.roleLabel,
        name: row.display_name,
        phone: row.phone,
        password: DEMO_PASSWORD,
        scope: row.node_name ?? row.org_name ?? '',
      },
    ]
  })
}
