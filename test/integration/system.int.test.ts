import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../helpers/app.ts'

let ctx: TTestContext
beforeAll(async () => {
  ctx = await createTestApp()
})
afterAll(async () => ctx.close())

describe('health and readiness', () => {
  it('GET /healthz answers ok', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/healthz' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ok' })
  })

  it('GET /readyz asks the database and names it', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/readyz' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ready', database: ctx.database.kind })
  })
})

describe('request ids and security headers', () => {
  it('returns a generated request id, or the caller\'s when it looks like one', async () => {
    const generated = await ctx.app.inject({ method: 'GET', url: '/healthz' })
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    const kept = await ctx.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'trace-12345678' } })
    expect(kept.headers['x-request-id']).toBe('trace-12345678')
    const refused = await ctx.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id<>' } })
    expect(refused.headers['x-request-id']).not.toBe('bad id<>')
  })

  it('sends the usual security headers', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/healthz' })
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'")
    expect(res.headers['strict-transport-security']).toBeDefined()
  })
})

describe('OpenAPI', () => {
  it('GET /api/docs returns the OpenAPI document generated from the zod schemas', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/docs' })
    expect(res.statusCode).toBe(200)
    const doc = res.json()
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/stats/overview', '/api/resources', '/api/resources/{id}', '/api/feedback', '/readyz']),
    )
    const listParams = doc.paths['/api/resources'].get.parameters.map((p: { name: string }) => p.name)
    expect(listParams).toEqual(expect.arrayContaining(['kind', 'region', 'page', 'pageSize']))
    expect(doc.paths['/api/feedback'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['category', 'content']),
    )
  })
})

describe('unknown routes', () => {
  it('answers 404 NOT_FOUND in Chinese by default', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/no-such-thing?x=1' })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: '接口不存在：GET /api/no-such-thing' } })
  })

  it('answers in English when Accept-Language asks for it', async () => {
    const res = await ctx.app.inject({
      method: 'DELETE',
      url: '/api/stats/overview',
      headers: { 'accept-language': 'en-US,en;q=0.9,zh;q=0.5' },
    })
    expect(res.statusCode).toBe(404)
    expect(res.json().error).toEqual({ code: 'NOT_FOUND', message: 'No such endpoint: DELETE /api/stats/overview' })
  })
})
