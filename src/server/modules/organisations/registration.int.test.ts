import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import {
  buildRegistration,
  createNode,
  createOrganisation,
  makeCreditCode,
  makeCreditCodeWithBadChecksum,
} from '../../../../test/helpers/factories.ts'
import { signInAs, type TTestSession } from '../../../../test/helpers/sessions.ts'
import { withTestLicence } from '../files/files.int-helpers.ts'

let ctx: TTestContext
let node: Awaited<ReturnType<typeof createNode>>
let registrant: TTestSession
let operator: TTestSession
beforeAll(async () => {
  ctx = await createTestApp()
  const db = ctx.database.db
  const root = await createNode(db, { kind: 'total' })
  node = await createNode(db, { parent_id: root.id, parentPath: root.path, kind: 'city', region_code: '231000' })
  registrant = await signInAs(db, { displayName: '王注册' })
  operator = await signInAs(db, { displayName: '赵运营', grants: [{ role: 'node_operator', nodeId: node.id }] })
})
afterAll(async () => ctx.close())

const db = () => ctx.database.db
const count = async (table: 'organisation' | 'organisation_node_membership' | 'role_grant') =>
  (
    await db()
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n

// Enterprises register with a business licence: each registration uploads one first (issue 3).
const register = async (payload: object, who: TTestSession = registrant, lang?: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/organisations',
    headers: { cookie: who.cookie, 'content-type': 'application/json', ...(lang ? { 'accept-language': lang } : {}) },
    payload: JSON.stringify(await withTestLicence(ctx.app, who.cookie, payload)),
  })

const review = (orgId: string, payload: object, who: TTestSession = operator) =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/organisations/${orgId}/review`,
    headers: { cookie: who.cookie, 'content-type': 'application/json' },
    payload: JSON.stringify(payload),
  })

/** Counts of every table a registration writes, to prove a refused one wrote nothing. */
const footprint = async () => [
  await count('organisation'),
  await count('organisation_node_membership'),
  await count('role_grant'),
]

describe('POST /api/organisations (单位注册)', () => {
  it('registers a pending unit, makes the registrant its admin and records the joining agreement', async () => {
    const body = buildRegistration(node.id, { creditCode: makeCreditCode('231002').toLowerCase() })
    const res = await register(body)
    expect(res.statusCode).toBe(201)
    const org = res.json()
    expect(org).toMatchObject({
      name: body.name,
      kind: 'enterprise',
      creditCode: body.creditCode.toUpperCase(),
      regionCode: '231002',
      regionName: '黑龙江省 牡丹江市 东安区',
      status: 'pending',
      node: { id: node.id, name: node.name },
      private: {
        creditCodeCheck: 'valid',
        contactName: '王经理',
        contactPhone: '13912340000',
        isContactPhoneMasked: false,
        registeredBy: { id: registrant.userId, displayName: '王注册' },
        reviewedBy: null,
        agreement: { nodeId: node.id, version: '2026-01' },
      },
    })
    const grants = await db().selectFrom('role_grant').selectAll().where('org_id', '=', org.id).execute()
    expect(grants.map((g) => [g.user_id, g.role])).toEqual([[registrant.userId, 'org_admin']])
    const agreement = await db()
      .selectFrom('organisation_node_membership')
      .selectAll()
      .where('org_id', '=', org.id)
      .executeTakeFirstOrThrow()
    expect(agreement).toMatchObject({ node_id: node.id, agreement_version: '2026-01', accepted_by: registrant.userId })
    const audit = await db().selectFrom('audit_log').selectAll().where('target_id', '=', org.id).execute()
    expect(audit.map((a) => [a.action, a.result, a.actor_id])).toEqual([
      ['organisation.register', 'success', registrant.userId],
    ])
  })

  it('accepts a code that fails only the checksum, flagged for the reviewer', async () => {
    const res = await register(buildRegistration(node.id, { creditCode: makeCreditCodeWithBadChecksum('231002') }))
    expect(res.statusCode).toBe(201)
    expect(res.json().private.creditCodeCheck).toBe('checksum')
    const queue = await ctx.app.inject({
      method: 'GET',
      url: `/api/nodes/${node.id}/organisations?status=pending`,
      headers: { cookie: operator.cookie },
    })
    const item = queue.json().items.find((o: { id: string }) => o.id === res.json().id)
    expect(item.private.creditCodeCheck).toBe('checksum')
  })

  it('refuses a malformed credit code with a field error in Chinese and English, creating nothing', async () => {
    const before = await footprint()
    const zh = await register(buildRegistration(node.id, { creditCode: '91230100ABC' }))
    expect(zh.statusCode).toBe(400)
    expect(zh.json().error.code).toBe('VALIDATION')
    expect(zh.json().error.message).toMatch(/^请求参数有误，请检查后重试（body\.creditCode: /)
    expect(zh.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(['body.creditCode'])
    const en = await register(buildRegistration(node.id, { creditCode: 'I1230100MA1234567X' }), registrant, 'en')
    expect(en.statusCode).toBe(400)
    expect(en.json().error.message).toMatch(
      /^The request is invalid; please check it and try again（body\.creditCode: /,
    )
    expect(await footprint()).toEqual(before)
  })

  it('refuses a credit code already registered with 409 on body.creditCode, creating nothing', async () => {
    const existing = await createOrganisation(db(), node.id)
    const before = await footprint()
    const zh = await register(buildRegistration(node.id, { creditCode: existing.credit_code }))
    expect(zh.statusCode).toBe(409)
    expect(zh.json().error).toEqual({
      code: 'CONFLICT',
      message: '该统一社会信用代码已被其他单位注册',
      details: { issues: [{ path: 'body.creditCode', message: '该统一社会信用代码已被其他单位注册' }] },
    })
    const en = await register(buildRegistration(node.id, { creditCode: existing.credit_code }), registrant, 'en')
    expect(en.json().error.details.issues).toEqual([
      {
        path: 'body.creditCode',
        message: 'This unified social credit code is already registered by another organisation',
      },
    ])
    expect(await footprint()).toEqual(before)
  })

  it('refuses an unknown region, or one that is only a province, on body.regionCode, creating nothing', async () => {
    const before = await footprint()
    const zh = await register(buildRegistration(node.id, { regionCode: '239999' }))
    expect(zh.statusCode).toBe(400)
    expect(zh.json().error).toEqual({
      code: 'VALIDATION',
      message: '请求参数有误，请检查后重试（body.regionCode: 行政区划代码不存在或未细化到市、区县：239999）',
      details: { issues: [{ path: 'body.regionCode', message: '行政区划代码不存在或未细化到市、区县：239999' }] },
    })
    const en = await register(buildRegistration(node.id, { regionCode: '230000' }), registrant, 'en')
    expect(en.statusCode).toBe(400)
    expect(en.json().error.details.issues).toEqual([
      { path: 'body.regionCode', message: 'Unknown region code, or not a city or district: 230000' },
    ])
    expect(await footprint()).toEqual(before)
  })

  it('refuses an unknown node, an unaccepted agreement and missing fields', async () => {
    const before = await footprint()
    const unknownNode = await register(buildRegistration('00000000-0000-4000-8000-000000000000'))
    expect(unknownNode.statusCode).toBe(400)
    expect(unknownNode.json().error.details.issues).toEqual([
      { path: 'body.nodeId', message: '申请加盟的平台节点不存在' },
    ])
    const noAgreement = await register(buildRegistration(node.id, { acceptAgreement: false, contactPhone: '123' }))
    expect(noAgreement.statusCode).toBe(400)
    const paths = noAgreement.json().error.details.issues.map((i: { path: string }) => i.path)
    expect(paths).toEqual(['body.contactPhone', 'body.acceptAgreement'])
    expect(await footprint()).toEqual(before)
  })

  it('asks anonymous callers to sign in', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(buildRegistration(node.id)),
    })
    expect(res.statusCode).toBe(401)
    expect(res.json().error).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' })
  })
})

describe('POST /api/organisations/:id/review', () => {
  it('approves once, records reviewer and time, tells the registrant; a second review is STATE_INVALID', async () => {
    const org = (await register(buildRegistration(node.id))).json()
    const res = await review(org.id, { decision: 'approve' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      status: 'approved',
      private: { reviewedBy: { id: operator.userId, displayName: '赵运营' } },
    })
    expect(res.json().private.reviewedAt).toEqual(expect.any(String))
    const again = await review(org.id, { decision: 'reject', reason: '材料不全' })
    expect(again.statusCode).toBe(409)
    expect(again.json().error).toEqual({ code: 'STATE_INVALID', message: '该单位已审核，不能重复审核' })
    const inbox = await db().selectFrom('notification').selectAll().where('user_id', '=', registrant.userId).execute()
    expect(inbox.filter((n) => n.link === `/orgs/${org.id}`).map((n) => [n.event, n.title])).toEqual([
      ['org.review_decided', '单位注册已通过审核'],
    ])
    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'result'])
      .where('target_id', '=', org.id)
      .orderBy('id')
      .execute()
    expect(audit).toEqual([
      { action: 'organisation.register', result: 'success' },
      { action: 'organisation.review', result: 'success' },
    ])
  })

  it('rejects only with a reason, which the registrant can read', async () => {
    const org = (await register(buildRegistration(node.id))).json()
    const noReason = await review(org.id, { decision: 'reject' })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(['body.reason'])
    const res = await review(org.id, { decision: 'reject', reason: '营业执照信息与填写不符' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'rejected', private: { reviewReason: '营业执照信息与填写不符' } })
    const seen = await ctx.app.inject({
      method: 'GET',
      url: `/api/organisations/${org.id}`,
      headers: { cookie: registrant.cookie },
    })
    expect(seen.json()).toMatchObject({ status: 'rejected', private: { reviewReason: '营业执照信息与填写不符' } })
    const stranger = await ctx.app.inject({ method: 'GET', url: `/api/organisations/${org.id}` })
    expect(stranger.statusCode).toBe(404)
  })

  it('does not let node staff review a unit they registered themselves, and audits the refusal', async () => {
    const org = (await register(buildRegistration(node.id), operator)).json()
    const res = await review(org.id, { decision: 'approve' }, operator)
    expect(res.statusCode).toBe(403)
    const denied = await db()
      .selectFrom('audit_log')
      .select(['action', 'result'])
      .where('target_id', '=', org.id)
      .where('result', '=', 'denied')
      .execute()
    expect(denied).toEqual([{ action: 'organisation.review', result: 'denied' }])
  })

  it('answers 404 for an unknown unit and 400 for a malformed id', async () => {
    const missing = await review('00000000-0000-4000-8000-000000000000', { decision: 'approve' })
    expect(missing.statusCode).toBe(404)
    expect(missing.json().error).toEqual({ code: 'NOT_FOUND', message: '单位不存在' })
    const malformed = await review('not-a-uuid', { decision: 'approve' })
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().error.details.issues[0].path).toBe('params.id')
  })
})
