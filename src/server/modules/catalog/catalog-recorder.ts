import type { TResourceContent } from '#shared/contracts/catalog-write.ts'
import type { TResourceKind } from '#shared/resource-kinds.ts'
import type { TClock } from '../../clock.ts'
import type { TDb } from '../../db/transaction.ts'
import type { TSearchService } from '../search/index.ts'
import { contentOfRow, type TAttachmentRow } from './catalog-content.ts'
import * as files from './catalog-files.repo.ts'
import * as versions from './catalog-versions.repo.ts'
import * as repo from './catalog-write.repo.ts'
import { formatCstr } from './cstr.ts'

/**
 * What every write of the catalogue does besides its own change, in the writer's transaction: the version
 * row (content snapshot, who, when), the CSTR-shaped identifier at first publication, and the search index.
 * The lifecycle steps use it, and so do bulk writers (the Excel/CSV import): insert or update the rows,
 * then call `recordVersions`, `assignCstrs` and `syncIndex` with the same transaction.
 */

export type TVersionAction =
  'create' | 'edit' | 'submit' | 'withdraw' | 'approve' | 'return' | 'publish' | 'offline' | 'online' | 'import'

/** One version to record: the resource's row must already carry the new `version` number. */
export type TVersionEntry = {
  resourceId: string
  action: TVersionAction
  actorId: string | null
  note?: string | null
  /** For a change of the open revision: its status and content (else the row's status and content). */
  revision?: { status: string; content: TResourceContent }
}

export type TCatalogRecorderDeps = {
  clock: TClock
  search: Pick<TSearchService, 'indexResources' | 'removeFromIndex'>
  /** 5-character prefix of the identifiers (checked by assertCstrPrefix). */
  cstrPrefix: string
}

/** Builds the recorder; see the file comment. */
export function createCatalogRecorder(deps: TCatalogRecorderDeps) {
  const { clock, search, cstrPrefix } = deps

  /**
   * Appends one resource_version row per entry, at the resource's current `version`, with its content as
   * it is now (the row's and its attachments', or the revision's).
   * @param trx the writer's transaction
   * @throws AppError CONFLICT when a version number is already recorded (a step ran twice)
   */
  async function recordVersions(trx: TDb, entries: readonly TVersionEntry[]): Promise<void> {
    if (entries.length === 0) return
    const ids = [...new Set(entries.map((e) => e.resourceId))]
    const rows = await trx.selectFrom('resource').selectAll().where('id', 'in', ids).execute()
    const byId = new Map(rows.map((r) => [r.id, r]))
    const attachments = new Map<string, TAttachmentRow[]>()
    for (const a of await files.listAttachmentRows(trx, ids)) {
      attachments.set(a.resource_id, [...(attachments.get(a.resource_id) ?? []), a])
    }
    const now = clock.now()
    await versions.insertVersions(
      trx,
      entries.map((e) => {
        const row = byId.get(e.resourceId)
        if (!row) throw new Error(`recordVersions: resource ${e.resourceId} does not exist`)
        const content = e.revision?.content ?? contentOfRow(row, attachments.get(row.id) ?? [])
        return {
          resource_id: row.id,
          version: row.version,
          action: e.action,
          status: e.revision?.status ?? row.status,
          note: e.note ?? null,
          is_revision: e.revision !== undefined,
          content: JSON.stringify(content),
          changed_by: e.actorId,
          changed_at: now,
        }
      }),
    )
  }

  /**
   * Gives published resources without one their identifier (`CSTR:<prefix>.<type>.<n>`, n from
   * resource_cstr_seq). An identifier, once given, never changes.
   * @returns the identifiers given, by resource id
   */
  async function assignCstrs(trx: TDb, ids: readonly string[]): Promise<Map<string, string>> {
    const given = new Map<string, string>()
    if (ids.length === 0) return given
    const rows = await trx
      .selectFrom('resource')
      .select(['id', 'kind'])
      .where('id', 'in', [...ids])
      .where('status', '=', 'published')
      .where('cstr', 'is', null)
      .orderBy('published_at')
      .orderBy('id')
      .execute()
    for (const row of rows) {
      const cstr = formatCstr(cstrPrefix, row.kind as TResourceKind, await repo.nextCstrNumber(trx))
      await trx.updateTable('resource').set({ cstr }).where('id', '=', row.id).where('cstr', 'is', null).execute()
      given.set(row.id, cstr)
    }
    return given
  }

  /**
   * Brings the search index in line with these resources: published public ones are (re)indexed, the rest
   * (any other status, and 'network' audience, which the public search must not show) are removed.
   */
  async function syncIndex(trx: TDb, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return
    const rows = await trx
      .selectFrom('resource as r')
      .innerJoin('organisation as o', 'o.id', 'r.owner_org_id')
      .selectAll('r')
      .select('o.name as owner_name')
      .where('r.id', 'in', [...ids])
      .execute()
    const isPublic = (r: (typeof rows)[number]) => r.status === 'published' && r.audience === 'public'
    const shown = rows.filter(isPublic)
    const hidden = rows.filter((r) => !isPublic(r)).map((r) => r.id)
    if (shown.length > 0) await search.indexResources(shown, trx)
    if (hidden.length > 0) await search.removeFromIndex(hidden, trx)
  }

  return { recordVersions, assignCstrs, syncIndex }
}

export type TCatalogRecorder = ReturnType<typeof createCatalogRecorder>
