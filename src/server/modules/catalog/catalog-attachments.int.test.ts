import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { buildAuthzWorld, type TAuthzWorld } from '../../../../test/helpers/authz-world.ts'
import { signInAs, type TTestSession } from '../../../../test/helpers/sessions.ts'
import { buildInstrumentBody, call, insertStoredFile } from './catalog.int-helpers.ts'

// Attachments of resources: the files module's uploads, checked, claimed, listed with their URL.
let ctx: TTestContext
let world: TAuthzWorld
let admin: TTestSession
const db = () => ctx.database.db

beforeAll(async () => {
  ctx = await createTestApp()
  world = await buildAuthzWorld(db())
  admin = world.sessions.orgAdmin
})
afterAll(async () => ctx.close())

const create = (session: TTestSession | null, overrides: Record<string, unknown> = {}) =>
  call(ctx.app, 'POST', '/api/catalog/resources', session, buildInstrumentBody(world.orgA.id, overrides))

async function resourceCount(): Promise<number> {
  const row = await db()
    .selectFrom('resource')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

describe('attachments', () => {
  it('claims the unit’s and the actor’s files and lists them with their URL', async () => {
    const colleague = await signInAs(db(), { grants: [{ role: 'member', orgId: world.orgA.id }] })
    const image = await insertStoredFile(db(), { uploadedBy: colleague.userId, orgId: world.orgA.id })
    const pdf = await insertStoredFile(db(), { uploadedBy: admin.userId, mime: 'application/pdf', name: '说明书.pdf' })
    const res = await create(admin, {
      attachments: [
        { fileId: image, role: 'image', caption: '外观' },
        { fileId: pdf, role: 'document' },
      ],
    })
    expect(res.statusCode).toBe(201)
    const { id, content } = res.json()
    expect(content.attachments).toEqual([
      {
        fileId: image,
        role: 'image',
        caption: '外观',
        name: 'photo.png',
        mime: 'image/png',
        size: 1234,
        url: `/api/files/${image}`,
      },
      {
        fileId: pdf,
        role: 'document',
        caption: '',
        name: '说明书.pdf',
        mime: 'application/pdf',
        size: 1234,
        url: `/api/files/${pdf}`,
      },
    ])
    const files = await db()
      .selectFrom('stored_file')
      .select(['id', 'subject_type', 'subject_id'])
      .where('id', 'in', [image, pdf])
      .execute()
    expect(files.every((f) => f.subject_type === 'resource' && f.subject_id === id)).toBe(true)
  })

  it('refuses someone else’s file, a file in use, a non-image image and a duplicate — and writes no resource', async () => {
    const before = await resourceCount()
    const outsider = await insertStoredFile(db(), {
      uploadedBy: world.sessions.otherOrgAdmin.userId,
      orgId: world.orgB.id,
    })
    const pdf = await insertStoredFile(db(), { uploadedBy: admin.userId, mime: 'application/pdf' })
    const used = await insertStoredFile(db(), { uploadedBy: admin.userId })
    await db()
      .updateTable('stored_file')
      .set({ subject_type: 'organisation', subject_id: world.orgA.id })
      .where('id', '=', used)
      .execute()
    const ok = await insertStoredFile(db(), { uploadedBy: admin.userId })
    const res = await create(admin, {
      attachments: [
        { fileId: outsider, role: 'image' },
        { fileId: used, role: 'image' },
        { fileId: pdf, role: 'image' },
        { fileId: ok, role: 'image' },
        { fileId: ok, role: 'image' },
      ],
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.attachments.0.fileId',
      'body.attachments.1.fileId',
      'body.attachments.2.fileId',
      'body.attachments.4.fileId',
    ])
    expect(await resourceCount()).toBe(before)
    const okRow = await db()
      .selectFrom('stored_file')
      .select('subject_id')
      .where('id', '=', ok)
      .executeTakeFirstOrThrow()
    expect(okRow.subject_id).toBeNull()
  })
})
