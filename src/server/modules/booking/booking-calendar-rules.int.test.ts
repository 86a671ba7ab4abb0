import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { at, bodyOf, createBookingWorld, type TBookingWorld } from './booking.int-helpers.ts'

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

describe('holidays and adjusted workdays (chinese-days)', () => {
  it('closes on a public holiday: 2026-10-01 国庆节 (a Thursday)', async () => {
    await expectRefusal(
      { start: at('2026-10-01', '09:00'), end: at('2026-10-01', '10:00') },
      {
        status: 400,
        code: 'VALIDATION',
        reason: 'CLOSED_HOLIDAY',
        zh: '2026-10-01（国庆节）为法定节假日，仪器不开放',
        en: '2026-10-01 (国庆节) is a public holiday; the instrument is closed',
      },
    )
  })

  it('opens with workday hours on 调休 weekends: Sunday 2026-09-20 and Saturday 2026-10-10', async () => {
    const sunday = await w.book(w.people.external, { start: at('2026-09-20', '09:00'), end: at('2026-09-20', '10:00') })
    expect(sunday.statusCode, sunday.body).toBe(201)
    const saturday = await w.book(w.people.external, {
      start: at('2026-10-10', '14:00'),
      end: at('2026-10-10', '15:00'),
    })
    expect(saturday.statusCode, saturday.body).toBe(201)
    const ordinarySaturday = await w.book(w.people.external, {
      start: at('2026-10-17', '09:00'),
      end: at('2026-10-17', '10:00'),
    })
    expect(bodyOf<TErrorBody>(ordinarySaturday).error.details?.reason).toBe('OUTSIDE_OPENING_HOURS')
  })

  it('refuses a year past the bundled data and asks for the calendar; an admin loads it, then booking works', async () => {
    await w.setRules({ maxAdvanceDays: 366 })
    const range = { start: at('2027-03-02', '09:00'), end: at('2027-03-02', '10:00') }
    await expectRefusal(range, {
      status: 409,
      code: 'STATE_INVALID',
      reason: 'CALENDAR_NOT_LOADED',
      zh: '2027 年的法定节假日安排尚未载入，暂不能预约该年的时段，请联系平台管理员载入节假日日历',
      en: "The public holidays of 2027 are not loaded yet, so that year cannot be booked; please ask a platform admin to load the year's holiday calendar",
    })
    const missing = await w.call('GET', '/api/booking-calendar/2027')
    expect(bodyOf(missing)).toMatchObject({ year: 2027, source: 'missing', days: [] })

    const days = [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-03-01', kind: 'holiday', name: '测试假日' },
      { date: '2027-03-06', kind: 'workday', name: '测试调休' },
    ]
    const forbidden = await w.call('PUT', '/api/booking-calendar/2027', {
      cookie: w.people.manager.cookie,
      payload: { days },
    })
    expect(forbidden.statusCode).toBe(403)
    const wrongYear = await w.call('PUT', '/api/booking-calendar/2027', {
      cookie: w.people.platformAdmin.cookie,
      payload: { days: [{ date: '2028-01-01', kind: 'holiday', name: '元旦' }] },
      lang: 'en',
    })
    expect(wrongYear.statusCode).toBe(400)
    expect(bodyOf<TErrorBody>(wrongYear).error.details?.issues).toEqual([
      { path: 'body.days.0.date', message: 'The date 2028-01-01 is not in 2027' },
    ])
    const loaded = await w.call('PUT', '/api/booking-calendar/2027', {
      cookie: w.people.platformAdmin.cookie,
      payload: { days },
    })
    expect(loaded.statusCode, loaded.body).toBe(200)
    expect(bodyOf(loaded)).toMatchObject({ year: 2027, source: 'loaded' })

    expect((await w.book(w.people.external, range)).statusCode).toBe(201)
    const holiday = await w.book(w.people.external, {
      start: at('2027-03-01', '09:00'),
      end: at('2027-03-01', '10:00'),
    })
    expect(bodyOf<TErrorBody>(holiday).error.details).toMatchObject({ reason: 'CLOSED_HOLIDAY', name: '测试假日' })
    const workday = await w.book(w.people.external, {
      start: at('2027-03-06', '09:00'),
      end: at('2027-03-06', '10:00'),
    })
    expect(workday.statusCode, workday.body).toBe(201)
    await w.setRules({})
  })

  it('the bundled year lists its holidays and 调休 workdays', async () => {
    const res = await w.call('GET', '/api/booking-calendar/2026')
    const body = bodyOf<{ source: string; days: { date: string; kind: string; name: string }[] }>(res)
    expect(body.source).toBe('bundled')
    expect(body.days).toContainEqual({ date: '2026-10-01', kind: 'holiday', name: '国庆节' })
    expect(body.days).toContainEqual({ date: '2026-10-10', kind: 'workday', name: '国庆节' })
  })
})

describe('maintenance windows', () => {
  it('refuses a booking that meets maintenance; removing the window frees it', async () => {
    const created = await w.call('POST', `/api/instruments/${w.instrument.id}/maintenance`, {
      cookie: w.people.manager.cookie,
      payload: { start: at('2026-09-17', '13:30'), end: at('2026-09-17', '17:00'), reason: '年度校准' },
    })
    expect(created.statusCode, created.body).toBe(201)
    const range = { start: at('2026-09-17', '14:00'), end: at('2026-09-17', '15:00') }
    await expectRefusal(range, {
      status: 400,
      code: 'VALIDATION',
      reason: 'IN_MAINTENANCE',
      zh: '所选时段与仪器维护时间冲突（2026-09-17 13:30 至 2026-09-17 17:00）',
      en: 'The chosen time overlaps maintenance of the instrument (2026-09-17 13:30 to 2026-09-17 17:00)',
    })
    const id = bodyOf<{ id: string }>(created).id
    const other = await w.call('DELETE', `/api/instruments/${w.instrument.id}/maintenance/${id}`, {
      cookie: w.people.external.cookie,
    })
    expect(other.statusCode).toBe(403)
    const removed = await w.call('DELETE', `/api/instruments/${w.instrument.id}/maintenance/${id}`, {
      cookie: w.people.manager.cookie,
    })
    expect(removed.statusCode).toBe(204)
    expect((await w.book(w.people.external, range)).statusCode).toBe(201)
  })

  it('counts the bookings already inside a new window', async () => {
    const inside = await w.book(w.people.external, { start: at('2026-09-15', '09:00'), end: at('2026-09-15', '10:00') })
    expect(inside.statusCode).toBe(201)
    const res = await w.call('POST', `/api/instruments/${w.instrument.id}/maintenance`, {
      cookie: w.people.manager.cookie,
      payload: { start: at('2026-09-15', '08:00'), end: at('2026-09-15', '12:00') },
    })
    expect(bodyOf(res)).toMatchObject({ overlappingBookings: 1, start: '2026-09-15T08:00:00+08:00' })
  })
})
