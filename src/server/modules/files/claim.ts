import { fileUrl, type TFilePurpose, type TFileRef } from '#shared/contracts/files.ts'
import type { TActor } from '../../context.ts'
import type { TDb } from '../../db/transaction.ts'
import { fieldError, type TFieldIssue } from '../../errors.ts'
import { canClaimFile } from './files.policy.ts'
import * as repo from './files.repo.ts'
import './files.messages.ts'

/** The kinds of record that use files (stored_file.subject_type). */
export type TFileSubjectType = 'resource' | 'organisation' | 'work_order'

export type TClaimOptions = {
  subjectType: TFileSubjectType
  subjectId: string
  /** Purposes the record accepts, e.g. ['org_licence'] for an organisation's licence. */
  allowedPurposes: readonly TFilePurpose[]
  actor: TActor
  /** The request field of the i-th id, for field errors; default `body.fileIds.<i>`. */
  fieldPath?: (index: number) => string
}

/** A file row as other records show it. */
export function presentFileRef(row: repo.TFileRow): TFileRef {
  return { id: row.id, name: row.original_name, mime: row.mime, url: fileUrl(row.id) }
}

function issueFor(row: repo.TFileRow | undefined, options: TClaimOptions): Omit<TFieldIssue, 'path'> | null {
  // Someone else's file reads as missing: a claim must not reveal which ids exist.
  if (!row || !canClaimFile(options.actor, row)) return { messageKey: 'files.CLAIM_NOT_FOUND' }
  const isOtherSubject =
    row.subject_id !== null && (row.subject_type !== options.subjectType || row.subject_id !== options.subjectId)
  if (isOtherSubject) return { messageKey: 'files.CLAIM_TAKEN' }
  if (!options.allowedPurposes.includes(row.purpose as TFilePurpose)) {
    return { messageKey: 'files.CLAIM_PURPOSE', vars: { purpose: row.purpose } }
  }
  return null
}

/**
 * Attaches uploaded files to the record that uses them, inside the caller's transaction (so a refused
 * record leaves its files unclaimed, and the clean-up job removes them after a day). Each file must have
 * been uploaded by the actor or for one of their organisations, be unclaimed or already claimed by this
 * same record, and have an allowed purpose. Claiming twice is harmless.
 * @param trx the caller's transaction (rows are locked until it ends)
 * @param fileIds the files, in the order of the request's fields
 * @returns the files, in the order given (duplicates removed)
 * @throws AppError VALIDATION with one issue per refused file (`options.fieldPath(i)`)
 */
export async function claimFiles(trx: TDb, fileIds: readonly string[], options: TClaimOptions): Promise<TFileRef[]> {
  const ids = [...new Set(fileIds)]
  const rows = new Map((await repo.findFilesForUpdate(trx, ids)).map((row) => [row.id, row]))
  const pathOf = options.fieldPath ?? ((i: number) => `body.fileIds.${i}`)
  const issues: TFieldIssue[] = []
  fileIds.forEach((id, index) => {
    const issue = issueFor(rows.get(id), options)
    if (issue) issues.push({ path: pathOf(index), ...issue })
  })
  if (issues.length > 0) throw fieldError('VALIDATION', issues)
  const unclaimed = ids.filter((id) => rows.get(id)?.subject_id === null)
  await repo.setSubject(trx, unclaimed, { type: options.subjectType, id: options.subjectId })
  return ids.map((id) => presentFileRef(rows.get(id) as repo.TFileRow))
}

/**
 * The files of one record, oldest first.
 * @param purpose only files uploaded for this purpose, when given
 */
export async function listFilesForSubject(
  db: TDb,
  subjectType: TFileSubjectType,
  subjectId: string,
  purpose?: TFilePurpose,
): Promise<TFileRef[]> {
  return (await listFilesForSubjects(db, subjectType, [subjectId], purpose)).get(subjectId) ?? []
}

/**
 * The files of many records at once (a list page), by record id; records without files are absent.
 * @param purpose only files uploaded for this purpose, when given
 */
export async function listFilesForSubjects(
  db: TDb,
  subjectType: TFileSubjectType,
  subjectIds: readonly string[],
  purpose?: TFilePurpose,
): Promise<Map<string, TFileRef[]>> {
  const rows = await repo.listFilesOfSubjects(db, subjectType, [...new Set(subjectIds)])
  const bySubject = new Map<string, TFileRef[]>()
  for (const row of rows) {
    if (purpose && row.purpose !== purpose) continue
    const key = row.subject_id as string
    bySubject.set(key, [...(bySubject.get(key) ?? []), presentFileRef(row)])
  }
  return bySubject
}
