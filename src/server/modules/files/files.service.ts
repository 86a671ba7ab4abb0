import type { ReadStream } from 'node:fs'
import type { Readable } from 'node:stream'
import type { Kysely } from 'kysely'
import { FILE_RULES, fileUrl, ZFilePurpose, type TFilePurpose, type TStoredFile } from '#shared/contracts/files.ts'
import type { TClock } from '../../clock.ts'
import { requireActor, type TActor, type TRequestContext } from '../../context.ts'
import type { DB } from '../../db/schema.ts'
import { inTransaction } from '../../db/transaction.ts'
import { AppError, type TErrorCode, type TPendingFieldIssues } from '../../errors.ts'
import { claimFiles, listFilesForSubject, listFilesForSubjects } from './claim.ts'
import { detectFileType } from './detect-type.ts'
import type { TFileStore, TStagedFile } from './file-store.ts'
import { canDownloadFile, isPublicFile } from './files.policy.ts'
import * as repo from './files.repo.ts'
import './files.messages.ts'

export type TFileDeps = { db: Kysely<DB>; clock: TClock; store: TFileStore }

/** One part of a multipart upload, as the route hands it over (no HTTP types here). */
export type TUploadPart =
  | { kind: 'field'; name: string; value: string }
  | { kind: 'file'; name: string; filename: string; stream: Readable; isTruncated: () => boolean }

/** A file ready to be sent: its metadata and a way to open its bytes. */
export type TFileDownload = {
  name: string
  mime: string
  size: number
  sha256: string
  /** True when anyone may read it (a published public resource's file): shared caches may keep it. */
  isPublic: boolean
  open: () => Promise<ReadStream>
}

/** Unclaimed files older than this are removed by the clean-up job. */
export const UNCLAIMED_FILE_TTL_MS = 24 * 60 * 60 * 1000

const MB = 1024 * 1024
const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'text/csv': 'CSV',
  'text/plain': 'TXT',
}

/** A refused upload: the field `body.<field>` named, the message in the caller's language later. */
function uploadError(code: TErrorCode, field: string, key: string, vars?: Record<string, string>): AppError {
  const details: TPendingFieldIssues = {
    issues: [{ path: `body.${field}`, messageKey: key, ...(vars ? { vars } : {}) }],
    isPendingTranslation: true,
  }
  return new AppError(code, `${code}: body.${field}: ${key}`, { messageKey: key, ...(vars ? { vars } : {}), details })
}

/** The name a file was uploaded with, without any folder, control characters or excess length. */
export function cleanFileName(raw: string): string {
  const base = Array.from((raw.split(/[\\/]/).pop() ?? '').normalize('NFC'))
    .filter((ch) => {
      const code = ch.codePointAt(0) ?? 0
      return code >= 0x20 && code !== 0x7f
    })
    .join('')
    .trim()
  return Array.from(base || 'file')
    .slice(0, 200)
    .join('')
}

/**
 * Uploaded files: storing them (type from the bytes, size per purpose), sending them to those allowed,
 * and removing the ones nobody claimed. Claims are plain functions of claim.ts, run in the claiming
 * module's own transaction; they are repeated here so other modules can take them from the service too.
 */
export function createFileService(deps: TFileDeps) {
  const { db, clock, store } = deps

  async function stageFilePart(part: Extract<TUploadPart, { kind: 'file' }>, purpose: TFilePurpose | null) {
    if (purpose === null) throw uploadError('VALIDATION', 'purpose', 'files.PURPOSE_REQUIRED')
    const staged = await store.stage(part.stream, { maxBytes: FILE_RULES[purpose].maxBytes })
    return { staged: { ...staged, isTruncated: staged.isTruncated || part.isTruncated() }, name: part.filename }
  }

  /** Checks size and type of a staged upload; returns the detected type. */
  async function checkStaged(staged: TStagedFile, name: string, purpose: TFilePurpose): Promise<string> {
    const rule = FILE_RULES[purpose]
    if (staged.isTruncated) {
      throw uploadError('PAYLOAD_TOO_LARGE', 'file', 'files.TOO_LARGE', { limit: `${rule.maxBytes / MB} MB` })
    }
    if (staged.size === 0) throw uploadError('VALIDATION', 'file', 'files.EMPTY')
    const mime = await detectFileType(staged.tempPath, name)
    if (mime === null || !(rule.mimes as readonly string[]).includes(mime)) {
      const allowed = rule.mimes.map((m) => TYPE_NAMES[m] ?? m).join(' / ')
      throw uploadError('VALIDATION', 'file', 'files.TYPE_NOT_ALLOWED', { allowed })
    }
    return mime
  }

  /** Moves the bytes into place and writes the row, both under the content's lock. */
  async function saveUpload(
    staged: TStagedFile,
    row: { actor: TActor; purpose: TFilePurpose; name: string; mime: string },
  ) {
    return inTransaction(db, async (trx) => {
      await repo.lockContent(trx, staged.sha256)
      await store.commit(staged)
      return repo.insertFile(trx, {
        uploaded_by: row.actor.userId,
        org_id: row.actor.currentOrgId,
        purpose: row.purpose,
        original_name: row.name,
        mime: row.mime,
        size_bytes: staged.size,
        sha256: staged.sha256,
        created_at: clock.now(),
      })
    })
  }

  /**
   * Stores an upload: the multipart body holds `purpose` and then one file `file`. The type is detected
   * from the bytes and must be one the purpose accepts, within its size. The row records the uploader and
   * the organisation they act for; the file stays unclaimed until a record claims it.
   * @throws AppError UNAUTHENTICATED | VALIDATION (body.purpose, body.file: missing, empty, type) |
   *   PAYLOAD_TOO_LARGE (body.file)
   */
  async function uploadFile(ctx: TRequestContext, parts: AsyncIterable<TUploadPart>): Promise<TStoredFile> {
    const actor = requireActor(ctx)
    let purpose: TFilePurpose | null = null
    let upload: { staged: TStagedFile; name: string } | null = null
    let isStored = false
    try {
      for await (const part of parts) {
        if (part.kind === 'field' && part.name === 'purpose') {
          const parsed = ZFilePurpose.safeParse(part.value)
          if (!parsed.success) {
            throw uploadError('VALIDATION', 'purpose', 'files.PURPOSE_INVALID', { purpose: part.value.slice(0, 40) })
          }
          purpose = parsed.data
        } else if (part.kind === 'file' && part.name === 'file' && upload === null) {
          upload = await stageFilePart(part, purpose)
        } else if (part.kind === 'file') {
          part.stream.resume()
        }
      }
      if (purpose === null) throw uploadError('VALIDATION', 'purpose', 'files.PURPOSE_REQUIRED')
      if (upload === null) throw uploadError('VALIDATION', 'file', 'files.FILE_REQUIRED')
      const name = cleanFileName(upload.name)
      const mime = await checkStaged(upload.staged, name, purpose)
      const row = await saveUpload(upload.staged, { actor, purpose, name, mime })
      isStored = true
      return { id: row.id, name: row.original_name, mime: row.mime, size: row.size_bytes, url: fileUrl(row.id) }
    } finally {
      if (upload && !isStored) await discardUpload(upload.staged)
    }
  }

  /** A refused or failed upload leaves nothing: the temp file, or bytes no row refers to. */
  async function discardUpload(staged: TStagedFile): Promise<void> {
    await store.discard(staged)
    await inTransaction(db, async (trx) => {
      await repo.lockContent(trx, staged.sha256)
      if ((await repo.countRowsWithContent(trx, staged.sha256)) === 0) await store.remove(staged.sha256)
    })
  }

  /**
   * A file for download, when the reader may have it (files.policy.ts); a session still waiting for its
   * second factor reads as anonymous.
   * @throws AppError NOT_FOUND (also when the reader may not see it, or its bytes are missing)
   */
  async function getFileDownload(ctx: TRequestContext, id: string): Promise<TFileDownload> {
    const actor = ctx.actor && !ctx.actor.isSecondFactorPending ? ctx.actor : null
    const notFound = new AppError('NOT_FOUND', `file ${id} not found`, { messageKey: 'files.NOT_FOUND' })
    const file = await repo.findFile(db, id)
    if (!file) throw notFound
    const claimedResource = file.subject_type === 'resource' ? file.subject_id : null
    const facts = {
      resources: await repo.listResourcesUsingFile(db, id, claimedResource),
      organisationNodePaths:
        file.subject_type === 'organisation' && file.subject_id
          ? await repo.listOrganisationNodePaths(db, file.subject_id)
          : [],
    }
    if (!canDownloadFile(actor, file, facts)) throw notFound
    return {
      name: file.original_name,
      mime: file.mime,
      size: file.size_bytes,
      sha256: file.sha256,
      isPublic: isPublicFile(facts),
      open: async () => {
        const stream = await store.open(file.sha256)
        if (!stream) throw notFound
        return stream
      },
    }
  }

  /**
   * The clean-up job's work: removes files nobody claimed within a day (row, and bytes when no other row
   * has the same content), in batches, plus temp files of uploads that died half-way.
   * @returns how many rows were removed
   */
  async function deleteUnclaimedFiles(): Promise<number> {
    const before = new Date(clock.now().getTime() - UNCLAIMED_FILE_TTL_MS)
    let removed = 0
    for (;;) {
      const batch = await repo.listUnclaimedBefore(db, before, 200)
      for (const file of batch) {
        const isDeleted = await inTransaction(db, async (trx) => {
          await repo.lockContent(trx, file.sha256)
          if (!(await repo.deleteUnclaimedFile(trx, file.id))) return false
          // Inside the lock: an upload of the same content waits until this transaction ends.
          if ((await repo.countRowsWithContent(trx, file.sha256)) === 0) await store.remove(file.sha256)
          return true
        })
        if (isDeleted) removed += 1
      }
      if (batch.length < 200) break
    }
    await store.removeStaleTemp(before)
    return removed
  }

  return {
    uploadFile,
    getFileDownload,
    deleteUnclaimedFiles,
    claim: claimFiles,
    listForSubject: listFilesForSubject,
    listForSubjects: listFilesForSubjects,
  }
}

export type TFileService = ReturnType<typeof createFileService>
