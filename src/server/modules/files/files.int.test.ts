import { mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { createNode, createOrganisation } from '../../../../test/helpers/factories.ts'
import { signInAs, type TTestSession } from '../../../../test/helpers/sessions.ts'
import {
  EXE_BYTES,
  multipartBody,
  TINY_JPEG,
  TINY_PNG,
  tinyDocx,
  tinyPdf,
  tinyXlsx,
  uploadTestFile,
} from './files.int-helpers.ts'

let ctx: TTestContext
let filesDir: string
let uploader: TTestSession
let org: Awaited<ReturnType<typeof createOrganisation>>
beforeAll(async () => {
  filesDir = await mkdtemp(path.join(os.tmpdir(), 'kx-files-test-'))
  ctx = await createTestApp({ filesDir })
  const node = await createNode(ctx.database.db)
  org = await createOrganisation(ctx.database.db, node.id)
  uploader = await signInAs(ctx.database.db, { grants: [{ role: 'resource_manager', orgId: org.id }] })
  await ctx.database.db
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
const countRows = async () =>
  Number(
    (
      await db()
        .selectFrom('stored_file')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )
/** Every stored content and temp file under the files folder. */
async function filesOnDisk(): Promise<string[]> {
  const entries = await readdir(filesDir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
}

describe('POST /api/files', () => {
  it.each([
    { purpose: 'resource_image', name: 'logo.png', bytes: TINY_PNG, mime: 'image/png' },
    { purpose: 'resource_image', name: '照片.jpg', bytes: TINY_JPEG, mime: 'image/jpeg' },
    { purpose: 'resource_document', name: '说明书.pdf', bytes: tinyPdf(), mime: 'application/pdf' },
    {
      purpose: 'resource_document',
      name: '方案.docx',
      bytes: tinyDocx(),
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    },
    {
      purpose: 'resource_document',
      name: '清单.xlsx',
      bytes: tinyXlsx(),
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
    { purpose: 'org_licence', name: '营业执照.png', bytes: TINY_PNG, mime: 'image/png' },
    { purpose: 'work_order_result', name: '数据.csv', bytes: Buffer.from('样品,结果\n1,合格\n'), mime: 'text/csv' },
  ])('accepts $purpose $name as $mime, recording uploader and organisation', async ({ purpose, name, bytes, mime }) => {
    const res = await uploadTestFile(ctx.app, uploader.cookie, purpose, { name, bytes })
    expect(res.statusCode).toBe(201)
    const body = res.json()
    expect(body).toEqual({ id: expect.any(String), name, mime, size: bytes.length, url: `/api/files/${body.id}` })
    const row = await db().selectFrom('stored_file').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ uploaded_by: uploader.userId, org_id: org.id, purpose, subject_id: null })
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('refuses an .exe renamed .pdf and a text file declared as PNG, by their bytes, storing nothing', async () => {
    const rows = await countRows()
    const exe = await uploadTestFile(ctx.app, uploader.cookie, 'resource_document', {
      name: '说明书.pdf',
      bytes: EXE_BYTES,
      contentType: 'application/pdf',
    })
    expect(exe.statusCode).toBe(400)
    expect(exe.json().error).toEqual({
      code: 'VALIDATION',
      message: '文件类型不符合要求：此处只接受 PDF / DOCX / XLSX（按文件内容识别，而不是扩展名）',
      details: { issues: [{ path: 'body.file', message: expect.stringContaining('PDF / DOCX / XLSX') }] },
    })
    const text = await uploadTestFile(
      ctx.app,
      uploader.cookie,
      'resource_image',
      { name: 'photo.png', bytes: Buffer.from('not an image at all'), contentType: 'image/png' },
      'en',
    )
    expect(text.statusCode).toBe(400)
    expect(text.json().error.message).toBe(
      'This type of file is not accepted here: only PNG / JPEG / WebP (recognised from the content, not the name)',
    )
    expect(await countRows()).toBe(rows)
    expect((await filesOnDisk()).filter((f) => path.relative(filesDir, f).startsWith('tmp'))).toEqual([])
  })

  it('refuses a file over the purpose’s limit with 413 on body.file', async () => {
    const big = Buffer.concat([TINY_PNG, Buffer.alloc(5 * 1024 * 1024)])
    const res = await uploadTestFile(ctx.app, uploader.cookie, 'resource_image', { name: 'big.png', bytes: big })
    expect(res.statusCode).toBe(413)
    expect(res.json().error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: '文件过大：此处上传的文件不能超过 5 MB',
      details: { issues: [{ path: 'body.file', message: '文件过大：此处上传的文件不能超过 5 MB' }] },
    })
    // The same size is fine for a document.
    const pdf = Buffer.concat([tinyPdf(), Buffer.alloc(5 * 1024 * 1024)])
    const ok = await uploadTestFile(ctx.app, uploader.cookie, 'resource_document', { name: 'big.pdf', bytes: pdf })
    expect(ok.statusCode).toBe(201)
  })

  it('answers 401 to an anonymous upload, writing nothing', async () => {
    const rows = await countRows()
    const res = await uploadTestFile(ctx.app, null, 'resource_image', { name: 'a.png', bytes: TINY_PNG })
    expect(res.statusCode).toBe(401)
    expect(res.json().error.code).toBe('UNAUTHENTICATED')
    expect(await countRows()).toBe(rows)
  })

  it('names the missing or wrong field: purpose, file; JSON gets 415', async () => {
    const send = (body: { payload: Buffer; headers: Record<string, string> }) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/files',
        headers: { ...body.headers, cookie: uploader.cookie },
        payload: body.payload,
      })
    const noPurpose = await send(multipartBody({}, { name: 'a.png', bytes: TINY_PNG }))
    expect(noPurpose.statusCode).toBe(400)
    expect(noPurpose.json().error.details.issues[0].path).toBe('body.purpose')
    const badPurpose = await send(multipartBody({ purpose: 'avatar' }, { name: 'a.png', bytes: TINY_PNG }))
    expect(badPurpose.json().error.message).toBe('文件用途无效：avatar')
    const noFile = await send(multipartBody({ purpose: 'resource_image' }))
    expect(noFile.statusCode).toBe(400)
    expect(noFile.json().error.details.issues[0].path).toBe('body.file')
    const json = await ctx.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { cookie: uploader.cookie, 'content-type': 'application/json' },
      payload: '{"purpose":"other"}',
    })
    expect(json.statusCode).toBe(415)
    expect(json.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })

  it('leaves other routes JSON-only (the multipart parser is scoped to /api/files)', async () => {
    const body = multipartBody({ category: 'other', content: '多部分表单不应被接受' })
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/feedback',
      headers: body.headers,
      payload: body.payload,
    })
    expect(res.statusCode).toBe(415)
  })

  it('stores the same content once however often it is uploaded', async () => {
    const bytes = tinyPdf()
    const first = await uploadTestFile(ctx.app, uploader.cookie, 'other', { name: 'a.pdf', bytes })
    const second = await uploadTestFile(ctx.app, uploader.cookie, 'other', { name: 'b.pdf', bytes })
    expect(first.json().id).not.toBe(second.json().id)
    const rows = await db()
      .selectFrom('stored_file')
      .select('sha256')
      .where('id', 'in', [first.json().id, second.json().id])
      .execute()
    expect(rows[0]?.sha256).toBe(rows[1]?.sha256)
    expect((await filesOnDisk()).filter((f) => f.endsWith(rows[0]?.sha256 ?? '-'))).toHaveLength(1)
  })
})

describe('GET /api/files/:id', () => {
  const download = (id: string, cookie: string | null, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method: 'GET', url: `/api/files/${id}`, headers: { ...headers, ...(cookie ? { cookie } : {}) } })

  it('sends the uploader the same bytes with type, disposition (RFC 5987 name), nosniff and cache headers', async () => {
    const bytes = tinyPdf()
    const id = (
      await uploadTestFile(ctx.app, uploader.cookie, 'resource_document', { name: '检测报告（终稿） v2.pdf', bytes })
    ).json().id
    const res = await download(id, uploader.cookie)
    expect(res.statusCode).toBe(200)
    expect(res.rawPayload.equals(bytes)).toBe(true)
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.headers['content-length']).toBe(String(bytes.length))
    expect(res.headers['content-disposition']).toBe(
      `inline; filename="________ v2.pdf"; filename*=UTF-8''${encodeURIComponent('检测报告（终稿） v2.pdf')}`,
    )
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['cache-control']).toBe('private, no-cache')
    const etag = String(res.headers.etag)
    expect((await download(id, uploader.cookie, { 'if-none-match': etag })).statusCode).toBe(304)
  })

  it('offers documents other than PDF as attachments', async () => {
    const id = (
      await uploadTestFile(ctx.app, uploader.cookie, 'resource_document', { name: '方案.docx', bytes: tinyDocx() })
    ).json().id
    const res = await download(id, uploader.cookie)
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="__.docx"; filename*=UTF-8''%E6%96%B9%E6%A1%88.docx`,
    )
  })

  it('answers 404 to a stranger and to anonymous readers, as for a file that does not exist', async () => {
    const id = (
      await uploadTestFile(ctx.app, uploader.cookie, 'resource_image', { name: 'a.png', bytes: TINY_PNG })
    ).json().id
    const stranger = await signInAs(db())
    expect((await download(id, stranger.cookie)).statusCode).toBe(404)
    expect((await download(id, null)).statusCode).toBe(404)
    const missing = await download('00000000-0000-4000-8000-000000000000', uploader.cookie)
    expect(missing.json().error).toEqual({ code: 'NOT_FOUND', message: '文件不存在' })
  })

  it('serves anyone once the file is attached to a published public resource; drafts stay private', async () => {
    const id = (
      await uploadTestFile(ctx.app, uploader.cookie, 'resource_image', { name: 'a.png', bytes: TINY_PNG })
    ).json().id
    const draft = await createDraftWith(id)
    expect((await download(id, null)).statusCode).toBe(404)
    const colleague = await signInAs(db(), { grants: [{ role: 'member', orgId: org.id }] })
    expect((await download(id, colleague.cookie)).statusCode).toBe(200)
    await db()
      .updateTable('resource')
      .set({ status: 'published', published_at: new Date(), audience: 'network' })
      .where('id', '=', draft)
      .execute()
    expect((await download(id, null)).statusCode).toBe(404)
    await db().updateTable('resource').set({ audience: 'public' }).where('id', '=', draft).execute()
    const res = await download(id, null)
    expect(res.statusCode).toBe(200)
    expect(res.rawPayload.equals(TINY_PNG)).toBe(true)
    expect(res.headers['cache-control']).toBe('public, max-age=3600')
  })
})

/** A draft resource of the uploader's organisation with the file attached (as the catalogue writes it). */
async function createDraftWith(fileId: string): Promise<string> {
  const resource = await db()
    .insertInto('resource')
    .values({
      kind: 'instrument',
      title: '扫描电子显微镜',
      owner_org_id: org.id,
      node_id: org.node_id,
      region_code: org.region_code,
      city_code: org.city_code,
      status: 'draft',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db()
    .updateTable('stored_file')
    .set({ subject_type: 'resource', subject_id: resource.id })
    .where('id', '=', fileId)
    .execute()
  await db()
    .insertInto('resource_attachment')
    .values({ resource_id: resource.id, file_id: fileId, role: 'image', position: 0 })
    .execute()
  return resource.id
}

describe('OpenAPI', () => {
  it('documents the upload and the download', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/docs' })
    const paths = Object.keys(res.json().paths ?? {})
    expect(paths).toEqual(expect.arrayContaining(['/api/files', '/api/files/{id}']))
  })
})
