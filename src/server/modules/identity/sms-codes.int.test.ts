import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { createIdentityTestApp, MINUTE, PASSWORD, type TIdentityTestApp } from './identity.int-helpers.ts'

let t: TIdentityTestApp
beforeAll(async () => {
  t = await createIdentityTestApp()
})
afterAll(async () => t.ctx.close())

const requestCode = (phone: string, purpose = 'sign_up', ip?: string) =>
  t.call('POST', '/api/auth/sms-codes', { phone, purpose }, { ip })

const signUpWith = (phone: string, smsCode: string) =>
  t.call('POST', '/api/auth/sign-up', {
    phone,
    smsCode,
    password: PASSWORD,
    displayName: '验证码测试',
    acceptPrivacy: true,
    privacyVersion: t.config.privacyVersion,
  })

describe('POST /api/auth/sms-codes', () => {
  it('sends a 6-digit code, stores only its digest, and answers 202', async () => {
    const res = await requestCode('13700000001')
    expect(res.statusCode).toBe(202)
    expect(res.json()).toEqual({ resendAfterSeconds: 60, expiresInSeconds: 300 })
    const message = t.sms.sent.at(-1)
    expect(message?.phone).toBe('13700000001')
    expect(message?.body).toMatch(/^【科享】您的验证码是\d{6}，5分钟内有效。如非本人操作，请忽略。$/)
    const code = t.sms.lastCode('13700000001')
    const row = await t.db
      .selectFrom('sms_code')
      .selectAll()
      .where('phone', '=', '13700000001')
      .executeTakeFirstOrThrow()
    expect(row.code_hash).not.toContain(code)
    expect(row.code_hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('answers the same whether or not the number has an account', async () => {
    await t.signUp('13700000002')
    t.clock.advance(MINUTE)
    const known = await requestCode('13700000002', 'sign_in')
    const unknown = await requestCode('13700000003', 'sign_in')
    expect(known.statusCode).toBe(202)
    expect(unknown.statusCode).toBe(202)
    expect(known.body).toBe(unknown.body)
  })

  it('refuses a bad number or purpose with 400', async () => {
    const res = await t.call('POST', '/api/auth/sms-codes', { phone: '12345', purpose: 'spam' })
    expect(res.statusCode).toBe(400)
    const paths = res.json().error.details.issues.map((i: { path: string }) => i.path)
    expect(paths).toEqual(['body.phone', 'body.purpose'])
  })
})

describe('using a code', () => {
  it('is refused after 5 minutes', async () => {
    const code = await t.smsCode('13700000010', 'sign_up')
    t.clock.advance(5 * MINUTE)
    const res = await signUpWith('13700000010', code)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues).toEqual([{ path: 'body.smsCode', message: '验证码已失效，请重新获取' }])
  })

  it('works once only', async () => {
    await t.signUp('13700000011')
    const code = await t.smsCode('13700000011', 'sign_in')
    const signIn = () => t.call('POST', '/api/auth/sign-in', { method: 'sms', phone: '13700000011', smsCode: code })
    expect((await signIn()).statusCode).toBe(200)
    const again = await signIn()
    expect(again.statusCode).toBe(401)
    expect(again.json().error.message).toBe('手机号或验证码错误')
  })

  it('is bound to its purpose', async () => {
    const code = await t.smsCode('13700000014', 'sign_in')
    const res = await signUpWith('13700000014', code)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues[0].path).toBe('body.smsCode')
  })

  it('dies after 5 wrong tries, even for the right code', async () => {
    const code = await t.smsCode('13700000012', 'sign_up')
    const wrong = code === '000000' ? '111111' : '000000'
    for (let i = 0; i < 5; i++) {
      const res = await signUpWith('13700000012', wrong)
      expect(res.json().error.details.issues[0].message).toBe('验证码错误')
    }
    const res = await signUpWith('13700000012', code)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues[0]).toEqual({ path: 'body.smsCode', message: '验证码已失效，请重新获取' })
    const row = await t.db
      .selectFrom('sms_code')
      .select('attempts')
      .where('phone', '=', '13700000012')
      .executeTakeFirstOrThrow()
    expect(row.attempts).toBe(5)
  })

  it('only the newest code of a number counts', async () => {
    const first = await t.smsCode('13700000013', 'sign_up')
    const second = await t.smsCode('13700000013', 'sign_up')
    if (first !== second) expect((await signUpWith('13700000013', first)).statusCode).toBe(400)
    expect((await signUpWith('13700000013', second)).statusCode).toBe(201)
  })
})

describe('rate limits', () => {
  it('allows one code per number per minute, with the wait in details.retryAfterSeconds', async () => {
    expect((await requestCode('13700000020')).statusCode).toBe(202)
    t.clock.advance(20_000)
    const res = await requestCode('13700000020')
    expect(res.statusCode).toBe(429)
    expect(res.json().error).toEqual({
      code: 'RATE_LIMITED',
      message: '验证码发送过于频繁，请 40 秒后再试',
      details: { retryAfterSeconds: 40 },
    })
    t.clock.advance(40_000)
    expect((await requestCode('13700000020')).statusCode).toBe(202)
  })

  it('allows 5 codes per number per hour and 10 per day', async () => {
    const phone = '13700000021'
    for (let i = 0; i < 5; i++) {
      expect((await requestCode(phone)).statusCode).toBe(202)
      t.clock.advance(2 * MINUTE)
    }
    const sixth = await requestCode(phone, 'sign_in')
    expect(sixth.statusCode).toBe(429)
    expect(sixth.json().error.details.retryAfterSeconds).toBe(60 * 60 - 10 * 60)
    t.clock.advance(60 * MINUTE)
    for (let i = 0; i < 5; i++) {
      expect((await requestCode(phone)).statusCode).toBe(202)
      t.clock.advance(2 * MINUTE)
    }
    t.clock.advance(60 * MINUTE)
    const eleventh = await requestCode(phone, 'sign_in', '10.1.1.1')
    expect(eleventh.statusCode).toBe(429)
    expect(eleventh.json().error.details.retryAfterSeconds).toBeGreaterThan(20 * 60 * 60)
  })

  it('allows 20 codes per IP address per hour, in English too', async () => {
    for (let i = 0; i < 20; i++) {
      expect((await requestCode(`1360000${String(i).padStart(4, '0')}`, 'sign_up', '10.9.9.9')).statusCode).toBe(202)
    }
    const res = await t.call(
      'POST',
      '/api/auth/sms-codes',
      { phone: '13600009999', purpose: 'sign_up' },
      { ip: '10.9.9.9', lang: 'en' },
    )
    expect(res.statusCode).toBe(429)
    expect(res.json().error.message).toBe('Too many verification codes requested; please try again in 3600 seconds')
    expect((await requestCode('13600009999', 'sign_up', '10.9.9.8')).statusCode).toBe(202)
  })
})

describe('GET /api/dev/sms', () => {
  let dev: TTestContext
  beforeAll(async () => {
    dev = await createTestApp()
  })
  afterAll(async () => dev.close())

  it('shows what the development gateway "sent", newest first', async () => {
    const post = (phone: string) =>
      dev.app.inject({
        method: 'POST',
        url: '/api/auth/sms-codes',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ phone, purpose: 'sign_up' }),
      })
    expect((await post('13500000001')).statusCode).toBe(202)
    expect((await post('13500000002')).statusCode).toBe(202)
    const res = await dev.app.inject({ method: 'GET', url: '/api/dev/sms' })
    expect(res.statusCode).toBe(200)
    const { items } = res.json()
    expect(items.map((i: { phone: string }) => i.phone)).toEqual(['13500000002', '13500000001'])
    expect(items[0].body).toMatch(/验证码是\d{6}/)
  })

  it('does not exist when the dev inbox is off (production)', async () => {
    const prod = await createTestApp({ identity: { ...t.config, devInbox: false } })
    const res = await prod.app.inject({ method: 'GET', url: '/api/dev/sms' })
    await prod.close()
    expect(res.statusCode).toBe(404)
  })
})
