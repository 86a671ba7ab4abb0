import type { Kysely } from 'kysely'
import { IMPORT_MAX_STORED_ERRORS, type TImportFormat } from '#shared/contracts/catalog-import.ts'
import type { TResourceKind } from '#shared/resource-kinds.ts'
import type { TClock } from '../../clock.ts'
import type { DB } from '../../db/schema.ts'
import { inTransaction } from '../../db/transaction.ts'
import type { TAuditService } from '../audit/audit.service.ts'
import { cellText } from './import-cells.ts'
import { FileReadError, readSheetRows } from './import-read.ts'
import * as repo from './import-repo.ts'
import { createRowValidator, mapHeader, type TImportedRow, type TRowError } from './import-validate.ts'

/**
 * One import job from the stored upload to its end (issue 4 item 4). Phase 1 streams the file and validates
 * every row in Node, keeping the valid rows only while no error has been seen; any error rejects the whole
 * file and nothing is written. Phase 2 inserts all rows in ONE transaction, 1,000 per statement. Progress
 * goes to catalog_import as it happens — in phase 2 only on PostgreSQL, where a second connection can write
 * it beside the open transaction (PGlite has one connection, held by the transaction).
 */

/** Most data rows in one file. */
export const IMPORT_MAX_ROWS = 200_000
/** Rows per INSERT statement. */
const BATCH_ROWS = 1000
/** Least time between two progress writes. */
const PROGRESS_EVERY_MS = 400

/** What a job needs to run: the request's facts, copied when it was accepted. */
export type TImportTask = {
  jobId: string
  orgId: string
  nodeId: string
  kind: TResourceKind
  submit: boolean
  format: TImportFormat
  filePath: string
  fileBytes: number
  actor: { userId: string; displayName: string; ip: string; userAgent: string }
}

export type TImportRunnerDeps = {
  db: Kysely<DB>
  clock: TClock
  audit: TAuditService
  /** True on PostgreSQL: progress can be written while the insert transaction is open. */
  canWriteBesideTransaction: boolean
}

/**
 * How the job ended — done with the rows inserted, or rejected (the upload is kept for the error report) —
 * and where the time went: reading (parsing the file), validating rows, inserting (milliseconds).
 */
export type TImportOutcome = {
  status: 'done' | 'rejected'
  total: number
  timings: { readMs: number; validateMs: number; insertMs: number }
}

type TValidation = { total: number; rows: TImportedRow[]; errors: TRowError[]; errorCount: number; validateMs: number }

function createProgress(deps: TImportRunnerDeps, jobId: string) {
  let last = 0
  return async (set: { read_bytes?: number; processed_rows?: number }, force = false): Promise<void> => {
    const now = deps.clock.now()
    if (!force && now.getTime() - last < PROGRESS_EVERY_MS) return
    last = now.getTime()
    await repo.updateImport(deps.db, jobId, { ...set, updated_at: now })
  }
}

/** Phase 1: reads and validates the whole file. */
async function validateFile(deps: TImportRunnerDeps, task: TImportTask): Promise<TValidation> {
  const result: TValidation = { total: 0, rows: [], errors: [], errorCount: 0, validateMs: 0 }
  const addErrors = (errors: readonly TRowError[]) => {
    result.errorCount += errors.length
    const room = IMPORT_MAX_STORED_ERRORS - result.errors.length
    if (room > 0) result.errors.push(...errors.slice(0, room))
    result.rows = []
  }
  const progress = createProgress(deps, task.jobId)
  let bytes = 0
  let validate: ReturnType<typeof createRowValidator> | null = null
  try {
    for await (const { row, cells } of readSheetRows(task.filePath, task.format, (b) => (bytes = b))) {
      if (!validate) {
        if (cells.every((c) => cellText(c) === null)) continue
        const header = mapHeader(task.kind, cells)
        if (header.errors.length > 0) return (addErrors(header.errors), result)
        validate = createRowValidator(header.map, { isCsv: task.format === 'csv' })
        continue
      }
      const started = performance.now()
      const checked = validate(row, cells)
      result.validateMs += performance.now() - started
      if (checked.isBlank) continue
      result.total++
      if (result.total > IMPORT_MAX_ROWS) {
        addErrors([
          { row, column: null, value: '', key: 'catalogImport.TOO_MANY_ROWS', vars: { max: IMPORT_MAX_ROWS } },
        ])
        break
      }
      if (checked.row && result.errorCount === 0) result.rows.push(checked.row)
      if (checked.errors.length > 0) addErrors(checked.errors)
      await progress({ read_bytes: bytes, processed_rows: result.total })
    }
  } catch (err) {
    if (!(err instanceof FileReadError)) throw err
    addErrors([{ row: err.row ?? 0, column: null, value: '', key: err.key }])
    return result
  }
  if (result.total === 0 && result.errorCount === 0) {
    addErrors([{ row: validate ? 2 : 1, column: null, value: '', key: 'catalogImport.FILE_EMPTY' }])
  }
  await progress({ read_bytes: bytes, processed_rows: result.total }, true)
  return result
}

/** Phase 2: every row in one transaction, with its first version and one audit record. */
async function insertRows(deps: TImportRunnerDeps, task: TImportTask, rows: readonly TImportedRow[]): Promise<void> {
  const now = deps.clock.now()
  await repo.updateImport(deps.db, task.jobId, {
    status: 'inserting',
    total_rows: rows.length,
    processed_rows: 0,
    read_bytes: task.fileBytes,
    updated_at: now,
  })
  const progress = createProgress(deps, task.jobId)
  const status = task.submit ? 'submitted' : 'draft'
  const meta = {
    kind: task.kind,
    orgId: task.orgId,
    nodeId: task.nodeId,
    status,
    actorId: task.actor.userId,
    now,
    note: `批量导入 ${task.jobId}`,
  } as const
  await inTransaction(deps.db, async (trx) => {
    let inserted = 0
    for (let i = 0; i < rows.length; i += BATCH_ROWS) {
      inserted += await repo.insertResourceBatch(trx, rows.slice(i, i + BATCH_ROWS), meta)
      if (deps.canWriteBesideTransaction) await progress({ processed_rows: inserted })
    }
    await deps.audit.record(
      {
        actorId: task.actor.userId,
        actorName: task.actor.displayName,
        action: 'catalog.import',
        targetType: 'organisation',
        targetId: task.orgId,
        ip: task.actor.ip,
        userAgent: task.actor.userAgent,
        result: 'success',
        detail: { importId: task.jobId, kind: task.kind, rows: inserted, status },
      },
      trx,
    )
  })
}

/**
 * Runs a job: validates, then inserts or rejects, and records the end in catalog_import. An unexpected
 * error marks the job failed (nothing was written: the insert transaction rolled back) and is rethrown.
 * @returns how the job ended
 */
export async function runImport(deps: TImportRunnerDeps, task: TImportTask): Promise<TImportOutcome> {
  const finish = (set: Parameters<typeof repo.updateImport>[2]) =>
    repo.updateImport(deps.db, task.jobId, { ...set, updated_at: deps.clock.now(), finished_at: deps.clock.now() })
  try {
    await repo.updateImport(deps.db, task.jobId, { status: 'validating', updated_at: deps.clock.now() })
    const phase1 = performance.now()
    const checked = await validateFile(deps, task)
    const phase2 = performance.now()
    const timings = { readMs: phase2 - phase1 - checked.validateMs, validateMs: checked.validateMs, insertMs: 0 }
    if (checked.errorCount > 0) {
      await finish({
        status: 'rejected',
        total_rows: checked.total,
        processed_rows: checked.total,
        error_count: checked.errorCount,
        errors: JSON.stringify(checked.errors),
      })
      return { status: 'rejected', total: checked.total, timings }
    }
    await insertRows(deps, task, checked.rows)
    await finish({ status: 'done', total_rows: checked.total, processed_rows: checked.total })
    return { status: 'done', total: checked.total, timings: { ...timings, insertMs: performance.now() - phase2 } }
  } catch (err) {
    const errors = [{ row: 0, column: null, value: '', key: 'catalogImport.FAILED' }]
    await finish({ status: 'failed', error_count: 1, errors: JSON.stringify(errors) })
    throw err
  }
}
