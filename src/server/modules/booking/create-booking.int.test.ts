import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { at, bodyOf, createBookingWorld, createInstrument, HOUR, type TBookingWorld } from './booking.int-helpers.ts'

type TErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } }

let w: TBookingWorld

beforeAll(async () => {
  w = await createBookingWorld()
})
afterAll(async () => {
  await w.close()
})

/** Books as the external person and expects a refusal with the given status, code, reason and messages. */
async function expectRefusal(
  body: Record<string, unknown>,
  expected: { status: number; code: string; reason?: string; zh: string | RegExp; en: string | RegExp },
) {
  const before = await w.countBookings()
  const zh = await w.book(w.people.external, body, 'zh-CN')
  const en = await w.book(w.people.external, body, 'en')
  for (const [res, message] of [
    [zh, expected.zh],
    [en, expected.en],
  ] as const) {
    expect(res.statusCode, res.body).toBe(expected.status)
    const error = bodyOf<TErrorBody>(res).error
    expect(error.code).toBe(expected.code)
    if (expected.reason) expect(error.details?.reason).toBe(expected.reason)
    if (typeof message === 'string') expect(error.message).toBe(message)
    else expect(error.message).toMatch(message)
  }
  expect(await w.countBookings()).toBe(before)
}

describe('POST /api/bookings — the rules, each a clear error with nothing written', () => {
  it('books a free slot on a workday: 201, confirmed, times in +08:00, quote frozen', async () => {
    const res = await w.book(w.people.external, { start: at('2026-09-15', '09:00'), end: at('2026-09-15', '10:30') })
    expect(res.statusCode, res.body).toBe(201)
    const booking = bodyOf(res)
    expect(booking).toMatchObject({
      status: 'confirmed',
      mode: 'self',
      start: '2026-09-15T09:00:00+08:00',
      end: '2026-09-15T10:30:00+08:00',
      quote: { tier: 'external', unit: 'hour', unitPriceFen: 10_000, quantity: 1.5, amountFen: 15_000, isFree: false },
      instrument: { id: w.instrument.id },
      user: { id: w.people.external.userId },
      freeChangeUntil: '2026-09-14T09:00:00+08:00',
    })
  })

  it('refuses a booking in the past', async () => {
    await expectRefusal(
      { start: at('2026-09-14', '08:30'), end: at('2026-09-14', '09:00') },
      {
        status: 400,
        code: 'VALIDATION',
        reason: 'IN_PAST',
        zh: '不能预约已经过去的时间',
        en: 'You cannot book a time that has already passed',
      },
    )
  })

  it('refuses a start inside the minimum notice', async () => {
    await expectRefusal(
      { start: at('2026-09-14', '09:30'), end: at('2026-09-14', '10:00') },
      {
        status: 400,
        code: 'VALIDATION',
        reason: 'NOTICE_TOO_SHORT',
        zh: '该仪器须至少提前 1 小时预约',
        en: 'This instrument must be booked at least 1 hours ahead',
      },
    )
  })

  it('refuses a start beyond the maximum advance', async () => {
    await expectRefusal(
      { start: at('2026-11-16', '09:00'), end: at('2026-11-16', '10:00') },
      {
        status: 400,
        code: 'VALIDATION',
        reason: 'TOO_FAR_AHEAD',
        zh: '该仪器最多可提前 60 天预约',
        en: 'This instrument can be booked at most 60 days ahead',
      },
    )
  })

  it('refuses a range that is not on the slot grid', async () => {
    await expectRefusal(
      { start: at('2026-09-15', '09:10'), end: at('2026-09-15', '10:00') },
      { status: 400, code: 'VALIDATION', reason: 'SLOT_MISALIGNED', zh: /30 分钟对齐/, en: /30-minute slots/ },
    )
  })

  it('refuses more than the maximum duration', async () => {
    await expectRefusal(
      { start: at('2026-09-15', '13:30'), end: at('2026-09-15', '18:00') },
      {
        status: 400,
        code: 'VALIDATION',
        reason: 'TOO_LONG',
        zh: '单次预约最长 4 小时',
        en: 'A booking may last at most 4 hours',
      },
    )
  })

  it('refuses times outside the opening hours (lunch break, evening, weekend)', async () => {
    const expected = {
      status: 400,
      code: 'VALIDATION',
      reason: 'OUTSIDE_OPENING_HOURS',
      zh: '所选时段不在仪器开放时间内',
      en: "The chosen time is outside the instrument's opening hours",
    }
    await expectRefusal({ start: at('2026-09-15', '11:00'), end: at('2026-09-15', '14:00') }, expected)
    await expectRefusal({ start: at('2026-09-15', '17:00'), end: at('2026-09-15', '18:00') }, expected)
    await expectRefusal({ start: at('2026-09-19', '09:00'), end: at('2026-09-19', '10:00') }, expected)
  })

  it('refuses an end before the start', async () => {
    await expectRefusal(
      { start: at('2026-09-15', '10:00'), end: at('2026-09-15', '09:00') },
      {
        status: 400,
        code: 'VALIDATION',
        reason: 'RANGE_INVALID',
        zh: '结束时间必须晚于开始时间',
        en: 'The end must be after the start',
      },
    )
  })

  it('refuses an overlap with 409 SLOT_TAKEN (from the exclusion constraint)', async () => {
    const first = await w.book(w.people.member, { start: at('2026-09-16', '09:00'), end: at('2026-09-16', '10:00') })
    expect(first.statusCode).toBe(201)
    await expectRefusal(
      { start: at('2026-09-16', '09:30'), end: at('2026-09-16', '10:30') },
      {
        status: 409,
        code: 'SLOT_TAKEN',
        zh: '该时段已被预约，请选择其他时段',
        en: 'This time slot is already booked; please choose another',
      },
    )
    const adjacent = await w.book(w.people.external, {
      start: at('2026-09-16', '10:00'),
      end: at('2026-09-16', '10:30'),
    })
    expect(adjacent.statusCode, 'a booking may start where another ends').toBe(201)
  })

  it('refuses a retired (停用) instrument; an unpublished one is not found', async () => {
    const retired = await createInstrument(w.db, w.owner, { status: '停用' })
    const draft = await createInstrument(w.db, w.owner, {}, { status: 'draft' })
    const range = { start: at('2026-09-15', '14:00'), end: at('2026-09-15', '15:00') }
    const before = await w.countBookings()
    const r1 = await w.book(w.people.external, { ...range, instrumentId: retired.id }, 'en')
    expect(r1.statusCode).toBe(409)
    expect(bodyOf<TErrorBody>(r1).error).toMatchObject({
      code: 'STATE_INVALID',
      message: 'This instrument is retired and takes no bookings',
    })
    const r1zh = await w.book(w.people.external, { ...range, instrumentId: retired.id })
    expect(bodyOf<TErrorBody>(r1zh).error.message).toBe('该仪器已停用，不接受预约')
    const r2 = await w.book(w.people.external, { ...range, instrumentId: draft.id })
    expect(r2.statusCode).toBe(404)
    expect(bodyOf<TErrorBody>(r2).error.message).toBe('仪器不存在或尚未发布')
    const r3 = await w.book(w.people.external, { ...range, instrumentId: '00000000-0000-4000-8000-000000000000' })
    expect(r3.statusCode).toBe(404)
    expect(await w.countBookings()).toBe(before)
  })

  it('needs a session: 401 without one', async () => {
    const res = await w.call('POST', '/api/bookings', {
      payload: {
        instrumentId: w.instrument.id,
        start: at('2026-09-15', '14:00'),
        end: at('2026-09-15', '15:00'),
        purpose: 'x',
      },
    })
    expect(res.statusCode).toBe(401)
  })

  it('validates the body: missing purpose, malformed times', async () => {
    const res = await w.book(
      w.people.external,
      { start: 'tomorrow', end: at('2026-09-15', '15:00'), purpose: '' },
      'en',
    )
    expect(res.statusCode).toBe(400)
    const paths = (bodyOf<TErrorBody>(res).error.details?.issues as { path: string }[]).map((i) => i.path)
    expect(paths).toEqual(expect.arrayContaining(['body.start', 'body.purpose']))
  })
})

it('keeps time in Asia/Shanghai whatever offset the client sends', async () => {
  const start = new Date(Date.parse(at('2026-09-18', '09:00'))).toISOString()
  const end = new Date(Date.parse(at('2026-09-18', '09:00')) + HOUR).toISOString()
  const res = await w.book(w.people.external, { start, end })
  expect(res.statusCode, res.body).toBe(201)
  expect(bodyOf(res)).toMatchObject({ start: '2026-09-18T09:00:00+08:00', end: '2026-09-18T10:00:00+08:00' })
})
