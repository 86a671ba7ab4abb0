import type { TDb } from '../../db/transaction.ts'
import type { TAttachmentRow } from './catalog-content.ts'

/**
 * SQL for the catalogue's attachments and the uploaded files they point to. `stored_file` belongs to the
 * files module, which claims files (its `claimFiles`); the catalogue reads them and lets go of a deleted
 * draft's files.
 */

/** The uploaded files with these ids (the ones that exist). */
export async function findFiles(db: TDb, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db
    .selectFrom('stored_file')
    .select(['id', 'uploaded_by', 'org_id', 'purpose', 'mime', 'subject_type', 'subject_id'])
    .where('id', 'in', [...ids])
    .execute()
}

/** Lets go of every file a (deleted) resource held, so the files module's clean-up removes them. */
export async function releaseFiles(trx: TDb, resourceId: string): Promise<void> {
  await trx
    .updateTable('stored_file')
    .set({ subject_type: null, subject_id: null })
    .where('subject_type', '=', 'resource')
    .where('subject_id', '=', resourceId)
    .execute()
}

/** Replaces a resource's attachments with these, in this order. */
export async function replaceAttachments(
  trx: TDb,
  resourceId: string,
  refs: readonly { fileId: string; role: string; caption: string }[],
): Promise<void> {
  await trx.deleteFrom('resource_attachment').where('resource_id', '=', resourceId).execute()
  if (refs.length === 0) return
  await trx
    .insertInto('resource_attachment')
    .values(
      refs.map((r, position) => ({
        resource_id: resourceId,
        file_id: r.fileId,
        role: r.role,
        caption: r.caption,
        position,
      })),
    )
    .execute()
}

/** The attachment rows of some resources, in display order. */
export async function listAttachmentRows(db: TDb, resourceIds: readonly string[]): Promise<TAttachmentRow[]> {
  if (resourceIds.length === 0) return []
  return db
    .selectFrom('resource_attachment')
    .select(['resource_id', 'file_id', 'role', 'caption', 'position'])
    .where('resource_id', 'in', [...resourceIds])
    .orderBy('resource_id')
    .orderBy('position')
    .execute()
}

/** Name, type and size of files, to show attachments. */
export async function findFileInfo(db: TDb, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db
    .selectFrom('stored_file')
    .select(['id', 'original_name', 'mime', 'size_bytes'])
    .where('id', 'in', [...ids])
    .execute()
}
