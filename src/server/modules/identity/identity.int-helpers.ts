import type { LightMyRequestResponse } from 'fastify'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import type { TSmsGateway } from '../../adapters/sms-gateway.ts'
import { createManualClock } from '../../clock.ts'
import { DEFAULT_IDENTITY_CONFIG, type TIdentityConfig } from './identity.config.ts'

/** Test support for the identity module's integration tests (not part of the server). */

export const START = new Date('2026-12-01T08:00:00Z')
export const PASSWORD = 'Kx-Test#2026'
export const MINUTE = 60_000

/** An SMS gateway that keeps what it "sends", so a test can read the code. */
export function createCapturingSms(): TSmsGateway & {
  sent: { phone: string; body: string }[]
  lastCode: (phone: string) => string
} {
  const sent: { phone: string; body: string }[] = []
  return {
    description: 'test gateway',
    sent,
    async send(phone, body) {
      sent.push({ phone, body })
    },
    lastCode(phone) {
      const message = sent.filter((m) => m.phone === phone).at(-1)
      const code = message ? /验证码是(\d{6})/.exec(message.body)?.[1] : undefined
      if (!code) throw new Error(`no SMS code was sent to ${phone}`)
      return code
    },
  }
}

type TCallOptions = { cookie?: string | null; ip?: string; lang?: string }

/**
 * A test app over this file's database with a manual clock, a capturing SMS gateway and (optionally)
 * changed identity settings, plus shortcuts for calling it.
 */
export async function createIdentityTestApp(config: Partial<TIdentityConfig> = {}) {
  const clock = createManualClock(START)
  const sms = createCapturingSms()
  const identity = { ...DEFAULT_IDENTITY_CONFIG, ...config }
  const ctx: TTestContext = await createTestApp({ clock, sms, identity })

  /** Calls the API: JSON body, optional session cookie, client address and Accept-Language. */
  function call(method: 'GET' | 'POST' | 'PUT', url: string, body?: object, options: TCallOptions = {}) {
    const headers: Record<string, string> = {}
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (options.cookie) headers.cookie = options.cookie
    if (options.lang) headers['accept-language'] = options.lang
    return ctx.app.inject({
      method,
      url,
      headers,
      remoteAddress: options.ip ?? '127.0.0.1',
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    })
  }

  /** Asks for a code and returns it (moves the clock past the resend interval first). */
  async function smsCode(
    phone: string,
    purpose: 'sign_in' | 'sign_up' | 'reset_password',
    ip?: string,
  ): Promise<string> {
    clock.advance(identity.sms.resendSeconds * 1000)
    const res = await call('POST', '/api/auth/sms-codes', { phone, purpose }, { ip })
    if (res.statusCode !== 202) throw new Error(`sms-codes answered ${res.statusCode}: ${res.body}`)
    return sms.lastCode(phone)
  }

  /** Registers a person and returns their session cookie and id. */
  async function signUp(phone: string, password = PASSWORD, displayName = '测试用户') {
    const smsCodeValue = await smsCode(phone, 'sign_up')
    const res = await call('POST', '/api/auth/sign-up', {
      phone,
      smsCode: smsCodeValue,
      password,
      displayName,
      acceptPrivacy: true,
      privacyVersion: identity.privacyVersion,
    })
    if (res.statusCode !== 201) throw new Error(`sign-up answered ${res.statusCode}: ${res.body}`)
    return { cookie: sessionCookieOf(res), userId: res.json().user.id as string }
  }

  /** Signs in with a password. */
  function signIn(phone: string, password = PASSWORD, options: TCallOptions = {}) {
    return call('POST', '/api/auth/sign-in', { method: 'password', phone, password }, options)
  }

  return { ctx, db: ctx.database.db, clock, sms, config: identity, call, smsCode, signUp, signIn }
}

export type TIdentityTestApp = Awaited<ReturnType<typeof createIdentityTestApp>>

/** "kx_session=…" from a response's Set-Cookie (throws when the response set none). */
export function sessionCookieOf(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'kx_session')
  if (!cookie || !cookie.value) throw new Error(`no session cookie in ${res.statusCode} ${res.body}`)
  return `kx_session=${cookie.value}`
}
