import { sql, type Insertable, type Selectable, type Updateable } from 'kysely'
import type { CatalogImportTable } from '../../db/schema.ts'
import type { TDb } from '../../db/transaction.ts'
import type { TImportedRow } from './import-validate.ts'

/** SQL of the bulk import (issue 4 item 4): the catalog_import jobs and the batch insert of resources. */

export type TImportRow = Selectable<CatalogImportTable>

/** Creates a job. */
export async function insertImport(db: TDb, values: Insertable<CatalogImportTable>): Promise<TImportRow> {
  return db.insertInto('catalog_import').values(values).returningAll().executeTakeFirstOrThrow()
}

/** One job, or undefined. */
export async function findImport(db: TDb, id: string): Promise<TImportRow | undefined> {
  return db.selectFrom('catalog_import').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The latest jobs of an organisation, newest first. */
export async function listImports(db: TDb, orgId: string, limit: number): Promise<TImportRow[]> {
  return db
    .selectFrom('catalog_import')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute()
}

/** Writes progress or a status change of a running job (and touches updated_at). */
export async function updateImport(db: TDb, id: string, set: Updateable<CatalogImportTable>): Promise<void> {
  await db.updateTable('catalog_import').set(set).where('id', '=', id).execute()
}

/** The organisation an import writes for: its status and primary node. */
export async function findImportOrganisation(db: TDb, orgId: string) {
  return db.selectFrom('organisation').select(['id', 'status', 'node_id']).where('id', '=', orgId).executeTakeFirst()
}

/** What every row of a batch shares. */
export type TBatchMeta = {
  kind: string
  orgId: string
  nodeId: string
  status: 'draft' | 'submitted'
  actorId: string
  now: Date
  note: string
}

/**
 * Inserts a batch of validated rows as resources (version 1, created_by the requester, on the organisation's
 * node) together with their first resource_version (action 'import', the content as ZResourceContent), in
 * ONE statement: the rows travel as one JSON parameter (jsonb_to_recordset), a data-modifying CTE returns
 * the new rows and the version rows are built from them in SQL. Portable: PGlite and PostgreSQL alike.
 * @param trx the import's transaction
 * @returns the number of resources inserted
 */
export async function insertResourceBatch(trx: TDb, rows: readonly TImportedRow[], meta: TBatchMeta): Promise<number> {
  const json = JSON.stringify(
    rows.map((r) => ({
      title: r.title,
      summary: r.summary,
      tags: r.tags,
      region_code: r.regionCode,
      city_code: r.cityCode,
      discipline_code: r.disciplineCode,
      industry_code: r.industryCode,
      category: r.category,
      sharing_level: r.sharingLevel,
      audience: r.audience,
      contact: r.contact,
      attributes: r.attributes,
    })),
  )
  const submittedAt = meta.status === 'submitted' ? meta.now : null
  const submittedBy = meta.status === 'submitted' ? meta.actorId : null
  const result = await sql`
    with src as (
      select * from jsonb_to_recordset(${json}::jsonb) as r(
        title text, summary text, tags text[], region_code text, city_code text, discipline_code text,
        industry_code text, category text, sharing_level text, audience text, contact jsonb, attributes jsonb)
    ), inserted as (
      insert into resource (kind, title, summary, owner_org_id, node_id, region_code, city_code, discipline_code,
        industry_code, category, tags, sharing_level, audience, status, contact, attributes, version, created_by,
        updated_by, submitted_at, submitted_by, created_at, updated_at)
      select ${meta.kind}, title, summary, ${meta.orgId}::uuid, ${meta.nodeId}::uuid, region_code, city_code,
        discipline_code, industry_code, category, tags, sharing_level, audience, ${meta.status}, contact,
        attributes, 1, ${meta.actorId}::uuid, ${meta.actorId}::uuid, ${submittedAt}::timestamptz,
        ${submittedBy}::uuid, ${meta.now}::timestamptz, ${meta.now}::timestamptz
      from src
      returning id, status, title, summary, tags, region_code, discipline_code, industry_code, category,
        sharing_level, audience, contact, attributes
    )
    insert into resource_version (resource_id, version, action, status, note, content, changed_by, changed_at)
    select id, 1, 'import', status, ${meta.note}, jsonb_build_object(
        'title', title, 'summary', summary, 'tags', to_jsonb(tags), 'regionCode', region_code,
        'disciplineCode', discipline_code, 'industryCode', industry_code, 'category', category,
        'sharingLevel', sharing_level, 'audience', audience, 'contact', contact, 'attributes', attributes,
        'attachments', '[]'::jsonb),
      ${meta.actorId}::uuid, ${meta.now}::timestamptz
    from inserted
  `.execute(trx)
  return Number(result.numAffectedRows ?? 0)
}
