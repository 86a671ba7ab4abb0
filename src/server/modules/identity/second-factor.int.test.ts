import { generate } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createNode, createOrganisation } from '../../../../test/helpers/factories.ts'
import {
  createIdentityTestApp,
  MINUTE,
  PASSWORD,
  sessionCookieOf,
  type TIdentityTestApp,
} from './identity.int-helpers.ts'

let t: TIdentityTestApp
let nodeId: string
let orgId: string
beforeAll(async () => {
  t = await createIdentityTestApp()
  const node = await createNode(t.db)
  nodeId = node.id
  orgId = (await createOrganisation(t.db, node.id)).id
})
afterAll(async () => t.ctx.close())

const codeNow = (secret: string) => generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) })
const me = (cookie: string) => t.call('GET', '/api/me', undefined, { cookie })

/** A person who holds node_admin (granted after sign-up, so the next sign-in needs the second factor). */
async function nodeAdmin(phone: string) {
  const { userId } = await t.signUp(phone)
  await t.db.insertInto('role_grant').values({ user_id: userId, role: 'node_admin', node_id: nodeId }).execute()
  await t.db.insertInto('role_grant').values({ user_id: userId, role: 'member', org_id: orgId }).execute()
  return userId
}

describe('second factor for admin roles', () => {
  let secret: string
  const phone = '13500300001'

  it('a node admin signs in with secondFactor "enrol" and may do nothing else yet', async () => {
    await nodeAdmin(phone)
    const res = await t.signIn(phone)
    expect(res.statusCode).toBe(200)
    expect(res.json().secondFactor).toBe('enrol')
    const cookie = sessionCookieOf(res)
    const meRes = await me(cookie)
    expect(meRes.statusCode).toBe(200)
    expect(meRes.json()).toMatchObject({ secondFactor: 'enrol', totpEnabled: false })
    const refused = await t.call('PUT', '/api/me/current-org', { orgId }, { cookie })
    expect(refused.statusCode).toBe(401)
    expect(refused.json().error).toEqual({ code: 'SECOND_FACTOR_REQUIRED', message: '请先完成二次验证（动态口令）' })
    expect((await t.call('GET', '/api/me/export', undefined, { cookie })).json().error.code).toBe(
      'SECOND_FACTOR_REQUIRED',
    )
  })

  it('sets up and enables TOTP, which passes the factor and rotates the token', async () => {
    const pending = sessionCookieOf(await t.signIn(phone))
    const setup = await t.call('POST', '/api/auth/totp/setup', undefined, { cookie: pending })
    expect(setup.statusCode).toBe(200)
    secret = setup.json().secret
    expect(setup.json().otpauthUri).toBe(
      `otpauth://totp/${encodeURIComponent('科享 Kexiang')}:135****0001?secret=${secret}&issuer=${encodeURIComponent('科享 Kexiang')}`,
    )
    const wrong = await t.call('POST', '/api/auth/totp/enable', { code: '000000' }, { cookie: pending, lang: 'en' })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().error.details.issues).toEqual([
      { path: 'body.code', message: 'Wrong or already used code; enter the 6 digits your authenticator shows now' },
    ])
    const res = await t.call('POST', '/api/auth/totp/enable', { code: await codeNow(secret) }, { cookie: pending })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ secondFactor: 'passed', totpEnabled: true })
    const passed = sessionCookieOf(res)
    expect(passed).not.toBe(pending)
    expect((await me(pending)).statusCode).toBe(401)
    const switched = await t.call('PUT', '/api/me/current-org', { orgId }, { cookie: passed })
    expect(switched.statusCode).toBe(200)
  })

  it('refuses a second enrolment once enabled', async () => {
    const pending = sessionCookieOf(await t.signIn(phone))
    const res = await t.call('POST', '/api/auth/totp/setup', undefined, { cookie: pending })
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('STATE_INVALID')
  })

  it('the next sign-in requires the code; the same code is not accepted twice', async () => {
    t.clock.advance(MINUTE)
    const signIn = await t.signIn(phone)
    expect(signIn.json().secondFactor).toBe('required')
    const pending = sessionCookieOf(signIn)
    expect((await me(pending)).json().secondFactor).toBe('required')
    const code = await codeNow(secret)
    const res = await t.call('POST', '/api/auth/totp/verify', { code }, { cookie: pending })
    expect(res.statusCode).toBe(200)
    const passed = sessionCookieOf(res)
    expect((await me(pending)).statusCode).toBe(401)
    expect((await t.call('PUT', '/api/me/current-org', { orgId }, { cookie: passed })).statusCode).toBe(200)
    const other = sessionCookieOf(await t.signIn(phone))
    const replay = await t.call('POST', '/api/auth/totp/verify', { code }, { cookie: other })
    expect(replay.statusCode).toBe(400)
  })

  it('wrong codes count towards the lockout of the account', async () => {
    t.clock.advance(MINUTE)
    const pending = sessionCookieOf(await t.signIn(phone))
    for (let i = 0; i < 5; i++) {
      const res = await t.call(
        'POST',
        '/api/auth/totp/verify',
        { code: '000000' },
        { cookie: pending, ip: `10.5.5.${i}` },
      )
      expect(res.statusCode).toBe(400)
    }
    const locked = await t.call('POST', '/api/auth/totp/verify', { code: await codeNow(secret) }, { cookie: pending })
    expect(locked.statusCode).toBe(423)
    expect((await t.signIn(phone)).statusCode).toBe(423)
    t.clock.advance(15 * MINUTE)
    expect((await t.signIn(phone)).statusCode).toBe(200)
  })

  it('a role granted during a session requires the factor from the next request on', async () => {
    const { cookie, userId } = await t.signUp('13500300002')
    expect((await me(cookie)).json().secondFactor).toBe('none')
    await t.db.insertInto('role_grant').values({ user_id: userId, role: 'auditor' }).execute()
    expect((await me(cookie)).json().secondFactor).toBe('enrol')
    expect((await t.call('GET', '/api/me/export', undefined, { cookie })).statusCode).toBe(401)
  })
})

describe('TOTP endpoints', () => {
  it('need a session', async () => {
    expect((await t.call('POST', '/api/auth/totp/setup')).statusCode).toBe(401)
    expect((await t.call('POST', '/api/auth/totp/enable', { code: '123456' })).statusCode).toBe(401)
    expect((await t.call('POST', '/api/auth/totp/verify', { code: '123456' })).statusCode).toBe(401)
  })

  it('refuse a malformed code with 400', async () => {
    const { cookie } = await t.signUp('13500300010')
    const res = await t.call('POST', '/api/auth/totp/verify', { code: '12ab' }, { cookie })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues[0].path).toBe('body.code')
  })

  it('verify and enable need a set-up authenticator', async () => {
    const { cookie } = await t.signUp('13500300011', PASSWORD)
    expect((await t.call('POST', '/api/auth/totp/verify', { code: '123456' }, { cookie })).statusCode).toBe(409)
    expect((await t.call('POST', '/api/auth/totp/enable', { code: '123456' }, { cookie })).statusCode).toBe(409)
  })

  it('an ordinary user may enable TOTP, and then needs it at sign-in', async () => {
    const { cookie } = await t.signUp('13500300012')
    const { secret } = (await t.call('POST', '/api/auth/totp/setup', undefined, { cookie })).json()
    const enabled = await t.call('POST', '/api/auth/totp/enable', { code: await codeNow(secret) }, { cookie })
    expect(enabled.json().secondFactor).toBe('passed')
    expect((await t.signIn('13500300012')).json().secondFactor).toBe('required')
  })
})
