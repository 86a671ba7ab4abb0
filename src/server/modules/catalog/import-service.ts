import { existsSync, mkdirSync } from 'node:fs'
import { readdir, rename, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Kysely } from 'kysely'
import type { TCreateImportQuery, TImportFormat } from '#shared/contracts/catalog-import.ts'
import { requireActor, type TActor, type TRequestContext } from '../../context.ts'
import type { TClock } from '../../clock.ts'
import type { DB } from '../../db/schema.ts'
import { AppError } from '../../errors.ts'
import type { TLang } from '../../http/messages.ts'
import { createInProcessJobQueue, type TJobLog } from '../../jobs/queue.ts'
import type { TAuditService } from '../audit/audit.service.ts'
import './catalog-import.messages.ts'
import { canCreateResource, isAnyProviderOf, isProviderFor } from './catalog.policy.ts'
import { buildErrorReport } from './import-report.ts'
import * as repo from './import-repo.ts'
import { runImport, type TImportTask } from './import-runner.ts'
import type { TDownload } from './template-build.ts'

/**
 * Bulk import of the catalogue (issue 4 item 4): accepts an upload, records the job and runs it in the
 * background; reads of the job and its error report. Permissions are those of creating a resource
 * (catalog.policy.ts: the unit's org_admin or resource_manager, its instrument_manager for instruments, the
 * platform_admin).
 *
 * Jobs run on a queue of this module, in this process, one at a time, never on the app's shared queue: the
 * upload lives in this process's temporary folder, and pg-boss could hand the job to another app copy that
 * does not have the file. A job cut short by a restart is shown as interrupted (import-present.ts).
 */

/** The stored upload, as the route's body parser leaves it. */
export type TUpload = { path: string; bytes: number; format: TImportFormat }

export type TImportServiceDeps = {
  db: Kysely<DB>
  clock: TClock
  audit: TAuditService
  /** True on PostgreSQL (progress of the insert phase can be written beside its transaction). */
  canWriteBesideTransaction: boolean
  /** Folder of uploads waiting or kept for error reports; default <os tmp>/kexiang-imports. */
  uploadDir?: string
  log?: TJobLog
}

const QUEUE = 'catalog-import'
/** Uploads kept for error reports are removed after this long. */
const KEEP_UPLOADS_MS = 24 * 60 * 60 * 1000
/** Jobs listed per organisation. */
const LIST_LIMIT = 20

function jobNotFound(): AppError {
  return new AppError('NOT_FOUND', 'import job not found', { messageKey: 'catalogImport.JOB_NOT_FOUND' })
}

/** The requester and the providers of the job's kind in its organisation see a job; others get 404. */
function canSeeJob(actor: TActor, row: repo.TImportRow): boolean {
  return row.requested_by === actor.userId || isProviderFor(actor, row.org_id, row.kind)
}

/**
 * Creates the import service and its worker.
 * @param deps database, clock, audit, engine capability, upload folder, log
 */
export function createImportService(deps: TImportServiceDeps) {
  const { db } = deps
  const uploadDir = deps.uploadDir ?? path.join(os.tmpdir(), 'kexiang-imports')
  if (!existsSync(uploadDir)) mkdirSync(uploadDir, { recursive: true })
  const queue = createInProcessJobQueue({ concurrency: 1, ...(deps.log ? { log: deps.log } : {}) })
  const fileOf = (row: { id: string; format: string }) => path.join(uploadDir, `${row.id}.${row.format}`)

  void queue.work<TImportTask>(QUEUE, async (task) => {
    try {
      const outcome = await runImport(deps, task)
      if (outcome.status === 'done') await rm(task.filePath, { force: true })
    } catch (err) {
      await rm(task.filePath, { force: true })
      throw err
    }
  })

  async function sweepOldUploads(): Promise<void> {
    // file times are the real clock's, whatever clock the app runs on (tests set theirs to other years)
    const cutoff = Date.now() - KEEP_UPLOADS_MS
    for (const name of await readdir(uploadDir)) {
      const file = path.join(uploadDir, name)
      const info = await stat(file).catch(() => null)
      if (info && info.mtimeMs < cutoff) await rm(file, { force: true })
    }
  }

  /**
   * Accepts an upload: checks the caller and the organisation, records the job (queued) and starts it.
   * The upload is moved to the job's own file, or deleted when the request is refused.
   * @returns the new job
   * @throws AppError UNAUTHENTICATED | NOT_FOUND (organisation) | FORBIDDEN | STATE_INVALID (unit not
   *   approved) | VALIDATION (empty file)
   */
  async function createImport(
    ctx: TRequestContext,
    query: TCreateImportQuery,
    upload: TUpload,
  ): Promise<repo.TImportRow> {
    try {
      const actor = requireActor(ctx)
      const org = await repo.findImportOrganisation(db, query.orgId)
      if (!org) throw new AppError('NOT_FOUND', 'organisation not found', { messageKey: 'catalogImport.ORG_NOT_FOUND' })
      if (!canCreateResource(actor, org.id, query.kind)) {
        throw new AppError('FORBIDDEN', 'not a provider of this unit', { messageKey: 'catalogImport.NOT_PROVIDER' })
      }
      if (org.status !== 'approved') {
        throw new AppError('STATE_INVALID', 'organisation not approved', {
          messageKey: 'catalogImport.ORG_NOT_APPROVED',
        })
      }
      if (upload.bytes === 0)
        throw new AppError('VALIDATION', 'empty upload', { messageKey: 'catalogImport.EMPTY_UPLOAD' })
      const row = await repo.insertImport(db, {
        org_id: org.id,
        kind: query.kind,
        requested_by: actor.userId,
        format: upload.format,
        file_name: query.fileName,
        file_bytes: upload.bytes,
        submit: query.submit,
      })
      const filePath = fileOf(row)
      await rename(upload.path, filePath)
      const task: TImportTask = {
        jobId: row.id,
        orgId: org.id,
        nodeId: org.node_id,
        kind: query.kind,
        submit: query.submit,
        format: upload.format,
        filePath,
        fileBytes: upload.bytes,
        actor: { userId: actor.userId, displayName: actor.displayName, ip: ctx.ip, userAgent: ctx.userAgent },
      }
      await queue.send(QUEUE, task, { retryLimit: 0 })
      sweepOldUploads().catch((err: unknown) =>
        deps.log?.warn(`catalog import: sweeping old uploads failed: ${String(err)}`),
      )
      return row
    } finally {
      await rm(upload.path, { force: true })
    }
  }

  /**
   * One job, for the requester or a provider of its kind in its organisation.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND (also for someone else's job)
   */
  async function getImport(ctx: TRequestContext, id: string): Promise<repo.TImportRow> {
    const actor = requireActor(ctx)
    const row = await repo.findImport(db, id)
    if (!row || !canSeeJob(actor, row)) throw jobNotFound()
    return row
  }

  /**
   * The organisation's latest jobs the caller may see (newest first).
   * @throws AppError UNAUTHENTICATED | FORBIDDEN (not a provider of the unit)
   */
  async function listImports(ctx: TRequestContext, orgId: string): Promise<repo.TImportRow[]> {
    const actor = requireActor(ctx)
    if (!isAnyProviderOf(actor, orgId)) {
      throw new AppError('FORBIDDEN', 'not a provider of this unit', { messageKey: 'catalogImport.NOT_PROVIDER' })
    }
    const rows = await repo.listImports(db, orgId, LIST_LIMIT)
    return rows.filter((row) => canSeeJob(actor, row))
  }

  /**
   * The error report of a rejected job as xlsx: the uploaded rows with a 错误说明 column and the bad cells
   * highlighted (while the upload is kept, 24 h), and the list of errors.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND | STATE_INVALID (the job was not rejected)
   */
  async function getErrorReport(ctx: TRequestContext, id: string, lang: TLang): Promise<TDownload> {
    const row = await getImport(ctx, id)
    if (row.status !== 'rejected') {
      throw new AppError('STATE_INVALID', 'no error report', { messageKey: 'catalogImport.REPORT_NOT_READY' })
    }
    const file = fileOf(row)
    return buildErrorReport(row, existsSync(file) ? file : null, lang)
  }

  return {
    uploadDir,
    createImport,
    getImport,
    listImports,
    getErrorReport,
    stop: () => queue.stop(),
    drain: () => queue.drain(),
  }
}

export type TImportService = ReturnType<typeof createImportService>
