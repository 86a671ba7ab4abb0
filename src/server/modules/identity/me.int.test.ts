import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createNode, createOrganisation } from '../../../../test/helpers/factories.ts'
import { CLOSED_ACCOUNT_NAME } from './account.ts'
import { createIdentityTestApp, PASSWORD, sessionCookieOf, type TIdentityTestApp } from './identity.int-helpers.ts'

let t: TIdentityTestApp
let node: { id: string; name: string }
let orgA: { id: string; name: string }
let orgB: { id: string; name: string }
let notMine: { id: string }
beforeAll(async () => {
  t = await createIdentityTestApp()
  node = await createNode(t.db)
  orgA = await createOrganisation(t.db, node.id)
  orgB = await createOrganisation(t.db, node.id)
  notMine = await createOrganisation(t.db, node.id)
})
afterAll(async () => t.ctx.close())

/** A member of organisations A and B (A first), signed in again so the session picks the current one. */
async function memberOfTwo(phone: string) {
  const { userId } = await t.signUp(phone, PASSWORD, '王五')
  await t.db.insertInto('role_grant').values({ user_id: userId, role: 'org_admin', org_id: orgA.id }).execute()
  await t.db.insertInto('role_grant').values({ user_id: userId, role: 'member', org_id: orgB.id }).execute()
  return { userId, cookie: sessionCookieOf(await t.signIn(phone)) }
}

describe('GET /api/me', () => {
  it('shows me with a masked phone, my roles with names, my organisations and the current one', async () => {
    const { userId, cookie } = await memberOfTwo('13300400001')
    const res = await t.call('GET', '/api/me', undefined, { cookie })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      id: userId,
      displayName: '王五',
      phoneMasked: '133****0001',
      roles: [
        { role: 'org_admin', orgId: orgA.id, orgName: orgA.name, nodeId: null, nodeName: null },
        { role: 'member', orgId: orgB.id, orgName: orgB.name, nodeId: null, nodeName: null },
      ],
      currentOrgId: orgA.id,
      organisations: [
        { id: orgA.id, name: orgA.name },
        { id: orgB.id, name: orgB.name },
      ],
      secondFactor: 'none',
      totpEnabled: false,
    })
    expect(res.body).not.toContain('13300400001')
  })

  it('needs a session', async () => {
    const res = await t.call('GET', '/api/me')
    expect(res.statusCode).toBe(401)
    expect(res.json().error).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' })
  })
})

describe('PUT /api/me/current-org', () => {
  it('switches to another of my organisations', async () => {
    const { cookie } = await memberOfTwo('13300400002')
    const res = await t.call('PUT', '/api/me/current-org', { orgId: orgB.id }, { cookie })
    expect(res.statusCode).toBe(200)
    expect(res.json().currentOrgId).toBe(orgB.id)
    expect((await t.call('GET', '/api/me', undefined, { cookie })).json().currentOrgId).toBe(orgB.id)
  })

  it('refuses an organisation I do not belong to with FORBIDDEN', async () => {
    const { cookie } = await memberOfTwo('13300400003')
    const res = await t.call('PUT', '/api/me/current-org', { orgId: notMine.id }, { cookie })
    expect(res.statusCode).toBe(403)
    expect(res.json().error).toEqual({ code: 'FORBIDDEN', message: '您不属于该单位' })
  })

  it('refuses bad input with 400 and no session with 401', async () => {
    const { cookie } = await memberOfTwo('13300400004')
    expect((await t.call('PUT', '/api/me/current-org', { orgId: 'x' }, { cookie })).statusCode).toBe(400)
    expect((await t.call('PUT', '/api/me/current-org', { orgId: orgA.id })).statusCode).toBe(401)
  })
})

describe('GET /api/me/export', () => {
  it('downloads everything about me as JSON, full phone included, no token digests', async () => {
    const { userId, cookie } = await memberOfTwo('13300400010')
    await t.signIn('13300400010', 'Wrong#Pass123', { ip: '10.6.6.6' })
    const res = await t.call('GET', '/api/me/export', undefined, { cookie })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="kexiang-my-data-\d{8}\.json"$/)
    expect(res.headers['cache-control']).toBe('no-store')
    const data = res.json()
    expect(data.profile).toMatchObject({ id: userId, displayName: '王五', phone: '13300400010', status: 'active' })
    expect(data.consent).toEqual({ privacyVersion: t.config.privacyVersion, consentedAt: expect.any(String) })
    expect(data.roles.map((r: { role: string }) => r.role)).toEqual(['org_admin', 'member'])
    expect(data.sessions).toHaveLength(2)
    expect(data.sessions.filter((s: { isCurrent: boolean }) => s.isCurrent)).toHaveLength(1)
    expect(data.signInAttempts.map((a: { succeeded: boolean; ip: string }) => [a.succeeded, a.ip])).toEqual([
      [false, '10.6.6.6'],
      [true, '127.0.0.1'],
    ])
    expect(res.body).not.toMatch(/token|hash|secret/i)
  })

  it('needs a session', async () => {
    expect((await t.call('GET', '/api/me/export')).statusCode).toBe(401)
  })
})

describe('POST /api/me/close', () => {
  it('refuses a wrong password as a field error, and counts it', async () => {
    const { cookie } = await t.signUp('13300400020')
    const res = await t.call('POST', '/api/me/close', { password: 'Wrong#Pass123' }, { cookie, lang: 'en' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues).toEqual([{ path: 'body.password', message: 'Wrong password' }])
    const attempts = await t.db
      .selectFrom('sign_in_attempt')
      .select(['method', 'failure_reason'])
      .where('account_key', '=', '13300400020')
      .execute()
    expect(attempts).toEqual([{ method: 'close_account', failure_reason: 'bad_credentials' }])
    expect((await t.call('GET', '/api/me', undefined, { cookie })).statusCode).toBe(200)
  })

  it('closes the account: personal data erased, roles and sessions gone, the number free again', async () => {
    const { userId, cookie } = await memberOfTwo('13300400021')
    const other = sessionCookieOf(await t.signIn('13300400021', PASSWORD, { ip: '10.8.8.8' }))
    const res = await t.call('POST', '/api/me/close', { password: PASSWORD }, { cookie })
    expect(res.statusCode).toBe(204)
    expect(res.cookies.find((c) => c.name === 'kx_session')?.value).toBe('')
    expect((await t.call('GET', '/api/me', undefined, { cookie })).statusCode).toBe(401)
    expect((await t.call('GET', '/api/me', undefined, { cookie: other })).statusCode).toBe(401)
    const row = await t.db.selectFrom('app_user').selectAll().where('id', '=', userId).executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      status: 'closed',
      display_name: CLOSED_ACCOUNT_NAME,
      phone: null,
      email: null,
      password_hash: null,
      totp_secret: null,
    })
    expect(row.closed_at).not.toBeNull()
    const grants = await t.db.selectFrom('role_grant').select('id').where('user_id', '=', userId).execute()
    expect(grants).toEqual([])
    const again = await t.signUp('13300400021')
    expect(again.userId).not.toBe(userId)
  })

  it('refuses bad input with 400 and no session with 401', async () => {
    const { cookie } = await t.signUp('13300400022')
    expect((await t.call('POST', '/api/me/close', {}, { cookie })).statusCode).toBe(400)
    expect((await t.call('POST', '/api/me/close', { password: PASSWORD })).statusCode).toBe(401)
  })
})
