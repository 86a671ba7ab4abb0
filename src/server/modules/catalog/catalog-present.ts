import type {
  TAttachment,
  TAttachmentRef,
  TManagedResource,
  TManagedResourceSummary,
  TResourceContent,
  TResourceStatus,
  TResourceVersion,
} from '#shared/contracts/catalog-write.ts'
import type { TResourceKind } from '#shared/resource-kinds.ts'
import type { TDb } from '../../db/transaction.ts'
import { fileUrl } from '#shared/contracts/files.ts'
import { contentOfRow, parseStoredContent } from './catalog-content.ts'
import * as files from './catalog-files.repo.ts'
import type { TManagedRow } from './catalog-write.repo.ts'
import type { TManagedAction } from './lifecycle.ts'

/** Turns catalogue rows into the write side's answers (catalog-write.ts contracts). */

type TSummaryRow = {
  id: string
  kind: string
  title: string
  status: string
  version: number
  owner_org_id: string
  owner_name: string
  node_id: string
  node_name: string
  cstr: string | null
  updated_at: Date
  submitted_at: Date | null
  revision_status: string | null
  revision_submitted_at: Date | null
}

/** One row of the provider's list or the review queue (a revision shows its own submission time). */
export function presentSummary(row: TSummaryRow): TManagedResourceSummary {
  const submittedAt = row.revision_status === 'submitted' ? row.revision_submitted_at : row.submitted_at
  return {
    id: row.id,
    kind: row.kind as TResourceKind,
    title: row.title,
    status: row.status as TResourceStatus,
    revisionStatus: (row.revision_status as TResourceStatus | null) ?? null,
    version: row.version,
    owner: { id: row.owner_org_id, name: row.owner_name },
    node: { id: row.node_id, name: row.node_name },
    cstr: row.cstr,
    updatedAt: row.updated_at.toISOString(),
    submittedAt: submittedAt?.toISOString() ?? null,
  }
}

/**
 * Attachment references with the files' names, types and sizes and the URL to fetch them. A file the
 * files module no longer has is left out.
 */
export async function describeAttachments(db: TDb, refs: readonly TAttachmentRef[]): Promise<TAttachment[]> {
  const info = new Map(
    (
      await files.findFileInfo(
        db,
        refs.map((r) => r.fileId),
      )
    ).map((f) => [f.id, f]),
  )
  return refs.flatMap((ref) => {
    const file = info.get(ref.fileId)
    if (!file) return []
    return [
      { ...ref, name: file.original_name, mime: file.mime, size: Number(file.size_bytes), url: fileUrl(ref.fileId) },
    ]
  })
}

/**
 * The managed view: the content the editor shows (the open revision's, else the row's), the public
 * content while a revision is open, and what the caller may do now.
 */
export async function presentManaged(db: TDb, row: TManagedRow, actions: TManagedAction[]): Promise<TManagedResource> {
  const rowContent = contentOfRow(row, await files.listAttachmentRows(db, [row.id]))
  const revision: TResourceContent | null = row.revision_content ? parseStoredContent(row.revision_content) : null
  const withFiles = async (content: TResourceContent) => ({
    ...content,
    attachments: await describeAttachments(db, content.attachments),
  })
  const isRevisionReturned = row.revision_status === 'returned'
  return {
    ...presentSummary(row),
    content: await withFiles(revision ?? rowContent),
    publishedContent: revision ? await withFiles(rowContent) : null,
    returnReason: isRevisionReturned ? row.revision_return_reason : row.return_reason,
    offlineReason: row.offline_reason,
    actions,
  }
}

type TVersionRow = {
  version: number
  action: string
  status: string
  note: string | null
  is_revision: boolean
  changed_by: string | null
  display_name: string | null
  changed_at: Date
}

/** One entry of the version history. */
export function presentVersion(row: TVersionRow): TResourceVersion {
  return {
    version: row.version,
    action: row.action as TResourceVersion['action'],
    status: row.status as TResourceStatus,
    note: row.note,
    isRevision: row.is_revision,
    by: row.changed_by ? { id: row.changed_by, name: row.display_name ?? '' } : null,
    at: row.changed_at.toISOString(),
  }
}
