import type { Insertable } from 'kysely'
import type { TDb } from '../../db/transaction.ts'
import type { ResourceVersionTable } from './catalog.tables.ts'

/** SQL of the version history (resource_version). */

/** Rows per INSERT: 9 columns each stays far below PostgreSQL's 65,535 parameters. */
const BATCH = 1000

/** Appends version rows. */
export async function insertVersions(trx: TDb, rows: readonly Insertable<ResourceVersionTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await trx
      .insertInto('resource_version')
      .values(rows.slice(i, i + BATCH))
      .execute()
  }
}

/** Every version of a resource, newest first, with the name of who made it. */
export async function listVersions(db: TDb, resourceId: string) {
  return db
    .selectFrom('resource_version as v')
    .leftJoin('app_user as u', 'u.id', 'v.changed_by')
    .select([
      'v.version',
      'v.action',
      'v.status',
      'v.note',
      'v.is_revision',
      'v.changed_by',
      'u.display_name',
      'v.changed_at',
    ])
    .where('v.resource_id', '=', resourceId)
    .orderBy('v.version', 'desc')
    .execute()
}
