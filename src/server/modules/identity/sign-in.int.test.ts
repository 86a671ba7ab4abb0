import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createIdentityTestApp,
  MINUTE,
  PASSWORD,
  sessionCookieOf,
  type TIdentityTestApp,
} from './identity.int-helpers.ts'

let t: TIdentityTestApp
beforeAll(async () => {
  t = await createIdentityTestApp()
})
afterAll(async () => t.ctx.close())

const attemptsOf = (phone: string) =>
  t.db
    .selectFrom('sign_in_attempt')
    .select(['succeeded', 'failure_reason', 'ip', 'method'])
    .where('account_key', '=', phone)
    .orderBy('id')
    .execute()

describe('POST /api/auth/sign-in', () => {
  it('signs in with the password: 200, the user, and a session cookie', async () => {
    const { userId } = await t.signUp('13800100001', PASSWORD, '李四')
    const res = await t.signIn('13800100001')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      user: { id: userId, displayName: '李四', phoneMasked: '138****0001' },
      secondFactor: 'none',
    })
    const me = await t.call('GET', '/api/me', undefined, { cookie: sessionCookieOf(res) })
    expect(me.statusCode).toBe(200)
    expect(await attemptsOf('13800100001')).toEqual([
      { succeeded: true, failure_reason: null, ip: '127.0.0.1', method: 'password' },
    ])
    const user = await t.db
      .selectFrom('app_user')
      .select('last_sign_in_at')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow()
    expect(user.last_sign_in_at?.getTime()).toBe(t.clock.now().getTime())
  })

  it('signs in with an SMS code', async () => {
    await t.signUp('13800100002')
    const smsCode = await t.smsCode('13800100002', 'sign_in')
    const res = await t.call('POST', '/api/auth/sign-in', { method: 'sms', phone: '13800100002', smsCode })
    expect(res.statusCode).toBe(200)
    expect(sessionCookieOf(res)).toMatch(/^kx_session=/)
  })

  it('answers an unknown number exactly like a wrong password', async () => {
    await t.signUp('13800100003')
    const wrong = await t.signIn('13800100003', 'Wrong#Pass123')
    const unknown = await t.signIn('13800199999', 'Wrong#Pass123')
    expect(wrong.statusCode).toBe(401)
    expect(unknown.statusCode).toBe(401)
    expect(wrong.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: '手机号或密码错误' } })
    expect(unknown.body).toBe(wrong.body)
    const en = await t.signIn('13800199999', 'Wrong#Pass123', { lang: 'en' })
    expect(en.json().error.message).toBe('Wrong phone number or password')
    expect(wrong.headers['set-cookie']).toBeUndefined()
  })

  it('refuses malformed input with 400', async () => {
    const res = await t.call('POST', '/api/auth/sign-in', { method: 'password', phone: '138' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.phone',
      'body.password',
    ])
    const unknownMethod = await t.call('POST', '/api/auth/sign-in', { method: 'qr', phone: '13800100001' })
    expect(unknownMethod.statusCode).toBe(400)
  })
})

describe('lockout', () => {
  it('locks an account after 5 failures in 15 minutes, even for the right password, until the window passes', async () => {
    await t.signUp('13800100010')
    for (let i = 0; i < 5; i++) {
      const res = await t.signIn('13800100010', 'Wrong#Pass123', { ip: `10.0.0.${i + 1}` })
      expect(res.statusCode).toBe(401)
      t.clock.advance(MINUTE)
    }
    // The 5 failures were at T..T+4 min, now is T+5: locked until T+15, 10 minutes from now.
    const locked = await t.signIn('13800100010', PASSWORD, { ip: '10.0.0.99' })
    expect(locked.statusCode).toBe(423)
    expect(locked.json().error).toEqual({
      code: 'LOCKED',
      message: '登录失败次数过多，请 10 分钟后再试',
      details: { minutes: 10 },
    })
    const smsCode = await t.smsCode('13800100010', 'sign_in')
    const bySms = await t.call(
      'POST',
      '/api/auth/sign-in',
      { method: 'sms', phone: '13800100010', smsCode },
      { ip: '10.0.0.98' },
    )
    expect(bySms.statusCode).toBe(423)
    expect((await t.signIn('13800100010', PASSWORD, { lang: 'en' })).json().error.message).toBe(
      'Too many failed sign-ins; please try again in 9 minutes',
    )
    t.clock.advance(9 * MINUTE)
    expect((await t.signIn('13800100010', PASSWORD, { ip: '10.0.0.99' })).statusCode).toBe(200)
    const attempts = await attemptsOf('13800100010')
    expect(attempts.map((a) => a.failure_reason)).toEqual([
      ...Array(5).fill('bad_credentials'),
      'locked',
      'locked',
      'locked',
      null,
    ])
  })

  it('locks an unknown number the same way (no difference to see)', async () => {
    for (let i = 0; i < 5; i++) await t.signIn('13800188888', 'Wrong#Pass123', { ip: `10.0.1.${i + 1}` })
    const res = await t.signIn('13800188888', 'Wrong#Pass123', { ip: '10.0.1.99' })
    expect(res.statusCode).toBe(423)
  })

  it('a success ends the run of failures of an account', async () => {
    await t.signUp('13800100011')
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) await t.signIn('13800100011', 'Wrong#Pass123', { ip: `10.0.2.${i + 1}` })
      expect((await t.signIn('13800100011', PASSWORD, { ip: '10.0.2.50' })).statusCode).toBe(200)
    }
  })

  it('locks an address after 5 failures on any accounts, separately from the accounts', async () => {
    await t.signUp('13800100012')
    for (let i = 0; i < 5; i++) {
      expect((await t.signIn(`1380020000${i}`, 'Wrong#Pass123', { ip: '10.7.7.7' })).statusCode).toBe(401)
    }
    const fromThere = await t.signIn('13800100012', PASSWORD, { ip: '10.7.7.7' })
    expect(fromThere.statusCode).toBe(423)
    expect(fromThere.json().error.details.minutes).toBe(15)
    expect((await t.signIn('13800100012', PASSWORD, { ip: '10.7.7.8' })).statusCode).toBe(200)
    t.clock.advance(15 * MINUTE)
    expect((await t.signIn('13800100012', PASSWORD, { ip: '10.7.7.7' })).statusCode).toBe(200)
  })

  it('follows the configured thresholds and window', async () => {
    const strict = await createIdentityTestApp({
      lockout: { accountMaxFailures: 2, ipMaxFailures: 50, windowMinutes: 5 },
    })
    try {
      await strict.signUp('13800100013')
      await strict.signIn('13800100013', 'Wrong#Pass123')
      await strict.signIn('13800100013', 'Wrong#Pass123')
      const locked = await strict.signIn('13800100013')
      expect(locked.json().error.details).toEqual({ minutes: 5 })
      strict.clock.advance(5 * MINUTE)
      expect((await strict.signIn('13800100013')).statusCode).toBe(200)
    } finally {
      await strict.ctx.close()
    }
  })
})

describe('closed accounts', () => {
  it('cannot sign in', async () => {
    const { cookie, userId } = await t.signUp('13800100020')
    expect((await t.call('POST', '/api/me/close', { password: PASSWORD }, { cookie })).statusCode).toBe(204)
    const res = await t.signIn('13800100020')
    expect(res.statusCode).toBe(401)
    expect(res.json().error.message).toBe('手机号或密码错误')
    const row = await t.db.selectFrom('app_user').select('status').where('id', '=', userId).executeTakeFirstOrThrow()
    expect(row.status).toBe('closed')
  })

  it('a disabled account gets FORBIDDEN after the right password only', async () => {
    const { userId } = await t.signUp('13800100021')
    await t.db.updateTable('app_user').set({ status: 'locked' }).where('id', '=', userId).execute()
    expect((await t.signIn('13800100021', 'Wrong#Pass123')).statusCode).toBe(401)
    const res = await t.signIn('13800100021')
    expect(res.statusCode).toBe(403)
    expect(res.json().error.message).toBe('该账号已被停用，请联系平台管理员')
  })
})
