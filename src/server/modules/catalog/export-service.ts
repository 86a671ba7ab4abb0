import { PassThrough } from 'node:stream'
import type { Kysely } from 'kysely'
import { IMPORT_CONTENT_TYPES, type TExportQuery } from '#shared/contracts/catalog-import.ts'
import { requireActor, type TRequestContext } from '../../context.ts'
import type { TClock } from '../../clock.ts'
import type { DB } from '../../db/schema.ts'
import { AppError } from '../../errors.ts'
import type { TAuditService } from '../audit/audit.service.ts'
import './catalog-import.messages.ts'
import { isProviderFor } from './catalog.policy.ts'
import { iterateExportRows } from './export-repo.ts'
import {
  addDataSheet,
  cellsOfResource,
  createXlsxWorkbook,
  startCsvSheet,
  type TSheetSink,
  waitForDrain,
} from './export-write.ts'
import { findImportOrganisation } from './import-repo.ts'
import { columnsOf } from './template-columns.ts'
import type { TDownload } from './template-build.ts'

/**
 * Export of an organisation's resources of one kind (issue 4 item 4) in the template's columns, so the file
 * can be edited and imported again (as new resources: an import never updates existing ones). Streamed
 * page by page; only the unit's providers of that kind (and the platform admin) may export.
 */

/** Rows the xlsx drop-down lists cover in an export. */
const DROPDOWN_ROWS = 10_000

/**
 * Creates the export service.
 * @param deps database, clock (file names), audit (every export is recorded)
 */
export function createExportService(deps: { db: Kysely<DB>; clock: TClock; audit: TAuditService }) {
  const { db } = deps

  async function pump(sink: TSheetSink, out: PassThrough, query: TExportQuery): Promise<number> {
    const columns = columnsOf(query.kind)
    let count = 0
    for await (const row of iterateExportRows(db, { orgId: query.orgId, kind: query.kind, status: query.status })) {
      await sink.write(cellsOfResource(columns, row, query.format))
      count++
      // exceljs ignores back-pressure: wait for a slow client every page instead of buffering the file
      if (count % 1000 === 0 && out.writableNeedDrain) await waitForDrain(out)
    }
    await sink.end()
    return count
  }

  /**
   * The export as a download: checks first (so refusals are ordinary JSON errors), then streams.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND (organisation) | FORBIDDEN
   */
  async function exportResources(ctx: TRequestContext, query: TExportQuery): Promise<TDownload> {
    const actor = requireActor(ctx)
    const org = await findImportOrganisation(db, query.orgId)
    if (!org) throw new AppError('NOT_FOUND', 'organisation not found', { messageKey: 'catalogImport.ORG_NOT_FOUND' })
    if (!isProviderFor(actor, org.id, query.kind)) {
      throw new AppError('FORBIDDEN', 'not a provider of this unit', { messageKey: 'catalogImport.NOT_PROVIDER' })
    }
    await deps.audit.recordFor(ctx, {
      action: 'catalog.export',
      targetType: 'organisation',
      targetId: org.id,
      result: 'success',
      detail: { kind: query.kind, status: query.status ?? null, format: query.format },
    })
    const out = new PassThrough()
    const day = deps.clock.now().toISOString().slice(0, 10).replaceAll('-', '')
    const fileName = `kexiang-${query.kind}-export-${day}.${query.format}`
    const run = async () => {
      if (query.format === 'csv') {
        await pump(await startCsvSheet(out, columnsOf(query.kind)), out, query)
        return
      }
      const workbook = createXlsxWorkbook(out)
      await pump(addDataSheet(workbook, columnsOf(query.kind), DROPDOWN_ROWS), out, query)
      await workbook.commit()
    }
    run().catch((err: unknown) => out.destroy(err as Error))
    const contentType =
      query.format === 'csv' ? `${IMPORT_CONTENT_TYPES.csv}; charset=utf-8` : IMPORT_CONTENT_TYPES.xlsx
    return { stream: out, fileName, contentType }
  }

  return { exportResources }
}

export type TExportService = ReturnType<typeof createExportService>
