import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signInAs } from '../../../../test/helpers/sessions.ts'
import { at, bodyOf, createBookingWorld, createInstrument, type TBookingWorld } from './booking.int-helpers.ts'

type TErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } }

let w: TBookingWorld

beforeAll(async () => {
  w = await createBookingWorld()
})
afterAll(async () => {
  await w.close()
})

describe('price tiers (内外有别), quoted before and frozen on the booking', () => {
  it('quotes internal / member / external / anonymous for two hours', async () => {
    const range = { start: at('2026-09-15', '09:00'), end: at('2026-09-15', '11:00') }
    const quoteAs = async (cookie: string | null) =>
      bodyOf(await w.call('POST', `/api/instruments/${w.instrument.id}/quote`, { cookie, payload: range }))
    expect(await quoteAs(w.people.internal.cookie)).toEqual({
      quote: { tier: 'internal', unit: 'hour', unitPriceFen: 5_000, quantity: 2, amountFen: 10_000, isFree: false },
      mode: 'self',
    })
    expect(await quoteAs(w.people.member.cookie)).toMatchObject({ quote: { tier: 'member', amountFen: 16_000 } })
    expect(await quoteAs(w.people.external.cookie)).toMatchObject({ quote: { tier: 'external', amountFen: 20_000 } })
    expect(await quoteAs(w.people.individual.cookie)).toMatchObject({ quote: { tier: 'external' } })
    expect(await quoteAs(null)).toMatchObject({ quote: { tier: 'external', amountFen: 20_000 }, mode: null })
  })

  it('freezes the tier and amount on each booking; later price changes do not touch it', async () => {
    const made: { id: string; quote: { tier: string; amountFen: number } }[] = []
    for (const [person, start, end] of [
      [w.people.internal, '09:00', '10:30'],
      [w.people.member, '13:30', '15:00'],
      [w.people.external, '15:00', '16:30'],
    ] as const) {
      const res = await w.book(person, { start: at('2026-09-16', start), end: at('2026-09-16', end) })
      expect(res.statusCode, res.body).toBe(201)
      made.push(bodyOf<{ id: string; quote: { tier: string; amountFen: number } }>(res))
    }
    expect(made.map((b) => [b.quote.tier, b.quote.amountFen])).toEqual([
      ['internal', 7_500],
      ['member', 12_000],
      ['external', 15_000],
    ])
    await w.db
      .updateTable('resource')
      .set({
        attributes: JSON.stringify({ feeStandard: { unit: 'hour', internalFen: 1, memberFen: 1, externalFen: 1 } }),
      })
      .where('id', '=', w.instrument.id)
      .execute()
    const mine = bodyOf<{ items: { id: string; quote: { amountFen: number } }[] }>(
      await w.call('GET', '/api/bookings/mine', { cookie: w.people.member.cookie }),
    )
    expect(mine.items.find((b) => b.id === made[1]!.id)?.quote.amountFen).toBe(12_000)
    const stored = await w.db
      .selectFrom('booking')
      .select(['amount_fen'])
      .where('id', '=', made[2]!.id)
      .executeTakeFirstOrThrow()
    expect(stored.amount_fen).toBe(15_000)
  })

  it('prices per sample, and free basic services at 0', async () => {
    const perSample = await createInstrument(w.db, w.owner, {
      feeStandard: { unit: 'sample', externalFen: 30_000, memberFen: 24_000, internalFen: 15_000 },
    })
    const res = await w.call('POST', `/api/instruments/${perSample.id}/quote`, {
      cookie: w.people.member.cookie,
      payload: { samples: 3 },
    })
    expect(bodyOf(res)).toMatchObject({
      quote: { tier: 'member', unit: 'sample', unitPriceFen: 24_000, quantity: 3, amountFen: 72_000 },
    })
    const free = await createInstrument(w.db, w.owner, {}, { sharing_level: 'free' })
    const q = await w.call('POST', `/api/instruments/${free.id}/quote`, {
      cookie: w.people.external.cookie,
      payload: {},
    })
    expect(bodyOf(q)).toMatchObject({ quote: { amountFen: 0, unitPriceFen: 0, isFree: true } })
  })

  it('refuses a quote with only one end, and end before start', async () => {
    const one = await w.call('POST', `/api/instruments/${w.instrument.id}/quote`, {
      payload: { start: at('2026-09-16', '09:00') },
    })
    expect(one.statusCode).toBe(400)
    const reversed = await w.call('POST', `/api/instruments/${w.instrument.id}/quote`, {
      payload: { start: at('2026-09-16', '10:00'), end: at('2026-09-16', '09:00') },
    })
    expect(bodyOf<TErrorBody>(reversed).error.details?.reason).toBe('RANGE_INVALID')
  })
})

describe('training gate', () => {
  it('books untrained people "with operator" and trained people "self"; training is recorded by a manager', async () => {
    await w.setRules({ isTrainingRequired: true })
    const untrained = await w.book(w.people.external, {
      start: at('2026-09-17', '09:00'),
      end: at('2026-09-17', '10:00'),
    })
    expect(bodyOf(untrained)).toMatchObject({ mode: 'with_operator' })

    const url = `/api/instruments/${w.instrument.id}/trainings/${w.people.member.userId}`
    expect((await w.call('PUT', url, { cookie: w.people.external.cookie, payload: {} })).statusCode).toBe(403)
    expect((await w.call('PUT', url, { payload: {} })).statusCode).toBe(401)
    const recorded = await w.call('PUT', url, {
      cookie: w.people.manager.cookie,
      payload: { note: '2026-09 上机培训合格' },
    })
    expect(recorded.statusCode).toBe(204)
    const list = await w.call('GET', `/api/instruments/${w.instrument.id}/trainings`, {
      cookie: w.people.manager.cookie,
    })
    expect(bodyOf(list)).toMatchObject({
      items: [{ user: { id: w.people.member.userId }, note: '2026-09 上机培训合格' }],
    })

    const trained = await w.book(w.people.member, { start: at('2026-09-17', '10:00'), end: at('2026-09-17', '11:00') })
    expect(bodyOf(trained)).toMatchObject({ mode: 'self' })
    const asked = await w.book(w.people.member, {
      start: at('2026-09-17', '14:00'),
      end: at('2026-09-17', '15:00'),
      mode: 'with_operator',
    })
    expect(bodyOf(asked)).toMatchObject({ mode: 'with_operator' })

    const quote = await w.call('POST', `/api/instruments/${w.instrument.id}/quote`, {
      cookie: w.people.external.cookie,
      payload: {},
    })
    expect(bodyOf(quote)).toMatchObject({ mode: 'with_operator' })

    expect((await w.call('DELETE', url, { cookie: w.people.manager.cookie })).statusCode).toBe(204)
    expect((await w.call('DELETE', url, { cookie: w.people.manager.cookie })).statusCode).toBe(404)
    const unknownUser = `/api/instruments/${w.instrument.id}/trainings/00000000-0000-4000-8000-000000000000`
    const res = await w.call('PUT', unknownUser, { cookie: w.people.manager.cookie, payload: {}, lang: 'en' })
    expect(bodyOf<TErrorBody>(res).error).toMatchObject({ code: 'NOT_FOUND', message: 'User not found' })
    await w.setRules({})
  })
})

describe('quotas', () => {
  it('caps one person per week; other people and the next week are not affected', async () => {
    await w.setRules({ userQuotaMinutes: 120, quotaPeriod: 'week' })
    expect(
      (await w.book(w.people.individual, { start: at('2026-09-21', '09:00'), end: at('2026-09-21', '10:30') }))
        .statusCode,
    ).toBe(201)
    const before = await w.countBookings()
    const over = await w.book(
      w.people.individual,
      { start: at('2026-09-22', '09:00'), end: at('2026-09-22', '10:00') },
      'en',
    )
    expect(over.statusCode).toBe(409)
    expect(bodyOf<TErrorBody>(over).error).toMatchObject({
      code: 'STATE_INVALID',
      message: 'Personal quota exceeded: at most 2 hours per person per week; 1.5 hours already booked this week',
      details: { reason: 'USER_QUOTA_EXCEEDED' },
    })
    const zh = await w.book(w.people.individual, { start: at('2026-09-22', '09:00'), end: at('2026-09-22', '10:00') })
    expect(bodyOf<TErrorBody>(zh).error.message).toBe('超出个人预约额度：每人每周最多 2 小时，本周已预约 1.5 小时')
    expect(await w.countBookings()).toBe(before)
    expect(
      (await w.book(w.people.individual, { start: at('2026-09-22', '09:00'), end: at('2026-09-22', '09:30') }))
        .statusCode,
    ).toBe(201)
    expect(
      (await w.book(w.people.individual, { start: at('2026-09-28', '09:00'), end: at('2026-09-28', '11:00') }))
        .statusCode,
    ).toBe(201)
    await w.setRules({})
  })

  it('caps an organisation per month across its people', async () => {
    await w.setRules({ orgQuotaMinutes: 180, quotaPeriod: 'month' })
    const colleague = await signInAs(w.db, {
      grants: [{ role: 'member', orgId: w.outsideOrg.id }],
    })
    const setOrg = (userId: string) =>
      w.db.updateTable('user_session').set({ current_org_id: w.outsideOrg.id }).where('user_id', '=', userId).execute()
    await setOrg(colleague.userId)
    await setOrg(w.people.external.userId)
    expect(
      (await w.book(w.people.external, { start: at('2026-10-12', '09:00'), end: at('2026-10-12', '11:00') }))
        .statusCode,
    ).toBe(201)
    const over = await w.book(colleague, { start: at('2026-10-13', '09:00'), end: at('2026-10-13', '10:30') })
    expect(over.statusCode).toBe(409)
    expect(bodyOf<TErrorBody>(over).error.message).toBe('超出单位预约额度：每个单位每月最多 3 小时，本月已预约 2 小时')
    expect(
      (await w.book(colleague, { start: at('2026-10-13', '09:00'), end: at('2026-10-13', '10:00') })).statusCode,
    ).toBe(201)
    await w.setRules({})
  })
})
