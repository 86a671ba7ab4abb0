import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createIdentityTestApp, MINUTE, sessionCookieOf, type TIdentityTestApp } from './identity.int-helpers.ts'

let t: TIdentityTestApp
beforeAll(async () => {
  t = await createIdentityTestApp()
})
afterAll(async () => t.ctx.close())

const me = (cookie: string | null) => t.call('GET', '/api/me', undefined, { cookie })
const sessionOf = (cookie: string) =>
  t.db
    .selectFrom('user_session')
    .selectAll()
    .where('token_hash', '=', createHash('sha256').update(cookie.replace('kx_session=', '')).digest('hex'))
    .executeTakeFirstOrThrow()

describe('sessions', () => {
  it('stores only the SHA-256 of the token', async () => {
    const { cookie, userId } = await t.signUp('13600200001')
    const session = await sessionOf(cookie)
    expect(session.user_id).toBe(userId)
    expect(session.token_hash).not.toContain(cookie.replace('kx_session=', ''))
  })

  it('end after 30 idle minutes (and are revoked)', async () => {
    const { cookie } = await t.signUp('13600200002')
    t.clock.advance(29 * MINUTE)
    expect((await me(cookie)).statusCode).toBe(200)
    t.clock.advance(29 * MINUTE)
    expect((await me(cookie)).statusCode).toBe(200)
    t.clock.advance(30 * MINUTE)
    const res = await me(cookie)
    expect(res.statusCode).toBe(401)
    expect(res.json().error).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' })
    const session = await sessionOf(cookie)
    expect(session.revoked_reason).toBe('idle')
  })

  it('end 12 hours after sign-in however active', async () => {
    const { cookie } = await t.signUp('13600200003')
    for (let i = 0; i < 12 * 3 - 1; i++) {
      t.clock.advance(20 * MINUTE)
      expect((await me(cookie)).statusCode).toBe(200)
    }
    t.clock.advance(20 * MINUTE)
    expect((await me(cookie)).statusCode).toBe(401)
    expect((await sessionOf(cookie)).revoked_reason).toBe('expired')
  })

  it('write last_seen_at at most once a minute', async () => {
    const { cookie } = await t.signUp('13600200004')
    const start = (await sessionOf(cookie)).last_seen_at.getTime()
    t.clock.advance(30_000)
    await me(cookie)
    expect((await sessionOf(cookie)).last_seen_at.getTime()).toBe(start)
    t.clock.advance(30_000)
    await me(cookie)
    expect((await sessionOf(cookie)).last_seen_at.getTime()).toBe(start + 60_000)
  })

  it('rotate at sign-in: the cookie sent before stops working', async () => {
    const { cookie: before } = await t.signUp('13600200005')
    const res = await t.call(
      'POST',
      '/api/auth/sign-in',
      { method: 'password', phone: '13600200005', password: 'Kx-Test#2026' },
      { cookie: before },
    )
    const after = sessionCookieOf(res)
    expect(after).not.toBe(before)
    expect((await me(before)).statusCode).toBe(401)
    expect((await me(after)).statusCode).toBe(200)
    expect((await sessionOf(before)).revoked_reason).toBe('replaced')
  })

  it('ignore unknown and malformed tokens', async () => {
    expect((await me('kx_session=nonsense')).statusCode).toBe(401)
    expect((await me(`kx_session=${'x'.repeat(500)}`)).statusCode).toBe(401)
  })
})

describe('POST /api/auth/sign-out', () => {
  it('ends this session only and clears the cookie', async () => {
    const { cookie: first } = await t.signUp('13600200010')
    const second = sessionCookieOf(await t.signIn('13600200010'))
    const res = await t.call('POST', '/api/auth/sign-out', undefined, { cookie: first })
    expect(res.statusCode).toBe(204)
    expect(res.cookies.find((c) => c.name === 'kx_session')?.value).toBe('')
    expect((await me(first)).statusCode).toBe(401)
    expect((await me(second)).statusCode).toBe(200)
  })

  it('needs a session', async () => {
    const res = await t.call('POST', '/api/auth/sign-out')
    expect(res.statusCode).toBe(401)
    expect(res.json().error.code).toBe('UNAUTHENTICATED')
  })
})

describe('POST /api/auth/sign-out-all', () => {
  it('ends every session of the user, on every device', async () => {
    const { cookie: first, userId } = await t.signUp('13600200020')
    const second = sessionCookieOf(await t.signIn('13600200020', undefined, { ip: '10.3.3.3' }))
    const other = await t.signUp('13600200021')
    const res = await t.call('POST', '/api/auth/sign-out-all', undefined, { cookie: second })
    expect(res.statusCode).toBe(204)
    expect((await me(first)).statusCode).toBe(401)
    expect((await me(second)).statusCode).toBe(401)
    expect((await me(other.cookie)).statusCode).toBe(200)
    const live = await t.db
      .selectFrom('user_session')
      .select('id')
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .execute()
    expect(live).toEqual([])
  })

  it('needs a session', async () => {
    expect((await t.call('POST', '/api/auth/sign-out-all')).statusCode).toBe(401)
  })
})
