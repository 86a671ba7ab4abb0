import type { TDb } from '../../db/transaction.ts'
import type { TExportSource } from './export-write.ts'

/** SQL of the export (issue 4 item 4): an organisation's resources of one kind, read in keyset pages. */

/** Rows read per query. */
const PAGE_ROWS = 1000

/** What the export filters by. */
export type TExportFilter = { orgId: string; kind: string; status?: string | undefined }

type TExportRow = TExportSource & { id: string }

/**
 * The organisation's resources of a kind (optionally of one status), one page of 1,000 at a time: keyset
 * paging on the id (created_at would not do: JS dates drop its microseconds), so neither the database nor
 * Node holds 100 k rows at once, and no transaction stays open (PGlite's one connection is free between
 * pages). The order is the ids', stable but not meaningful.
 */
export async function* iterateExportRows(db: TDb, filter: TExportFilter): AsyncGenerator<TExportRow> {
  let after: string | null = null
  for (;;) {
    let query = db
      .selectFrom('resource')
      .select([
        'id',
        'title',
        'summary',
        'tags',
        'region_code',
        'discipline_code',
        'industry_code',
        'category',
        'sharing_level',
        'audience',
        'contact',
        'attributes',
      ])
      .where('owner_org_id', '=', filter.orgId)
      .where('kind', '=', filter.kind)
    if (filter.status) query = query.where('status', '=', filter.status)
    if (after) query = query.where('id', '>', after)
    const rows: TExportRow[] = await query.orderBy('id').limit(PAGE_ROWS).execute()
    yield* rows
    const last = rows[rows.length - 1]
    if (!last || rows.length < PAGE_ROWS) return
    after = last.id
  }
}
