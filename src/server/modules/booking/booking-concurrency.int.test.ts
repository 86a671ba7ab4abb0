import { afterAll, beforeAll, expect, it } from 'vitest'
import { signInAs } from '../../../../test/helpers/sessions.ts'
import { at, bodyOf, createBookingWorld, type TBookingWorld } from './booking.int-helpers.ts'

let w: TBookingWorld

beforeAll(async () => {
  w = await createBookingWorld()
})
afterAll(async () => {
  await w.close()
})

it('50 parallel POSTs for overlapping ranges: exactly one 201, the rest 409 SLOT_TAKEN, no 5xx', async () => {
  const people = await Promise.all(Array.from({ length: 10 }, () => signInAs(w.db)))
  // Every range contains 10:00–10:30, so any two of them overlap.
  const starts = ['09:00', '09:30', '10:00']
  const ends = ['10:30', '11:00', '11:30']
  const requests = Array.from({ length: 50 }, (_, i) =>
    w.book(people[i % people.length]!, {
      start: at('2026-09-22', starts[i % 3]!),
      end: at('2026-09-22', ends[Math.floor(i / 3) % 3]!),
    }),
  )
  const responses = await Promise.all(requests)
  const statuses = responses.map((r) => r.statusCode)
  expect(statuses.filter((s) => s >= 500)).toEqual([])
  expect(statuses.filter((s) => s === 201)).toHaveLength(1)
  expect(statuses.filter((s) => s === 409)).toHaveLength(49)
  for (const res of responses.filter((r) => r.statusCode === 409)) {
    expect(bodyOf<{ error: { code: string } }>(res).error.code).toBe('SLOT_TAKEN')
  }
  const active = await w.db
    .selectFrom('booking')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('instrument_id', '=', w.instrument.id)
    .where('status', 'in', ['pending', 'confirmed', 'checked_in'])
    .executeTakeFirstOrThrow()
  expect(Number(active.n)).toBe(1)
})

it('parallel bookings of distinct slots all succeed', async () => {
  const slots = ['09:00', '09:30', '10:00', '10:30', '11:00', '13:30', '14:00', '14:30', '15:00', '15:30']
  const responses = await Promise.all(
    slots.map((start, i) => {
      const [h, m] = start.split(':').map(Number) as [number, number]
      const end = `${String(h + (m === 30 ? 1 : 0)).padStart(2, '0')}:${m === 30 ? '00' : '30'}`
      return w.book(i % 2 ? w.people.member : w.people.external, {
        start: at('2026-09-23', start),
        end: at('2026-09-23', end),
      })
    }),
  )
  expect(responses.map((r) => r.statusCode)).toEqual(slots.map(() => 201))
})

it('a quota holds under parallel bookings of one person (read under the instrument lock)', async () => {
  await w.setRules({ userQuotaMinutes: 120 })
  const person = await signInAs(w.db)
  const slots = ['09:00', '10:00', '13:30', '14:30', '15:30']
  const responses = await Promise.all(
    slots.map((start) => {
      const [h, m] = start.split(':') as [string, string]
      const end = `${String(Number(h) + 1).padStart(2, '0')}:${m}`
      return w.book(person, { start: at('2026-09-24', start), end: at('2026-09-24', end) })
    }),
  )
  const statuses = responses.map((r) => r.statusCode).sort()
  expect(statuses).toEqual([201, 201, 409, 409, 409])
  for (const res of responses.filter((r) => r.statusCode === 409)) {
    expect(bodyOf<{ error: { details: { reason: string } } }>(res).error.details.reason).toBe('USER_QUOTA_EXCEEDED')
  }
  await w.setRules({})
})
