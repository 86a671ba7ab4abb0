import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'

let ctx: TTestContext
beforeAll(async () => {
  ctx = await createTestApp()
})
afterAll(async () => ctx.close())

const countFeedback = async () =>
  (await ctx.database.db.selectFrom('feedback').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n

const post = (payload: string | object, headers: Record<string, string> = {}) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/feedback',
    headers: { 'content-type': 'application/json', ...headers },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  })

describe('POST /api/feedback', () => {
  it('stores a message and answers 201 with its id', async () => {
    const res = await post({ category: 'suggestion', content: '希望增加更多牡丹江的检测仪器', contactPhone: '13812345678' })
    expect(res.statusCode).toBe(201)
    const body = res.json()
    const row = await ctx.database.db.selectFrom('feedback').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow()
    expect(row.content).toBe('希望增加更多牡丹江的检测仪器')
    expect(row.contact_phone).toBe('13812345678')
    expect(row.request_id).toBe(res.headers['x-request-id'])
    expect(new Date(body.createdAt).getTime()).toBe(row.created_at.getTime())
  })

  it('rejects malformed JSON with 400 VALIDATION and a readable message, writing nothing', async () => {
    const before = await countFeedback()
    const res = await post('{"category": "suggestion", "content": ')
    expect(res.statusCode).toBe(400)
    const { error } = res.json()
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toMatch(/^请求体不是有效的 JSON：/)
    expect(await countFeedback()).toBe(before)
  })

  it('rejects an empty JSON body', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/feedback', headers: { 'content-type': 'application/json' } })
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toEqual({ code: 'VALIDATION', message: '请求体为空，但声明了 JSON 内容类型' })
  })

  it('names every invalid field, in Chinese by default', async () => {
    const before = await countFeedback()
    const res = await post({ category: 'spam', content: '短', contactPhone: '12345' })
    expect(res.statusCode).toBe(400)
    const { error } = res.json()
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toMatch(/^请求参数有误，请检查后重试（body\.category: /)
    const paths = error.details.issues.map((i: { path: string }) => i.path)
    expect(paths).toEqual(['body.category', 'body.content', 'body.contactPhone'])
    expect(error.details.issues[1].message).toContain('5')
    expect(await countFeedback()).toBe(before)
  })

  it('answers in English with Accept-Language: en', async () => {
    const res = await post({ category: 'question' }, { 'accept-language': 'en' })
    expect(res.statusCode).toBe(400)
    const { error } = res.json()
    expect(error.message).toMatch(/^The request is invalid; please check it and try again（body\.content: Invalid input/)
    expect(error.details.issues).toEqual([{ path: 'body.content', message: expect.stringContaining('expected string') }])
  })

  it('refuses a body that is not JSON with 415', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/feedback',
      headers: { 'content-type': 'text/xml' },
      payload: '<feedback/>',
    })
    expect(res.statusCode).toBe(415)
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })

  it('refuses a body over the size limit with 413', async () => {
    const res = await post({ category: 'other', content: 'x'.repeat(1024 * 1024 + 10) })
    expect(res.statusCode).toBe(413)
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE')
  })
})
