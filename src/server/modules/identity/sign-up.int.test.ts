import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createIdentityTestApp,
  PASSWORD,
  START,
  sessionCookieOf,
  type TIdentityTestApp,
} from './identity.int-helpers.ts'

let t: TIdentityTestApp
beforeAll(async () => {
  t = await createIdentityTestApp()
})
afterAll(async () => t.ctx.close())

const countUsers = async () =>
  (
    await t.db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n
const countSessions = async () =>
  (
    await t.db
      .selectFrom('user_session')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n

async function signUpBody(phone: string, overrides: Record<string, unknown> = {}) {
  return {
    phone,
    smsCode: await t.smsCode(phone, 'sign_up'),
    password: PASSWORD,
    displayName: '张三',
    acceptPrivacy: true,
    privacyVersion: t.config.privacyVersion,
    ...overrides,
  }
}

/** Signs up with the body and expects an error; nothing may be created. */
async function expectRefused(body: object, lang?: string) {
  const [users, sessions] = [await countUsers(), await countSessions()]
  const res = await t.call('POST', '/api/auth/sign-up', body, { lang })
  expect(await countUsers()).toBe(users)
  expect(await countSessions()).toBe(sessions)
  expect(res.headers['set-cookie']).toBeUndefined()
  return res
}

describe('POST /api/auth/sign-up', () => {
  it('creates the account with the consent, signs in and answers 201', async () => {
    const res = await t.call('POST', '/api/auth/sign-up', await signUpBody('13900000001'))
    expect(res.statusCode).toBe(201)
    const body = res.json()
    expect(body).toEqual({
      user: {
        id: expect.any(String),
        displayName: '张三',
        phoneMasked: '139****0001',
        roles: [],
        currentOrgId: null,
        organisations: [],
        secondFactor: 'none',
        totpEnabled: false,
      },
      secondFactor: 'none',
    })
    const cookie = res.cookies.find((c) => c.name === 'kx_session')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 12 * 3600 })
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const user = await t.db.selectFrom('app_user').selectAll().where('id', '=', body.user.id).executeTakeFirstOrThrow()
    expect(user.privacy_version).toBe(t.config.privacyVersion)
    expect(user.privacy_consented_at?.getTime()).toBeGreaterThan(START.getTime())
    expect(user.password_hash).toMatch(/^\$argon2id\$/)
    const me = await t.call('GET', '/api/me', undefined, { cookie: sessionCookieOf(res) })
    expect(me.json().id).toBe(body.user.id)
  })

  it('names a weak password field by field, in Chinese', async () => {
    const res = await expectRefused(await signUpBody('13900000002', { password: 'abc13900000002' }))
    expect(res.statusCode).toBe(400)
    const { error } = res.json()
    expect(error.code).toBe('VALIDATION')
    expect(error.details.issues).toEqual([
      { path: 'body.password', message: '密码需包含大写字母、小写字母、数字、符号中的至少 3 类' },
      { path: 'body.password', message: '密码不能包含手机号' },
    ])
    expect(error.message).toBe(
      '请求参数有误，请检查后重试（body.password: 密码需包含大写字母、小写字母、数字、符号中的至少 3 类；body.password: 密码不能包含手机号）',
    )
  })

  it('names a weak password in English with Accept-Language: en', async () => {
    const res = await expectRefused(await signUpBody('13900000003', { password: 'Ab1!' }), 'en')
    expect(res.json().error.details.issues).toEqual([
      { path: 'body.password', message: 'The password must have at least 8 characters' },
    ])
    expect(res.json().error.message).toMatch(/^The request is invalid; please check it and try again/)
  })

  it('refuses a common password', async () => {
    const res = await expectRefused(await signUpBody('13900000004', { password: 'P@ssw0rd' }))
    expect(res.json().error.details.issues).toEqual([{ path: 'body.password', message: '密码过于常见，请换一个' }])
  })

  it('refuses a phone number that already has an account with CONFLICT on body.phone', async () => {
    await t.signUp('13900000005')
    const zh = await expectRefused(await signUpBody('13900000005'))
    expect(zh.statusCode).toBe(409)
    expect(zh.json().error).toEqual({
      code: 'CONFLICT',
      message: '该手机号已注册，请直接登录',
      details: { issues: [{ path: 'body.phone', message: '该手机号已注册，请直接登录' }] },
    })
    const en = await expectRefused(await signUpBody('13900000005'), 'en')
    expect(en.json().error.details.issues).toEqual([
      { path: 'body.phone', message: 'This phone number is already registered; please sign in' },
    ])
  })

  it('refuses a wrong SMS code, in both languages', async () => {
    const body = await signUpBody('13900000006')
    const wrong = body.smsCode === '123456' ? '654321' : '123456'
    const zh = await expectRefused({ ...body, smsCode: wrong })
    expect(zh.statusCode).toBe(400)
    expect(zh.json().error.details.issues).toEqual([{ path: 'body.smsCode', message: '验证码错误' }])
    const en = await expectRefused({ ...body, smsCode: wrong }, 'en')
    expect(en.json().error.details.issues).toEqual([{ path: 'body.smsCode', message: 'Wrong verification code' }])
    expect((await t.call('POST', '/api/auth/sign-up', body)).statusCode).toBe(201)
  })

  it('refuses a sign-up without consent, or with an outdated policy version', async () => {
    const zh = await expectRefused(await signUpBody('13900000007', { acceptPrivacy: false }))
    expect(zh.statusCode).toBe(400)
    expect(zh.json().error.details.issues).toEqual([
      { path: 'body.acceptPrivacy', message: '请阅读并同意《用户协议》和《隐私政策》' },
    ])
    const en = await expectRefused(
      await signUpBody('13900000007', { acceptPrivacy: false, privacyVersion: '2020-01-01' }),
      'en',
    )
    expect(en.json().error.details.issues).toEqual([
      { path: 'body.acceptPrivacy', message: 'Please read and accept the User Agreement and the Privacy Policy' },
      {
        path: 'body.privacyVersion',
        message: 'The Privacy Policy has changed; please read and accept the current version',
      },
    ])
  })

  it('does not use up the SMS code when the sign-up is refused for another reason', async () => {
    const body = await signUpBody('13900000008')
    await expectRefused({ ...body, password: 'short' })
    expect((await t.call('POST', '/api/auth/sign-up', body)).statusCode).toBe(201)
  })

  it('refuses malformed input with 400 and zod-worded issues', async () => {
    const res = await expectRefused({
      phone: '1234',
      smsCode: '12',
      password: '',
      displayName: '',
      acceptPrivacy: 'yes',
    })
    expect(res.statusCode).toBe(400)
    const paths = res.json().error.details.issues.map((i: { path: string }) => i.path)
    expect(paths).toEqual([
      'body.phone',
      'body.smsCode',
      'body.password',
      'body.displayName',
      'body.acceptPrivacy',
      'body.privacyVersion',
    ])
  })
})

describe('GET /api/auth/options', () => {
  it('tells the pages the policy version, password length and resend countdown', async () => {
    const res = await t.call('GET', '/api/auth/options')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      privacyVersion: t.config.privacyVersion,
      passwordMinLength: 8,
      smsResendSeconds: 60,
      hasDevSmsInbox: true,
    })
    expect(res.headers['cache-control']).toBe('no-store')
  })
})

describe('POST /api/auth/reset-password', () => {
  it('sets a new password and ends every session', async () => {
    const { cookie } = await t.signUp('13900000020')
    const smsCode = await t.smsCode('13900000020', 'reset_password')
    const weak = await t.call('POST', '/api/auth/reset-password', {
      phone: '13900000020',
      smsCode,
      newPassword: 'weak',
    })
    expect(weak.json().error.details.issues[0].path).toBe('body.newPassword')
    const res = await t.call('POST', '/api/auth/reset-password', {
      phone: '13900000020',
      smsCode,
      newPassword: 'Brand-New#Pass9',
    })
    expect(res.statusCode).toBe(204)
    expect((await t.call('GET', '/api/me', undefined, { cookie })).statusCode).toBe(401)
    expect((await t.signIn('13900000020')).statusCode).toBe(401)
    expect((await t.signIn('13900000020', 'Brand-New#Pass9')).statusCode).toBe(200)
  })

  it('refuses bad input with 400', async () => {
    const res = await t.call('POST', '/api/auth/reset-password', { phone: '13900000020' })
    expect(res.statusCode).toBe(400)
  })
})

describe('GET /api/docs', () => {
  it('documents the identity endpoints', async () => {
    const res = await t.call('GET', '/api/docs')
    expect(res.statusCode).toBe(200)
    const paths = Object.keys(res.json().paths)
    for (const path of [
      '/api/auth/sign-in',
      '/api/auth/sign-up',
      '/api/auth/totp/verify',
      '/api/me',
      '/api/me/export',
    ]) {
      expect(paths).toContain(path)
    }
  })
})
