import type { TImportJob, TImportStatus } from '#shared/contracts/catalog-import.ts'
import type { TResourceKind } from '#shared/resource-kinds.ts'
import { translate, type TLang } from '../../http/messages.ts'
import type { TImportRow } from './import-repo.ts'
import { storedErrors } from './import-report.ts'

/**
 * A job as the API shows it (ZImportJob): errors worded in the caller's language, progress as one
 * percentage over both phases, and a job that a restart cut short shown as failed.
 */

/** A running job whose progress has not moved for this long was interrupted (its process stopped). */
const STALE_MS = 30 * 60 * 1000
const RUNNING: readonly string[] = ['queued', 'validating', 'inserting']

function percentOf(row: TImportRow, status: TImportStatus): number {
  if (status === 'queued') return 0
  if (status === 'validating') return row.file_bytes > 0 ? Math.min(50, (50 * row.read_bytes) / row.file_bytes) : 0
  if (status === 'inserting') return row.total_rows ? 50 + Math.min(50, (50 * row.processed_rows) / row.total_rows) : 50
  return 100
}

/**
 * Presents a job.
 * @param row the catalog_import row
 * @param lang language of the error messages
 * @param now the current time (interrupted jobs)
 */
export function presentImportJob(row: TImportRow, lang: TLang, now: Date): TImportJob {
  const isInterrupted = RUNNING.includes(row.status) && now.getTime() - row.updated_at.getTime() > STALE_MS
  const status = (isInterrupted ? 'failed' : row.status) as TImportStatus
  const errors = isInterrupted
    ? [{ row: 0, column: null, value: '', key: 'catalogImport.INTERRUPTED' }]
    : storedErrors(row)
  return {
    id: row.id,
    orgId: row.org_id,
    kind: row.kind as TResourceKind,
    format: row.format === 'csv' ? 'csv' : 'xlsx',
    fileName: row.file_name,
    submit: row.submit,
    status,
    totalRows: row.total_rows,
    processedRows: row.processed_rows,
    percent: Math.round(percentOf(row, status) * 10) / 10,
    errorCount: isInterrupted ? 1 : row.error_count,
    errors: errors.map((e) => ({
      row: e.row,
      column: e.column,
      value: e.value,
      message: translate(lang, e.key, e.vars),
      code: e.key,
    })),
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  }
}
