import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  at,
  bodyOf,
  createBookingWorld,
  createInstrument,
  TEST_RULES,
  type TBookingWorld,
} from './booking.int-helpers.ts'

type TErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } }

let w: TBookingWorld

beforeAll(async () => {
  w = await createBookingWorld()
})
afterAll(async () => {
  await w.close()
})

describe('GET/PUT /api/instruments/:id/booking-rules', () => {
  it('derives rules from the description of an instrument nobody configured', async () => {
    const demo = await createInstrument(w.db, w.owner, {
      bookingRules: {
        openHours: '周一至周六 8:30–17:30',
        minNoticeHours: 48,
        slotMinutes: 60,
        maxHoursPerBooking: 8,
        trainingRequired: true,
        approvalRequired: false,
      },
    })
    const res = await w.call('GET', `/api/instruments/${demo.id}/booking-rules`)
    expect(res.statusCode).toBe(200)
    expect(bodyOf(res)).toMatchObject({
      isDerived: true,
      updatedAt: null,
      rules: {
        openHours: { '1': [[510, 1050]], '6': [[510, 1050]], '7': [] },
        minNoticeMinutes: 2880,
        slotMinutes: 60,
        maxMinutes: 480,
        isTrainingRequired: true,
        isApprovalRequired: false,
      },
    })
  })

  it('lets the instrument managers and the owner admins save rules; others 401/403/404; audited', async () => {
    const url = `/api/instruments/${w.instrument.id}/booking-rules`
    expect((await w.call('PUT', url, { payload: TEST_RULES })).statusCode).toBe(401)
    expect((await w.call('PUT', url, { cookie: w.people.external.cookie, payload: TEST_RULES })).statusCode).toBe(403)
    expect((await w.call('PUT', url, { cookie: w.people.otherManager.cookie, payload: TEST_RULES })).statusCode).toBe(
      403,
    )
    expect((await w.call('PUT', url, { cookie: w.people.internal.cookie, payload: TEST_RULES })).statusCode).toBe(403)
    const unknown = '/api/instruments/00000000-0000-4000-8000-000000000000/booking-rules'
    expect((await w.call('PUT', unknown, { cookie: w.people.manager.cookie, payload: TEST_RULES })).statusCode).toBe(
      404,
    )
    const saved = await w.call('PUT', url, {
      cookie: w.people.ownerAdmin.cookie,
      payload: { ...TEST_RULES, slotMinutes: 60 },
    })
    expect(saved.statusCode, saved.body).toBe(200)
    expect(bodyOf(saved)).toMatchObject({ isDerived: false, rules: { slotMinutes: 60 } })
    expect(bodyOf(await w.call('GET', url))).toMatchObject({ isDerived: false, rules: { slotMinutes: 60 } })
    const denied = await w.db
      .selectFrom('audit_log')
      .select(['action', 'result'])
      .where('target_id', '=', w.instrument.id)
      .where('action', '=', 'booking.rules_update')
      .execute()
    expect(denied.filter((a) => a.result === 'denied')).toHaveLength(3)
    expect(denied.filter((a) => a.result === 'success').length).toBeGreaterThan(0)
    await w.setRules({})
  })

  it('refuses bad rules with the field named', async () => {
    const res = await w.call('PUT', `/api/instruments/${w.instrument.id}/booking-rules`, {
      cookie: w.people.manager.cookie,
      payload: { ...TEST_RULES, slotMinutes: 7, openHours: { ...TEST_RULES.openHours, '1': [[600, 500]] } },
      lang: 'en',
    })
    expect(res.statusCode).toBe(400)
    const issues = bodyOf<TErrorBody>(res).error.details?.issues as { path: string; message: string }[]
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['body.slotMinutes', 'body.openHours.1.0']))
  })

  it('hides unpublished instruments from everyone but their managers', async () => {
    const draft = await createInstrument(w.db, w.owner, {}, { status: 'draft' })
    expect((await w.call('GET', `/api/instruments/${draft.id}/booking-rules`)).statusCode).toBe(404)
    expect(
      (await w.call('GET', `/api/instruments/${draft.id}/booking-rules`, { cookie: w.people.external.cookie }))
        .statusCode,
    ).toBe(404)
    expect(
      (await w.call('GET', `/api/instruments/${draft.id}/booking-rules`, { cookie: w.people.manager.cookie }))
        .statusCode,
    ).toBe(200)
    expect(
      (await w.call('GET', `/api/instruments/${draft.id}/calendar?from=2026-09-14&to=2026-09-20`)).statusCode,
    ).toBe(404)
    const notInstrument = await w.db
      .insertInto('resource')
      .values({ ...(await baseOf()), kind: 'expert', title: '张教授' })
      .returning('id')
      .executeTakeFirstOrThrow()
    expect((await w.call('GET', `/api/instruments/${notInstrument.id}/booking-rules`)).statusCode).toBe(404)
  })
})

async function baseOf() {
  return {
    owner_org_id: w.owner.id,
    node_id: w.owner.node_id,
    region_code: w.owner.region_code,
    city_code: w.owner.city_code,
    status: 'published',
    published_at: new Date(),
  }
}

describe('GET /api/instruments/:id/calendar', () => {
  it('shows opening hours, holidays and 调休 in Asia/Shanghai', async () => {
    const res = await w.call('GET', `/api/instruments/${w.instrument.id}/calendar?from=2026-09-28&to=2026-10-11`)
    expect(res.statusCode, res.body).toBe(200)
    const body = bodyOf<{
      days: { date: string; kind: string; name: string | null; open: { start: string; end: string }[] }[]
    }>(res)
    expect(body).toMatchObject({
      timeZone: 'Asia/Shanghai',
      slotMinutes: 30,
      isBookable: true,
      earliestStart: '2026-09-14T10:00:00+08:00',
    })
    const day = (date: string) => body.days.find((d) => d.date === date)
    expect(body.days).toHaveLength(14)
    expect(day('2026-09-28')).toEqual({
      date: '2026-09-28',
      kind: 'workday',
      name: null,
      open: [
        { start: '2026-09-28T08:30:00+08:00', end: '2026-09-28T11:30:00+08:00' },
        { start: '2026-09-28T13:30:00+08:00', end: '2026-09-28T17:00:00+08:00' },
      ],
    })
    expect(day('2026-10-01')).toEqual({ date: '2026-10-01', kind: 'holiday', name: '国庆节', open: [] })
    expect(day('2026-10-10')).toMatchObject({
      kind: 'adjusted_workday',
      name: '国庆节',
      open: [{ start: '2026-10-10T08:30:00+08:00' }, {}],
    })
    expect(day('2026-10-11')).toMatchObject({ kind: 'weekend', open: [] })
  })

  it('shows busy blocks without who to others, mine to me, and who to the managers', async () => {
    const made = await w.book(w.people.member, { start: at('2026-09-29', '09:00'), end: at('2026-09-29', '10:00') })
    expect(made.statusCode).toBe(201)
    const url = `/api/instruments/${w.instrument.id}/calendar?from=2026-09-29&to=2026-09-29`
    type TBusy = {
      busy: { start: string; kind: string; isMine: boolean; booking: { user: { id: string } | null } | null }[]
    }
    const anonymous = bodyOf<TBusy>(await w.call('GET', url))
    expect(anonymous.busy).toEqual([
      {
        start: '2026-09-29T09:00:00+08:00',
        end: '2026-09-29T10:00:00+08:00',
        kind: 'booking',
        isMine: false,
        booking: null,
        reason: null,
      },
    ])
    const other = bodyOf<TBusy>(await w.call('GET', url, { cookie: w.people.external.cookie }))
    expect(other.busy[0]).toMatchObject({ isMine: false, booking: null })
    const mine = bodyOf<TBusy>(await w.call('GET', url, { cookie: w.people.member.cookie }))
    expect(mine.busy[0]).toMatchObject({
      isMine: true,
      booking: { status: 'confirmed', user: { id: w.people.member.userId } },
    })
    const manager = bodyOf<TBusy>(await w.call('GET', url, { cookie: w.people.manager.cookie }))
    expect(manager.busy[0]).toMatchObject({ isMine: false, booking: { user: { id: w.people.member.userId } } })
  })

  it('marks days past the calendar data as unknown; refuses bad ranges', async () => {
    const res = await w.call('GET', `/api/instruments/${w.instrument.id}/calendar?from=2026-12-30&to=2027-01-02`)
    const days = bodyOf<{ days: { date: string; kind: string }[] }>(res).days
    expect(days.map((d) => d.kind)).toEqual(['workday', 'workday', 'unknown', 'unknown'])
    const reversed = await w.call('GET', `/api/instruments/${w.instrument.id}/calendar?from=2026-10-02&to=2026-10-01`)
    expect(bodyOf<TErrorBody>(reversed).error.details?.reason).toBe('RANGE_INVALID')
    const long = await w.call('GET', `/api/instruments/${w.instrument.id}/calendar?from=2026-09-01&to=2026-12-01`, {
      lang: 'en',
    })
    expect(bodyOf<TErrorBody>(long).error.message).toBe('The calendar shows at most 62 days at a time')
    expect((await w.call('GET', `/api/instruments/${w.instrument.id}/calendar?from=2026-09-01`)).statusCode).toBe(400)
  })
})
