import type { Insertable, Updateable } from 'kysely'
import type { AppUserTable } from '../../db/schema.ts'
import type { TDb } from '../../db/transaction.ts'

/** SQL of accounts and their role grants. */

/** The account that holds this phone number now (closed accounts have given their number up). */
export async function findUserByPhone(db: TDb, phone: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name', 'phone', 'password_hash', 'status', 'created_at', 'totp_enabled_at'])
    .where('phone', '=', phone)
    .where('status', '!=', 'closed')
    .executeTakeFirst()
}

/** Every column of one account, or undefined. */
export async function findUserById(db: TDb, userId: string) {
  return db.selectFrom('app_user').selectAll().where('id', '=', userId).executeTakeFirst()
}

/** Locks the account's row until the transaction ends (TOTP steps, closing). */
export async function findUserByIdForUpdate(db: TDb, userId: string) {
  return db.selectFrom('app_user').selectAll().where('id', '=', userId).forUpdate().executeTakeFirst()
}

/** Creates an account and returns its id. */
export async function insertUser(db: TDb, row: Insertable<AppUserTable>): Promise<string> {
  const created = await db.insertInto('app_user').values(row).returning('id').executeTakeFirstOrThrow()
  return created.id
}

/** Changes columns of one account. */
export async function updateUser(db: TDb, userId: string, patch: Updateable<AppUserTable>): Promise<void> {
  await db.updateTable('app_user').set(patch).where('id', '=', userId).execute()
}

/** The account's grants with the names (and node path) of their scopes, oldest first. */
export async function listGrantsOfUser(db: TDb, userId: string) {
  return db
    .selectFrom('role_grant as g')
    .leftJoin('platform_node as n', 'n.id', 'g.node_id')
    .leftJoin('organisation as o', 'o.id', 'g.org_id')
    .select([
      'g.role',
      'g.node_id',
      'n.path as node_path',
      'n.name as node_name',
      'g.org_id',
      'o.name as org_name',
      'g.created_at',
    ])
    .where('g.user_id', '=', userId)
    .orderBy('g.created_at')
    .orderBy('g.id')
    .execute()
}

/** Adds a grant unless the same one exists (role_grant_unique_idx). */
export async function insertGrant(
  db: TDb,
  row: { user_id: string; role: string; org_id: string | null; node_id: string | null },
): Promise<void> {
  await db
    .insertInto('role_grant')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .execute()
}

/** Removes one grant (the same role in the same scope); nothing when there is none. */
export async function deleteGrant(
  db: TDb,
  grant: { user_id: string; role: string; org_id: string | null; node_id: string | null },
): Promise<void> {
  await db
    .deleteFrom('role_grant')
    .where('user_id', '=', grant.user_id)
    .where('role', '=', grant.role)
    .where((eb) => (grant.org_id === null ? eb('org_id', 'is', null) : eb('org_id', '=', grant.org_id)))
    .where((eb) => (grant.node_id === null ? eb('node_id', 'is', null) : eb('node_id', '=', grant.node_id)))
    .execute()
}

/** Removes every grant of an account (closing it). */
export async function deleteGrantsOfUser(db: TDb, userId: string): Promise<void> {
  await db.deleteFrom('role_grant').where('user_id', '=', userId).execute()
}

/** Ids, names and phones of some accounts. */
export async function listUserSummaries(db: TDb, userIds: readonly string[]) {
  return db.selectFrom('app_user').select(['id', 'display_name', 'phone']).where('id', 'in', userIds).execute()
}
