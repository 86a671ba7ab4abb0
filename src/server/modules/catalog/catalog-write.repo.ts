import { type Insertable, type Selectable, sql, type Updateable } from 'kysely'
import type { ResourceTable } from '../../db/schema.ts'
import type { TDb } from '../../db/transaction.ts'
import type { ResourceRevisionTable } from './catalog.tables.ts'

/** SQL of the catalogue's write side: resources in any status, their revisions, owners and nodes. */

export type TResourceFullRow = Selectable<ResourceTable>
export type TRevisionRow = Selectable<ResourceRevisionTable>

/** A resource with its owner's and node's names, the node's path, and its open revision (if any). */
export async function findManagedResource(db: TDb, id: string) {
  return db
    .selectFrom('resource as r')
    .innerJoin('organisation as o', 'o.id', 'r.owner_org_id')
    .innerJoin('platform_node as n', 'n.id', 'r.node_id')
    .leftJoin('resource_revision as v', 'v.resource_id', 'r.id')
    .selectAll('r')
    .select([
      'o.name as owner_name',
      'n.name as node_name',
      'n.path as node_path',
      'v.status as revision_status',
      'v.content as revision_content',
      'v.return_reason as revision_return_reason',
      'v.submitted_at as revision_submitted_at',
      'v.submitted_by as revision_submitted_by',
    ])
    .where('r.id', '=', id)
    .executeTakeFirst()
}
export type TManagedRow = NonNullable<Awaited<ReturnType<typeof findManagedResource>>>

/** Inserts a resource; returns its row. */
export async function insertResource(trx: TDb, row: Insertable<ResourceTable>): Promise<TResourceFullRow> {
  return trx.insertInto('resource').values(row).returningAll().executeTakeFirstOrThrow()
}

/**
 * Takes the row for one lifecycle step: bumps its version (and updated_at/by) only when its status is one
 * of `statuses` and, if given, its version is `expectedVersion`. The UPDATE holds the row lock until commit,
 * so concurrent steps on one resource run one after the other and the loser finds the new status.
 * @returns the row after the bump, or undefined when the guard did not match
 */
export async function lockForStep(
  trx: TDb,
  id: string,
  guard: { statuses: readonly string[]; expectedVersion?: number; actorId: string; now: Date },
): Promise<TResourceFullRow | undefined> {
  let query = trx
    .updateTable('resource')
    .set({ version: sql`version + 1`, updated_at: guard.now, updated_by: guard.actorId })
    .where('id', '=', id)
    .where('status', 'in', [...guard.statuses])
  if (guard.expectedVersion !== undefined) query = query.where('version', '=', guard.expectedVersion)
  return query.returningAll().executeTakeFirst()
}

/** Sets columns of a resource; returns the row. */
export async function updateResource(trx: TDb, id: string, set: Updateable<ResourceTable>): Promise<TResourceFullRow> {
  return trx.updateTable('resource').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}

/** Bumps the version of a resource once more (a second step in one request: approve, then publish). */
export async function bumpVersion(trx: TDb, id: string): Promise<TResourceFullRow> {
  return trx
    .updateTable('resource')
    .set({ version: sql`version + 1` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** A resource's current version and status, or undefined. */
export async function findVersionAndStatus(db: TDb, id: string) {
  return db.selectFrom('resource').select(['version', 'status']).where('id', '=', id).executeTakeFirst()
}

/** Deletes a resource (versions, revision and attachment rows go with it). */
export async function deleteResource(trx: TDb, id: string): Promise<void> {
  await trx.deleteFrom('resource').where('id', '=', id).execute()
}

/** The open revision of a resource, or undefined. */
export async function findRevision(trx: TDb, resourceId: string): Promise<TRevisionRow | undefined> {
  return trx.selectFrom('resource_revision').selectAll().where('resource_id', '=', resourceId).executeTakeFirst()
}

/** Opens a revision or replaces its content (keeping its status). */
export async function saveRevisionContent(
  trx: TDb,
  row: { resourceId: string; content: string; actorId: string; now: Date },
): Promise<TRevisionRow> {
  return trx
    .insertInto('resource_revision')
    .values({
      resource_id: row.resourceId,
      status: 'draft',
      content: row.content,
      created_by: row.actorId,
      created_at: row.now,
      updated_at: row.now,
    })
    .onConflict((oc) => oc.column('resource_id').doUpdateSet({ content: row.content, updated_at: row.now }))
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Sets columns of the open revision; returns it. */
export async function updateRevision(
  trx: TDb,
  resourceId: string,
  set: Updateable<ResourceRevisionTable>,
): Promise<TRevisionRow> {
  return trx
    .updateTable('resource_revision')
    .set(set)
    .where('resource_id', '=', resourceId)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Closes the open revision; returns it (undefined when there was none). */
export async function deleteRevision(trx: TDb, resourceId: string): Promise<TRevisionRow | undefined> {
  return trx.deleteFrom('resource_revision').where('resource_id', '=', resourceId).returningAll().executeTakeFirst()
}

/** An organisation with its node's path, or undefined. */
export async function findOrganisation(db: TDb, id: string) {
  return db
    .selectFrom('organisation as o')
    .innerJoin('platform_node as n', 'n.id', 'o.node_id')
    .select(['o.id', 'o.name', 'o.status', 'o.node_id', 'n.path as node_path'])
    .where('o.id', '=', id)
    .executeTakeFirst()
}

/** True when the organisation has joined the node (its own node counts). */
export async function hasJoinedNode(db: TDb, orgId: string, nodeId: string): Promise<boolean> {
  const row = await db
    .selectFrom('organisation as o')
    .select('o.id')
    .where('o.id', '=', orgId)
    .where((eb) =>
      eb.or([
        eb('o.node_id', '=', nodeId),
        eb.exists(
          eb
            .selectFrom('organisation_node_membership as m')
            .select('m.org_id')
            .whereRef('m.org_id', '=', 'o.id')
            .where('m.node_id', '=', nodeId),
        ),
      ]),
    )
    .executeTakeFirst()
  return row !== undefined
}

/** A node's name and path, or undefined. */
export async function findNode(db: TDb, id: string) {
  return db.selectFrom('platform_node').select(['id', 'name', 'path']).where('id', '=', id).executeTakeFirst()
}

/** The users who manage the unit's resources of this kind (notified of reviews and take-downs). */
export async function findProviderUserIds(db: TDb, orgId: string, kind: string): Promise<string[]> {
  const roles =
    kind === 'instrument' ? ['org_admin', 'resource_manager', 'instrument_manager'] : ['org_admin', 'resource_manager']
  const rows = await db
    .selectFrom('role_grant')
    .select('user_id')
    .distinct()
    .where('org_id', '=', orgId)
    .where('role', 'in', roles)
    .execute()
  return rows.map((r) => r.user_id)
}

/** The next local number for a CSTR-shaped identifier. */
export async function nextCstrNumber(trx: TDb): Promise<number> {
  const { rows } = await sql<{ n: number }>`select nextval('resource_cstr_seq') as n`.execute(trx)
  return Number(rows[0]?.n)
}
