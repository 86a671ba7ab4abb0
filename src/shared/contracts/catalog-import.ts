import { z } from 'zod'
import { ZResourceKind } from './catalog.ts'
import { ZResourceStatus } from './catalog-write.ts'

/**
 * Bulk import and export of the catalogue in Excel (.xlsx) and CSV (issue 4 item 4). The columns of a kind
 * are the core columns of ZResourceContent followed by the kind's fields (src/shared/catalog/kind-fields.ts),
 * headed by their Chinese labels; templates, exports and error reports all use them, so an export can be
 * edited and imported again.
 */
export const IMPORT_FORMATS = ['xlsx', 'csv'] as const
export const ZImportFormat = z.enum(IMPORT_FORMATS)
export type TImportFormat = z.infer<typeof ZImportFormat>

/** Content types of an upload, per format. */
export const IMPORT_CONTENT_TYPES: Record<TImportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
}

/** Largest upload accepted (bytes). */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024

/** Errors kept per job (error_count still counts them all). */
export const IMPORT_MAX_STORED_ERRORS = 1000

/** GET /api/catalog/templates/:kind */
export const ZTemplateParams = z.object({ kind: ZResourceKind })
export const ZTemplateQuery = z.object({ format: ZImportFormat.default('xlsx') })

const ZBooleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((value) => value === 'true' || value === '1')

/** POST /api/catalog/imports?orgId=&kind=&submit= — the body is the file itself (xlsx or CSV). */
export const ZCreateImportQuery = z.object({
  orgId: z.uuid(),
  kind: ZResourceKind,
  /** true: every row is submitted for review at once; false (default): drafts. */
  submit: ZBooleanFlag,
  /** Original file name, for the job list (the body carries no name). */
  fileName: z.string().trim().max(255).default(''),
})
export type TCreateImportQuery = z.infer<typeof ZCreateImportQuery>

export const ZImportIdParams = z.object({ id: z.uuid() })

export const IMPORT_STATUSES = ['queued', 'validating', 'inserting', 'done', 'rejected', 'failed'] as const
export const ZImportStatus = z.enum(IMPORT_STATUSES)
export type TImportStatus = z.infer<typeof ZImportStatus>

/** One problem in the file: sheet row (1 = the header row), column label, the value found, what is wrong. */
export const ZImportError = z.object({
  row: z.number().int(),
  /** The column's Chinese label (as in the header row), or null for a problem of the whole row or file. */
  column: z.string().nullable(),
  value: z.string(),
  /** In the caller's language (Accept-Language). */
  message: z.string(),
  /** Stable key of the message, e.g. `catalogImport.FEN_DECIMALS`. */
  code: z.string(),
})
export type TImportError = z.infer<typeof ZImportError>

/** GET /api/catalog/imports/:id, and the 202 answer of POST /api/catalog/imports. */
export const ZImportJob = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  kind: ZResourceKind,
  format: ZImportFormat,
  fileName: z.string(),
  submit: z.boolean(),
  status: ZImportStatus,
  /** Data rows in the file; null until the file has been read. */
  totalRows: z.number().int().nullable(),
  /** Rows validated (validating) or inserted (inserting, done). */
  processedRows: z.number().int(),
  /** 0–100 over both phases: reading and validating is the first half, inserting the second. */
  percent: z.number().min(0).max(100),
  errorCount: z.number().int(),
  /** The first 1,000 errors, in file order. */
  errors: z.array(ZImportError),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
})
export type TImportJob = z.infer<typeof ZImportJob>

/** GET /api/catalog/imports?orgId= — the recent jobs of an organisation (without their errors). */
export const ZListImportsQuery = z.object({ orgId: z.uuid() })
export const ZListImportsResponse = z.object({ items: z.array(ZImportJob.omit({ errors: true })) })

/** GET /api/catalog/exports */
export const ZExportQuery = z.object({
  orgId: z.uuid(),
  kind: ZResourceKind,
  status: ZResourceStatus.optional(),
  format: ZImportFormat.default('xlsx'),
})
export type TExportQuery = z.infer<typeof ZExportQuery>
