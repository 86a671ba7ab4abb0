import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { createNode, createOrganisation } from '../../../../test/helpers/factories.ts'
import { signInAs, type TTestSession } from '../../../../test/helpers/sessions.ts'
import { createManualClock } from '../../clock.ts'
import type { TActor } from '../../context.ts'
import { isAppError } from '../../errors.ts'
import { createInProcessJobQueue } from '../../jobs/queue.ts'
import { TINY_PNG, tinyPdf, uploadTestFile } from './files.int-helpers.ts'
import {
  claimFiles,
  createFileService,
  createLocalFileStore,
  FILES_CLEANUP_JOB,
  listFilesForSubject,
  registerFileJobs,
  type TClaimOptions,
} from './index.ts'

const clock = createManualClock(new Date())
let ctx: TTestContext
let filesDir: string
let org: Awaited<ReturnType<typeof createOrganisation>>
let otherOrg: Awaited<ReturnType<typeof createOrganisation>>
let uploader: TTestSession
beforeAll(async () => {
  filesDir = await mkdtemp(path.join(os.tmpdir(), 'kx-claim-test-'))
  ctx = await createTestApp({ filesDir, clock })
  const node = await createNode(db())
  org = await createOrganisation(db(), node.id)
  otherOrg = await createOrganisation(db(), node.id)
  uploader = await signInAs(db(), { grants: [{ role: 'resource_manager', orgId: org.id }] })
  await db()
    .updateTable('user_session')
    .set({ current_org_id: org.id })
    .where('user_id', '=', uploader.userId)
    .execute()
})
afterAll(async () => {
  await ctx.close()
  await rm(filesDir, { recursive: true, force: true })
})

const db = () => ctx.database.db
const actorOf = (session: TTestSession, orgIds: string[] = []): TActor => ({
  userId: session.userId,
  sessionId: 'test',
  displayName: session.displayName,
  currentOrgId: orgIds[0] ?? null,
  grants: orgIds.map((orgId) => ({ role: 'member', nodeId: null, nodePath: null, orgId })),
  isSecondFactorPending: false,
})
const upload = async (purpose = 'resource_image', bytes: Buffer = TINY_PNG): Promise<string> =>
  (await uploadTestFile(ctx.app, uploader.cookie, purpose, { name: 'f.bin', bytes })).json().id
const claim = (ids: string[], options: Partial<TClaimOptions> & { actor: TActor }) =>
  db()
    .transaction()
    .execute((trx) =>
      claimFiles(trx, ids, {
        subjectType: 'resource',
        subjectId: org.id,
        allowedPurposes: ['resource_image', 'resource_document'],
        fieldPath: (i) => `body.attachments.${i}.fileId`,
        ...options,
      }),
    )
/** The field issues of a refused claim, as message keys. */
async function refusal(promise: Promise<unknown>): Promise<{ path: string; messageKey: string }[]> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  if (!isAppError(err)) throw new Error(`expected an AppError, got ${String(err)}`)
  expect(err.code).toBe('VALIDATION')
  return (err.details as { issues: { path: string; messageKey: string }[] }).issues.map(({ path, messageKey }) => ({
    path,
    messageKey,
  }))
}

describe('claimFiles', () => {
  it('attaches the uploader’s files to the record, once, and lists them for it', async () => {
    const subjectId = crypto.randomUUID()
    const ids = [await upload(), await upload('resource_document', tinyPdf())]
    const refs = await claim(ids, { actor: actorOf(uploader), subjectId })
    expect(refs.map((r) => r.id)).toEqual(ids)
    expect(refs[0]).toEqual({ id: ids[0], name: 'f.bin', mime: 'image/png', url: `/api/files/${ids[0]}` })
    // Claiming again for the same record is harmless.
    await claim(ids, { actor: actorOf(uploader), subjectId })
    const listed = await listFilesForSubject(db(), 'resource', subjectId)
    expect(listed.map((f) => f.id).sort()).toEqual([...ids].sort())
  })

  it('lets a colleague of the uploader’s organisation claim, but no one else', async () => {
    const id = await upload()
    const outsider = await signInAs(db())
    expect(await refusal(claim([id], { actor: actorOf(outsider, [otherOrg.id]) }))).toEqual([
      { path: 'body.attachments.0.fileId', messageKey: 'files.CLAIM_NOT_FOUND' },
    ])
    const colleague = await signInAs(db())
    await expect(claim([id], { actor: actorOf(colleague, [org.id]) })).resolves.toHaveLength(1)
  })

  it('refuses a file claimed by another record, a wrong purpose and an unknown id, naming each field', async () => {
    const taken = await upload()
    await claim([taken], { actor: actorOf(uploader), subjectId: crypto.randomUUID() })
    const licence = await upload('org_licence', tinyPdf())
    const fine = await upload()
    const issues = await refusal(
      claim([fine, taken, licence, crypto.randomUUID()], { actor: actorOf(uploader), subjectId: crypto.randomUUID() }),
    )
    expect(issues).toEqual([
      { path: 'body.attachments.1.fileId', messageKey: 'files.CLAIM_TAKEN' },
      { path: 'body.attachments.2.fileId', messageKey: 'files.CLAIM_PURPOSE' },
      { path: 'body.attachments.3.fileId', messageKey: 'files.CLAIM_NOT_FOUND' },
    ])
    // Nothing was claimed: the good one is still free.
    const row = await db()
      .selectFrom('stored_file')
      .select('subject_id')
      .where('id', '=', fine)
      .executeTakeFirstOrThrow()
    expect(row.subject_id).toBeNull()
  })
})

describe('the clean-up job', () => {
  it('removes unclaimed files older than a day (row and bytes) and keeps claimed and recent ones', async () => {
    const files = createFileService({ db: db(), clock, store: createLocalFileStore(filesDir) })
    const store = createLocalFileStore(filesDir)
    const shared = tinyPdf()
    const oldUnclaimed = await upload('other', tinyPdf())
    const oldSharedUnclaimed = await upload('other', shared)
    const oldClaimed = await upload('resource_document', shared)
    await claim([oldClaimed], { actor: actorOf(uploader), subjectId: crypto.randomUUID() })
    const recent = await upload('other', tinyPdf())
    // A day and a minute later for the first three (sessions stay valid: the rows are backdated instead).
    const dayAgo = new Date(clock.now().getTime() - 24 * 60 * 60 * 1000 - 60_000)
    await db()
      .updateTable('stored_file')
      .set({ created_at: dayAgo })
      .where('id', 'in', [oldUnclaimed, oldSharedUnclaimed, oldClaimed])
      .execute()
    clock.advance(60_000)

    const shaOf = async (id: string) =>
      (await db().selectFrom('stored_file').select('sha256').where('id', '=', id).executeTakeFirstOrThrow()).sha256
    const oldSha = await shaOf(oldUnclaimed)
    const sharedSha = await shaOf(oldClaimed)
    const jobs = createInProcessJobQueue({ delayScale: 0 })
    await registerFileJobs({ jobs, files })
    await jobs.send(FILES_CLEANUP_JOB, {})
    await jobs.drain()
    await jobs.stop()

    const left = await db()
      .selectFrom('stored_file')
      .select('id')
      .where('id', 'in', [oldUnclaimed, oldSharedUnclaimed, oldClaimed, recent])
      .execute()
    expect(left.map((r) => r.id).sort()).toEqual([oldClaimed, recent].sort())
    expect(await store.has(oldSha)).toBe(false)
    expect(await store.has(sharedSha)).toBe(true)
    expect(await store.has(await shaOf(recent))).toBe(true)
  })
})
