import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { signInAs } from '../../../../test/helpers/sessions.ts'
import { createBookingService } from './booking.service.ts'
import { at, bodyOf, createBookingWorld, HOUR, NOW, type TBookingWorld } from './booking.int-helpers.ts'

type TErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } }
type TBookingBody = {
  id: string
  status: string
  cancelFeeFen: number
  rescheduleFeeFen: number
  rescheduleCount: number
  quote: { amountFen: number }
  start: string
}

let w: TBookingWorld

beforeAll(async () => {
  w = await createBookingWorld()
})
afterAll(async () => {
  await w.close()
})
beforeEach(() => {
  w.clock.set(NOW)
})

async function bookOk(body: Record<string, unknown>, person = w.people.external): Promise<TBookingBody> {
  const res = await w.book(person, body)
  expect(res.statusCode, res.body).toBe(201)
  return bodyOf<TBookingBody>(res)
}

function act(id: string, step: string, cookie: string | null, payload: unknown = {}, lang = 'zh-CN') {
  return w.call('POST', `/api/bookings/${id}/${step}`, { cookie, payload, lang })
}

describe('cancel', () => {
  it('is free before the cut-off, and frees the slot', async () => {
    const b = await bookOk({ start: at('2026-09-17', '09:00'), end: at('2026-09-17', '11:00') })
    const res = await act(b.id, 'cancel', w.people.external.cookie, { reason: '样品未到' })
    expect(bodyOf(res)).toMatchObject({ status: 'cancelled', cancelFeeFen: 0, cancelReason: '样品未到' })
    expect(
      (await w.book(w.people.member, { start: at('2026-09-17', '09:00'), end: at('2026-09-17', '10:00') })).statusCode,
    ).toBe(201)
  })

  it('costs the late fee after the cut-off (50 % of the frozen amount)', async () => {
    const b = await bookOk({ start: at('2026-09-15', '14:00'), end: at('2026-09-15', '16:00') })
    w.clock.set(new Date(Date.parse(at('2026-09-15', '14:00')) - 2 * HOUR))
    const res = await act(b.id, 'cancel', w.people.external.cookie)
    expect(bodyOf(res)).toMatchObject({ status: 'cancelled', cancelFeeFen: 10_000 })
  })

  it('is refused once started, and for someone else (404 to strangers, 403 to managers), and without a session', async () => {
    const b = await bookOk({ start: at('2026-09-18', '09:00'), end: at('2026-09-18', '10:00') })
    expect((await act(b.id, 'cancel', w.people.member.cookie)).statusCode).toBe(404)
    expect((await act(b.id, 'cancel', w.people.otherManager.cookie)).statusCode).toBe(404)
    expect((await act(b.id, 'cancel', w.people.manager.cookie)).statusCode).toBe(403)
    expect((await act(b.id, 'cancel', null)).statusCode).toBe(401)
    expect((await act('00000000-0000-4000-8000-000000000000', 'cancel', w.people.external.cookie)).statusCode).toBe(404)
    w.clock.set(new Date(Date.parse(at('2026-09-18', '09:00')) + 60_000))
    const started = await act(b.id, 'cancel', w.people.external.cookie, {}, 'en')
    expect(started.statusCode).toBe(409)
    expect(bodyOf<TErrorBody>(started).error.message).toBe(
      'This booking has started or ended and can no longer be cancelled or rescheduled',
    )
  })
})

describe('reschedule', () => {
  it('is free before the cut-off, keeps the frozen price per hour and applies the rules to the new range', async () => {
    const b = await bookOk({ start: at('2026-09-21', '09:00'), end: at('2026-09-21', '10:00') })
    const res = await act(b.id, 'reschedule', w.people.external.cookie, {
      start: at('2026-09-22', '13:30'),
      end: at('2026-09-22', '15:30'),
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(bodyOf(res)).toMatchObject({
      status: 'confirmed',
      start: '2026-09-22T13:30:00+08:00',
      rescheduleFeeFen: 0,
      rescheduleCount: 1,
      quote: { quantity: 2, amountFen: 20_000, unitPriceFen: 10_000 },
    })
    const holiday = await act(b.id, 'reschedule', w.people.external.cookie, {
      start: at('2026-10-02', '09:00'),
      end: at('2026-10-02', '10:00'),
    })
    expect(bodyOf<TErrorBody>(holiday).error.details?.reason).toBe('CLOSED_HOLIDAY')
    const other = await bookOk({ start: at('2026-09-23', '09:00'), end: at('2026-09-23', '10:00') }, w.people.member)
    const taken = await act(b.id, 'reschedule', w.people.external.cookie, {
      start: at('2026-09-23', '09:30'),
      end: at('2026-09-23', '10:30'),
    })
    expect(bodyOf<TErrorBody>(taken).error.code).toBe('SLOT_TAKEN')
    expect(other.status).toBe('confirmed')
  })

  it('costs the late fee after the cut-off', async () => {
    const b = await bookOk({ start: at('2026-09-24', '09:00'), end: at('2026-09-24', '10:00') })
    w.clock.set(new Date(Date.parse(at('2026-09-24', '09:00')) - 10 * HOUR))
    const res = await act(b.id, 'reschedule', w.people.external.cookie, {
      start: at('2026-09-24', '14:00'),
      end: at('2026-09-24', '15:00'),
    })
    expect(bodyOf(res)).toMatchObject({ rescheduleFeeFen: 5_000, status: 'confirmed' })
  })

  it('sends an approved booking back to approval when the instrument needs it', async () => {
    await w.setRules({ isApprovalRequired: true })
    const b = await bookOk({ start: at('2026-10-09', '09:00'), end: at('2026-10-09', '10:00') })
    expect(b.status).toBe('pending')
    const approved = await act(b.id, 'approve', w.people.manager.cookie, { note: '请携带样品登记表' })
    expect(bodyOf(approved)).toMatchObject({ status: 'confirmed', decisionNote: '请携带样品登记表' })
    const moved = await act(b.id, 'reschedule', w.people.external.cookie, {
      start: at('2026-10-09', '14:00'),
      end: at('2026-10-09', '15:00'),
    })
    expect(bodyOf(moved)).toMatchObject({ status: 'pending' })
    const events = await w.db
      .selectFrom('booking_event')
      .select(['action', 'from_status', 'to_status'])
      .where('booking_id', '=', b.id)
      .orderBy('id')
      .execute()
    expect(events).toEqual([
      { action: 'created', from_status: null, to_status: 'pending' },
      { action: 'approved', from_status: 'pending', to_status: 'confirmed' },
      { action: 'rescheduled', from_status: 'confirmed', to_status: 'pending' },
    ])
    await w.setRules({})
  })
})

describe('approval', () => {
  it('managers approve or reject pending bookings; audited; the person is told; others get 403/404', async () => {
    await w.setRules({ isApprovalRequired: true })
    const a = await bookOk({ start: at('2026-09-28', '09:00'), end: at('2026-09-28', '10:00') })
    const b = await bookOk({ start: at('2026-09-28', '10:00'), end: at('2026-09-28', '11:00') })
    expect((await act(a.id, 'approve', w.people.external.cookie)).statusCode).toBe(403)
    expect((await act(a.id, 'approve', w.people.otherManager.cookie)).statusCode).toBe(404)
    expect((await act(a.id, 'approve', null)).statusCode).toBe(401)
    const noReason = await act(b.id, 'reject', w.people.manager.cookie, {})
    expect(noReason.statusCode).toBe(400)
    const rejected = await act(b.id, 'reject', w.people.ownerAdmin.cookie, { reason: '该时段仪器需内部使用' })
    expect(bodyOf(rejected)).toMatchObject({ status: 'rejected', decisionNote: '该时段仪器需内部使用' })
    const again = await act(b.id, 'approve', w.people.manager.cookie, {}, 'en')
    expect(bodyOf<TErrorBody>(again).error.message).toBe('This booking is not waiting for approval')
    expect((await act(a.id, 'approve', w.people.manager.cookie)).statusCode).toBe(200)

    const audit = await w.db
      .selectFrom('audit_log')
      .select(['action', 'result', 'target_id'])
      .where('target_type', '=', 'booking')
      .execute()
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'booking.approve', result: 'denied', target_id: a.id },
        { action: 'booking.reject', result: 'success', target_id: b.id },
        { action: 'booking.approve', result: 'success', target_id: a.id },
      ]),
    )
    const inbox = await w.db
      .selectFrom('notification')
      .select(['event', 'title'])
      .where('user_id', '=', w.people.external.userId)
      .execute()
    expect(inbox).toEqual(expect.arrayContaining([{ event: 'booking.decided', title: '仪器预约未通过审核' }]))
    const managerInbox = await w.db
      .selectFrom('notification')
      .select('event')
      .where('user_id', '=', w.people.manager.userId)
      .execute()
    expect(managerInbox.map((n) => n.event)).toContain('booking.requested')
    await w.setRules({})
  })
})

describe('check-in and no-shows', () => {
  it('lets the person check in from 30 minutes before the start; managers any time until the end', async () => {
    const b = await bookOk({ start: at('2026-09-29', '09:00'), end: at('2026-09-29', '10:00') })
    w.clock.set(new Date(Date.parse(at('2026-09-29', '08:00'))))
    const early = await act(b.id, 'check-in', w.people.external.cookie, undefined, 'en')
    expect(bodyOf<TErrorBody>(early).error.message).toBe('Check-in opens at 2026-09-29 08:30')
    expect((await act(b.id, 'check-in', w.people.member.cookie, undefined)).statusCode).toBe(404)
    w.clock.set(new Date(Date.parse(at('2026-09-29', '08:45'))))
    const ok = await act(b.id, 'check-in', w.people.external.cookie, undefined)
    expect(bodyOf(ok)).toMatchObject({ status: 'checked_in', checkedInAt: '2026-09-29T08:45:00+08:00' })
    const c = await bookOk({ start: at('2026-09-30', '09:00'), end: at('2026-09-30', '10:00') })
    w.clock.set(new Date(Date.parse(at('2026-09-30', '09:50'))))
    expect(
      bodyOf<TErrorBody>(await act(c.id, 'check-in', w.people.external.cookie, undefined)).error.details?.reason,
    ).toBe('CHECK_IN_CLOSED')
    expect(bodyOf(await act(c.id, 'check-in', w.people.manager.cookie, undefined))).toMatchObject({
      status: 'checked_in',
    })
  })

  it('releases unchecked bookings after the release time, counts them against the person, and enforces the limit', async () => {
    await w.setRules({ noShowReleaseMinutes: 30, noShowLimit: 2 })
    const first = await bookOk(
      { start: at('2026-10-12', '09:00'), end: at('2026-10-12', '11:00') },
      w.people.individual,
    )
    const second = await bookOk(
      { start: at('2026-10-13', '09:00'), end: at('2026-10-13', '10:00') },
      w.people.individual,
    )
    const sweep = createBookingService({
      db: w.db,
      clock: w.clock,
      audit: { recordFor: async () => undefined },
      notify: { notify: async () => undefined },
    })
    const statusOf = async (id: string) =>
      (await w.db.selectFrom('booking').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status
    w.clock.set(new Date(Date.parse(at('2026-10-12', '09:29'))))
    await sweep.releaseNoShows()
    expect(await statusOf(first.id)).toBe('confirmed')
    w.clock.set(new Date(Date.parse(at('2026-10-12', '09:30'))))
    expect(await sweep.releaseNoShows()).toBe(1)
    expect(await statusOf(first.id)).toBe('no_show')
    const rest = await w.book(await signInAs(w.db), {
      start: at('2026-10-12', '10:30'),
      end: at('2026-10-12', '11:00'),
    })
    expect(rest.statusCode, 'the rest of the released slot can be booked').toBe(201)
    w.clock.set(new Date(Date.parse(at('2026-10-13', '12:00'))))
    await sweep.releaseNoShows()
    expect(await statusOf(second.id)).toBe('no_show')
    const mine = bodyOf<{ noShowCount: number; items: { id: string; status: string }[] }>(
      await w.call('GET', '/api/bookings/mine', { cookie: w.people.individual.cookie }),
    )
    expect(mine.noShowCount).toBe(2)
    expect(mine.items.filter((b) => [first.id, second.id].includes(b.id)).map((b) => b.status)).toEqual([
      'no_show',
      'no_show',
    ])
    const blocked = await w.book(
      w.people.individual,
      { start: at('2026-10-20', '09:00'), end: at('2026-10-20', '10:00') },
      'en',
    )
    expect(blocked.statusCode).toBe(403)
    expect(bodyOf<TErrorBody>(blocked).error.message).toBe(
      'You missed 2 bookings in the last 90 days and cannot book this instrument for now; please contact its manager',
    )
    await w.setRules({})
  })
})

describe('reading bookings', () => {
  it('GET /api/bookings/mine lists only my bookings; 401 anonymous', async () => {
    expect((await w.call('GET', '/api/bookings/mine')).statusCode).toBe(401)
    const mine = bodyOf<{ items: { user: { id: string } }[]; total: number }>(
      await w.call('GET', '/api/bookings/mine?pageSize=100', { cookie: w.people.member.cookie }),
    )
    expect(mine.total).toBeGreaterThan(0)
    expect(mine.items.every((b) => b.user.id === w.people.member.userId)).toBe(true)
  })

  it('GET /api/instruments/:id/bookings is for its managers only', async () => {
    const url = `/api/instruments/${w.instrument.id}/bookings?status=no_show`
    expect((await w.call('GET', url)).statusCode).toBe(401)
    expect((await w.call('GET', url, { cookie: w.people.external.cookie })).statusCode).toBe(403)
    expect((await w.call('GET', url, { cookie: w.people.otherManager.cookie })).statusCode).toBe(403)
    const list = bodyOf<{ items: { status: string; user: { displayName: string } }[]; total: number }>(
      await w.call('GET', url, { cookie: w.people.manager.cookie }),
    )
    expect(list.total).toBeGreaterThan(0)
    expect(list.items.every((b) => b.status === 'no_show')).toBe(true)
    expect(
      (
        await w.call('GET', `/api/instruments/00000000-0000-4000-8000-000000000000/bookings`, {
          cookie: w.people.manager.cookie,
        })
      ).statusCode,
    ).toBe(404)
  })
})
