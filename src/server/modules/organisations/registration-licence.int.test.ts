import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { buildAuthzWorld, expectRow, runMatrixRow, type TAuthzWorld } from '../../../../test/helpers/authz-world.ts'
import { buildRegistration } from '../../../../test/helpers/factories.ts'
import { signInAs, type TTestSession } from '../../../../test/helpers/sessions.ts'
import { TINY_PNG, tinyPdf, uploadTestFile, uploadTestLicence } from '../files/files.int-helpers.ts'

// Issue 3: units register with their business licence (营业执照), which the node's reviewer opens.
let ctx: TTestContext
let world: TAuthzWorld
beforeAll(async () => {
  ctx = await createTestApp()
  world = await buildAuthzWorld(ctx.database.db)
})
afterAll(async () => ctx.close())

const db = () => ctx.database.db
const count = async (table: 'organisation' | 'organisation_node_membership' | 'role_grant' | 'audit_log') =>
  Number(
    (
      await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )
/** Counts of every table a registration writes, to prove a refused one wrote nothing. */
const footprint = async () => [
  await count('organisation'),
  await count('organisation_node_membership'),
  await count('role_grant'),
  await count('audit_log'),
]
const register = (who: TTestSession, payload: object, lang?: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/organisations',
    headers: { cookie: who.cookie, 'content-type': 'application/json', ...(lang ? { 'accept-language': lang } : {}) },
    payload: JSON.stringify(payload),
  })
const get = (url: string, who: TTestSession | null) =>
  ctx.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} })

describe('the business licence of a registration', () => {
  it('is required for an enterprise: field error in both languages, nothing written', async () => {
    const registrant = await signInAs(db())
    const before = await footprint()
    const zh = await register(registrant, buildRegistration(world.nodes.mdj.id))
    expect(zh.statusCode).toBe(400)
    expect(zh.json().error).toEqual({
      code: 'VALIDATION',
      message: '请求参数有误，请检查后重试（body.licenceFileId: 请上传营业执照（PDF、PNG 或 JPEG））',
      details: { issues: [{ path: 'body.licenceFileId', message: '请上传营业执照（PDF、PNG 或 JPEG）' }] },
    })
    const en = await register(registrant, buildRegistration(world.nodes.mdj.id, { kind: 'patent_agency' }), 'en')
    expect(en.json().error.details.issues).toEqual([
      { path: 'body.licenceFileId', message: 'Upload the business licence (PDF, PNG or JPEG)' },
    ])
    expect(await footprint()).toEqual(before)
  })

  it('is optional for a university', async () => {
    const registrant = await signInAs(db())
    const res = await register(registrant, buildRegistration(world.nodes.mdj.id, { kind: 'university' }))
    expect(res.statusCode).toBe(201)
    expect(res.json().private.licence).toBeNull()
  })

  it('must be the registrant’s own upload for org_licence, not used by another unit; else nothing is written', async () => {
    const registrant = await signInAs(db())
    const someoneElses = await uploadTestLicence(ctx.app, (await signInAs(db())).cookie)
    const image = (
      await uploadTestFile(ctx.app, registrant.cookie, 'resource_image', { name: 'logo.png', bytes: TINY_PNG })
    ).json().id
    const before = await footprint()
    for (const [fileId, message] of [
      [someoneElses, '文件不存在或不是您（或您的单位）上传的，请重新上传'],
      [image, '该文件的用途（resource_image）不能用在这里，请重新上传'],
      ['00000000-0000-4000-8000-000000000000', '文件不存在或不是您（或您的单位）上传的，请重新上传'],
    ] as const) {
      const res = await register(registrant, buildRegistration(world.nodes.mdj.id, { licenceFileId: fileId }))
      expect(res.statusCode).toBe(400)
      expect(res.json().error.details.issues).toEqual([{ path: 'body.licenceFileId', message }])
    }
    expect(await footprint()).toEqual(before)
    const row = await db()
      .selectFrom('stored_file')
      .select('subject_id')
      .where('id', '=', someoneElses)
      .executeTakeFirstOrThrow()
    expect(row.subject_id).toBeNull()

    const licence = await uploadTestLicence(ctx.app, registrant.cookie)
    expect(
      (await register(registrant, buildRegistration(world.nodes.mdj.id, { licenceFileId: licence }))).statusCode,
    ).toBe(201)
    const again = await register(registrant, buildRegistration(world.nodes.mdj.id, { licenceFileId: licence }))
    expect(again.json().error.details.issues).toEqual([
      { path: 'body.licenceFileId', message: '该文件已被其他记录使用，请重新上传' },
    ])
  })

  it('is claimed for the unit, shown in the review queue and opened by the reviewer; other nodes get 404', async () => {
    const registrant = await signInAs(db())
    const bytes = tinyPdf()
    const upload = await uploadTestFile(ctx.app, registrant.cookie, 'org_licence', { name: '营业执照.pdf', bytes })
    const licenceId = upload.json().id
    const res = await register(registrant, buildRegistration(world.nodes.mdj.id, { licenceFileId: licenceId }))
    expect(res.statusCode).toBe(201)
    const orgId = res.json().id
    const licence = { id: licenceId, name: '营业执照.pdf', mime: 'application/pdf', url: `/api/files/${licenceId}` }
    expect(res.json().private.licence).toEqual(licence)
    const row = await db().selectFrom('stored_file').selectAll().where('id', '=', licenceId).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ subject_type: 'organisation', subject_id: orgId })

    const { sessions } = world
    const queue = await get(`/api/nodes/${world.nodes.mdj.id}/organisations?status=pending`, sessions.nodeOperator)
    const item = queue.json().items.find((o: { id: string }) => o.id === orgId)
    expect(item.private.licence).toEqual(licence)
    const opened = await get(licence.url, sessions.nodeOperator)
    expect(opened.statusCode).toBe(200)
    expect(opened.rawPayload.equals(bytes)).toBe(true)
    expect(opened.headers['content-disposition']).toMatch(/^inline; .*filename\*=UTF-8''%E8%90%A5%E4%B8%9A/)

    // Its admins and the node staff over its node; nobody else, not even its plain members.
    const member = await signInAs(db(), { grants: [{ role: 'member', orgId }] })
    const secondAdmin = await signInAs(db(), { grants: [{ role: 'org_admin', orgId }] })
    expect((await get(licence.url, member)).statusCode).toBe(404)
    expect((await get(licence.url, secondAdmin)).statusCode).toBe(200)
    expect((await get(`/api/organisations/${orgId}`, member)).json().private.licence).toBeNull()
    const row2 = await runMatrixRow(ctx.app, world, () => ({ method: 'GET', url: licence.url }))
    expect(row2).toEqual(expectRow(404, { nodeOperator: 200, nodeAdmin: 200, ancestorAdmin: 200, platformAdmin: 200 }))
  })

  it('opens to the staff of a node the unit has joined besides the one it registered with', async () => {
    const registrant = await signInAs(db())
    const licenceFileId = await uploadTestLicence(ctx.app, registrant.cookie)
    const res = await register(registrant, buildRegistration(world.nodes.mdj.id, { licenceFileId }))
    const url = `/api/files/${licenceFileId}`
    expect((await get(url, world.sessions.unrelatedOperator)).statusCode).toBe(404)
    await db()
      .insertInto('organisation_node_membership')
      .values({
        org_id: res.json().id,
        node_id: world.nodes.hb.id,
        agreement_version: '2026-01',
        accepted_at: new Date(),
        accepted_by: registrant.userId,
      })
      .execute()
    expect((await get(url, world.sessions.unrelatedOperator)).statusCode).toBe(200)
  })
})
