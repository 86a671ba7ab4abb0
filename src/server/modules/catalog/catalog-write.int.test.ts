import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { buildAuthzWorld, type TAuthzWorld } from '../../../../test/helpers/authz-world.ts'
import { createOrganisation } from '../../../../test/helpers/factories.ts'
import { signInAs, type TTestSession } from '../../../../test/helpers/sessions.ts'
import { buildInstrumentBody, call, editBody, insertStoredFile } from './catalog.int-helpers.ts'

// Writing resources: drafts, validation, edits with expectedVersion, deletion.
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

describe('POST /api/catalog/resources', () => {
  it('creates a draft operated by the unit’s node, with version 1 and a "create" version row', async () => {
    const res = await create(admin)
    expect(res.statusCode).toBe(201)
    const body = res.json()
    expect(body).toMatchObject({
      kind: 'instrument',
      status: 'draft',
      revisionStatus: null,
      version: 1,
      cstr: null,
      owner: { id: world.orgA.id },
      node: { id: world.nodes.mdj.id },
      content: { title: '场发射扫描电子显微镜', regionCode: '231002', audience: 'public', attachments: [] },
      publishedContent: null,
      actions: ['edit', 'submit', 'delete'],
    })
    const row = await db().selectFrom('resource').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ city_code: '231000', created_by: admin.userId, status: 'draft' })
    const versions = await db().selectFrom('resource_version').selectAll().where('resource_id', '=', body.id).execute()
    expect(versions).toHaveLength(1)
    expect(versions[0]).toMatchObject({ version: 1, action: 'create', status: 'draft', changed_by: admin.userId })
  })

  it('answers 401 without a session and 403 to a member who manages nothing', async () => {
    expect((await create(null)).statusCode).toBe(401)
    const res = await create(world.sessions.memberOfThis)
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('FORBIDDEN')
  })

  it('lets an instrument manager create instruments but not other kinds', async () => {
    const manager = await signInAs(db(), { grants: [{ role: 'instrument_manager', orgId: world.orgA.id }] })
    expect((await create(manager)).statusCode).toBe(201)
    const expert = await create(manager, {
      kind: 'expert',
      category: null,
      attributes: { title: '教授', expertise: ['焊接'] },
    })
    expect(expert.statusCode).toBe(403)
  })

  it('answers 404 for an unknown organisation', async () => {
    const res = await create(admin, { orgId: '00000000-0000-4000-8000-000000000000' })
    expect(res.statusCode).toBe(404)
  })

  it('rejects zod failures with the field path', async () => {
    const res = await create(admin, { title: '', regionCode: '23100' })
    expect(res.statusCode).toBe(400)
    const paths = res.json().error.details.issues.map((i: { path: string }) => i.path)
    expect(paths).toEqual(expect.arrayContaining(['body.title', 'body.regionCode']))
  })

  it('words attribute and code issues in zh-CN and en, all at once, and writes nothing', async () => {
    const before = await resourceCount()
    const bad = {
      regionCode: '239999',
      disciplineCode: '99999',
      industryCode: 'A745',
      category: '9999',
      attributes: { model: 'X', indicators: 'i', functions: 'f', location: { latitude: 95 }, purchaseDate: '2024-02-30' },
    }
    const zh = await create(admin, bad)
    expect(zh.statusCode).toBe(400)
    const issues = zh.json().error.details.issues
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'body.attributes.manufacturer', message: '必填' },
        { path: 'body.attributes.location.latitude', message: '应为 -90 到 90 之间的数值' },
        { path: 'body.attributes.purchaseDate', message: '应为有效日期，格式 YYYY-MM-DD' },
        { path: 'body.regionCode', message: '行政区划代码不存在或未细化到市、区县：239999' },
        { path: 'body.disciplineCode', message: '学科代码不存在（GB/T 13745）：99999' },
        { path: 'body.industryCode', message: '行业代码不存在（GB/T 4754）：A745' },
        { path: 'body.category', message: '仪器分类代码不存在：9999' },
      ]),
    )
    const en = await ctx.app.inject({
      method: 'POST',
      url: '/api/catalog/resources',
      headers: { cookie: admin.cookie, 'content-type': 'application/json', 'accept-language': 'en' },
      payload: JSON.stringify(buildInstrumentBody(world.orgA.id, bad)),
    })
    expect(en.json().error.details.issues).toContainEqual({ path: 'body.attributes.manufacturer', message: 'Required' })
    expect(await resourceCount()).toBe(before)
  })

  it('refuses a node the unit has not joined, and accepts one it has', async () => {
    const res = await create(admin, { nodeId: world.nodes.hb.id })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues[0].path).toBe('body.nodeId')
    await db()
      .insertInto('organisation_node_membership')
      .values({
        org_id: world.orgA.id,
        node_id: world.nodes.hb.id,
        agreement_version: '2026-01',
        accepted_at: new Date(),
      })
      .execute()
    const joined = await create(admin, { nodeId: world.nodes.hb.id })
    expect(joined.statusCode).toBe(201)
    expect(joined.json().node.id).toBe(world.nodes.hb.id)
  })

  it('refuses an organisation that is not approved yet', async () => {
    const pending = await createOrganisation(db(), world.nodes.mdj.id, { status: 'pending', region_code: '231002' })
    const owner = await signInAs(db(), { grants: [{ role: 'org_admin', orgId: pending.id }] })
    const res = await call(ctx.app, 'POST', '/api/catalog/resources', owner, buildInstrumentBody(pending.id))
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('STATE_INVALID')
  })
})

describe('PUT /api/catalog/resources/:id', () => {
  it('saves a draft in place at expectedVersion and refuses a stale version with 409 CONFLICT', async () => {
    const created = (await create(admin)).json()
    const saved = await call(
      ctx.app,
      'PUT',
      `/api/catalog/resources/${created.id}`,
      admin,
      editBody(created.content, 1, { title: '冷场发射扫描电镜' }),
    )
    expect(saved.statusCode).toBe(200)
    expect(saved.json()).toMatchObject({ version: 2, status: 'draft', content: { title: '冷场发射扫描电镜' } })
    const stale = await call(
      ctx.app,
      'PUT',
      `/api/catalog/resources/${created.id}`,
      admin,
      editBody(created.content, 1, { title: '旧版本' }),
    )
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } })
    expect(stale.json().error.message).toContain('当前版本 2')
  })

  it('refuses a provider of another organisation with 404 (the resource is not theirs to see)', async () => {
    const created = (await create(admin)).json()
    const res = await call(
      ctx.app,
      'PUT',
      `/api/catalog/resources/${created.id}`,
      world.sessions.otherOrgAdmin,
      editBody(created.content, 1),
    )
    expect(res.statusCode).toBe(404)
    const unchanged = await db()
      .selectFrom('resource')
      .select('version')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow()
    expect(unchanged.version).toBe(1)
  })

  it('answers 403 to node staff (they review, they do not edit) and 400 to bad attributes', async () => {
    const created = (await create(admin)).json()
    const url = `/api/catalog/resources/${created.id}`
    expect(
      (await call(ctx.app, 'PUT', url, world.sessions.nodeOperator, editBody(created.content, 1))).statusCode,
    ).toBe(403)
    const bad = await call(ctx.app, 'PUT', url, admin, editBody(created.content, 1, { attributes: { model: 'x' } }))
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(
      'body.attributes.manufacturer',
    )
  })

  it('refuses editing a submission under review (STATE_INVALID)', async () => {
    const created = (await create(admin)).json()
    await call(ctx.app, 'POST', `/api/catalog/resources/${created.id}/submit`, admin)
    const res = await call(ctx.app, 'PUT', `/api/catalog/resources/${created.id}`, admin, editBody(created.content, 2))
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('STATE_INVALID')
  })
})

describe('DELETE /api/catalog/resources/:id', () => {
  it('deletes a never-published draft and lets go of its files', async () => {
    const file = await insertStoredFile(db(), { uploadedBy: admin.userId })
    const created = (await create(admin, { attachments: [{ fileId: file, role: 'image' }] })).json()
    const res = await call(ctx.app, 'DELETE', `/api/catalog/resources/${created.id}`, admin)
    expect(res.statusCode).toBe(204)
    expect(
      await db().selectFrom('resource').select('id').where('id', '=', created.id).executeTakeFirst(),
    ).toBeUndefined()
    const row = await db()
      .selectFrom('stored_file')
      .select('subject_id')
      .where('id', '=', file)
      .executeTakeFirstOrThrow()
    expect(row.subject_id).toBeNull()
    expect((await call(ctx.app, 'DELETE', `/api/catalog/resources/${created.id}`, admin)).statusCode).toBe(404)
  })

  it('refuses a submitted resource (409), node staff (403) and other units (404)', async () => {
    const created = (await create(admin)).json()
    const url = `/api/catalog/resources/${created.id}`
    expect((await call(ctx.app, 'DELETE', url, null)).statusCode).toBe(401)
    expect((await call(ctx.app, 'DELETE', url, world.sessions.otherOrgAdmin)).statusCode).toBe(404)
    expect((await call(ctx.app, 'DELETE', url, world.sessions.nodeAdmin)).statusCode).toBe(403)
    await call(ctx.app, 'POST', `${url}/submit`, admin)
    expect((await call(ctx.app, 'DELETE', url, admin)).statusCode).toBe(409)
  })
})
