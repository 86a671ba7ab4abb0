import type { LightMyRequestResponse } from 'fastify'
import type { Kysely } from 'kysely'
import type { TBookingRules } from '#shared/contracts/booking.ts'
import { createTestApp } from '../../../../test/helpers/app.ts'
import { createNode, createOrganisation, createResource } from '../../../../test/helpers/factories.ts'
import { signInAs, type TTestSession } from '../../../../test/helpers/sessions.ts'
import { createManualClock } from '../../clock.ts'
import { createInProcessJobQueue, type TJobQueue } from '../../jobs/queue.ts'
import type { DB } from '../../db/schema.ts'
import { DEFAULT_RULES } from './rules.ts'

/** Test support for the booking module's integration tests (not part of the server). */

/** Monday 14 September 2026, 09:00 in Shanghai: the tests' "now". */
export const NOW = new Date('2026-09-14T01:00:00Z')
export const HOUR = 3_600_000

/** Hourly prices of the test instrument (fen): external 100 元, member 80 元, internal 50 元 per hour. */
export const FEE = { unit: 'hour', externalFen: 10_000, memberFen: 8_000, internalFen: 5_000 }

/** Rules most tests start from: workdays 08:30–11:30 and 13:30–17:00, 30-minute slots, instant booking. */
export const TEST_RULES: TBookingRules = {
  ...DEFAULT_RULES,
  openHours: {
    '1': [
      [510, 690],
      [810, 1020],
    ],
    '2': [
      [510, 690],
      [810, 1020],
    ],
    '3': [
      [510, 690],
      [810, 1020],
    ],
    '4': [
      [510, 690],
      [810, 1020],
    ],
    '5': [
      [510, 690],
      [810, 1020],
    ],
    '6': [],
    '7': [],
  },
  slotMinutes: 30,
  minNoticeMinutes: 60,
  maxMinutes: 240,
  maxAdvanceDays: 60,
  isApprovalRequired: false,
  isTrainingRequired: false,
  cancelCutoffHours: 24,
  lateFee: { kind: 'percent', percent: 50 },
  noShowLimit: null,
}

/** An instant written in Shanghai time: at('2026-09-15', '09:00'). */
export function at(date: string, time: string): string {
  return `${date}T${time}:00+08:00`
}

type TCall = { cookie?: string | null; lang?: string; payload?: unknown }

/**
 * A test app over this file's database with a manual clock at {@link NOW}, and a world: a node tree,
 * the instrument's owner organisation (with a member unit in the same network and an outside unit), a
 * manager, people of each price tier, an instrument with {@link FEE} and {@link TEST_RULES}.
 */
export async function createBookingWorld() {
  const clock = createManualClock(NOW)
  // The tests run the no-show sweep themselves at the times they set: the real-time cron must not fire in
  // the middle of a test whose manual clock stands past a booking's release time.
  const queue = createInProcessJobQueue()
  const jobs: TJobQueue = { ...queue, schedule: async () => undefined }
  const ctx = await createTestApp({ clock, jobs })
  const { db } = ctx.database
  const root = await createNode(db, { kind: 'total', name: '测试总平台', region_code: '230000' })
  const province = await createNode(db, { parent_id: root.id, parentPath: root.path, name: '黑龙江测试平台' })
  const city = await createNode(db, {
    parent_id: province.id,
    parentPath: province.path,
    kind: 'city',
    name: '牡丹江测试平台',
  })
  const other = await createNode(db, {
    parent_id: root.id,
    parentPath: root.path,
    name: '湖北测试平台',
    region_code: '420000',
  })
  const owner = await createOrganisation(db, city.id, { region_code: '231002' })
  const memberOrg = await createOrganisation(db, province.id)
  await db
    .insertInto('organisation_node_membership')
    .values({ org_id: memberOrg.id, node_id: province.id, agreement_version: '2026-01', accepted_at: NOW })
    .execute()
  const outsideOrg = await createOrganisation(db, other.id, { region_code: '420102' })
  const people = {
    manager: await signInAs(db, { grants: [{ role: 'instrument_manager', orgId: owner.id }] }),
    ownerAdmin: await signInAs(db, { grants: [{ role: 'org_admin', orgId: owner.id }] }),
    internal: await signInAs(db, { grants: [{ role: 'member', orgId: owner.id }] }),
    member: await signInAs(db, { grants: [{ role: 'member', orgId: memberOrg.id }] }),
    external: await signInAs(db, { grants: [{ role: 'member', orgId: outsideOrg.id }] }),
    individual: await signInAs(db),
    otherManager: await signInAs(db, { grants: [{ role: 'instrument_manager', orgId: outsideOrg.id }] }),
    platformAdmin: await signInAs(db, { grants: [{ role: 'platform_admin', nodeId: root.id }] }),
  }
  const instrument = await createInstrument(db, owner)

  async function call(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    options: TCall = {},
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { 'accept-language': options.lang ?? 'zh-CN' }
    if (options.cookie) headers.cookie = options.cookie
    if (options.payload !== undefined) headers['content-type'] = 'application/json'
    return ctx.app.inject({
      method,
      url,
      headers,
      ...(options.payload !== undefined ? { payload: JSON.stringify(options.payload) } : {}),
    })
  }

  /** Saves rules for an instrument as its manager. */
  async function setRules(rules: Partial<TBookingRules>, instrumentId = instrument.id): Promise<void> {
    const res = await call('PUT', `/api/instruments/${instrumentId}/booking-rules`, {
      cookie: people.manager.cookie,
      payload: { ...TEST_RULES, ...rules },
    })
    if (res.statusCode !== 200) throw new Error(`setRules: ${res.statusCode} ${res.body}`)
  }

  /** POST /api/bookings as someone. */
  function book(session: TTestSession, body: Record<string, unknown>, lang?: string) {
    return call('POST', '/api/bookings', {
      cookie: session.cookie,
      payload: { instrumentId: instrument.id, purpose: '材料表面形貌观察', ...body },
      ...(lang ? { lang } : {}),
    })
  }

  async function countBookings(): Promise<number> {
    const row = await db
      .selectFrom('booking')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  await setRules({})
  return {
    ...ctx,
    db,
    clock,
    nodes: { root, province, city, other },
    owner,
    memberOrg,
    outsideOrg,
    people,
    instrument,
    call,
    setRules,
    book,
    countBookings,
  }
}

export type TBookingWorld = Awaited<ReturnType<typeof createBookingWorld>>

/** A published instrument of `owner` with {@link FEE}. */
export async function createInstrument(
  db: Kysely<DB>,
  owner: { id: string; node_id: string; region_code: string; city_code: string },
  attributes: Record<string, unknown> = {},
  overrides: { status?: string; sharing_level?: string } = {},
) {
  return createResource(db, owner, {
    kind: 'instrument',
    attributes: JSON.stringify({
      model: 'SU8010',
      manufacturer: '日立',
      feeStandard: FEE,
      status: '正常',
      ...attributes,
    }),
    ...overrides,
  })
}

/** The JSON body of a response. */
export function bodyOf<T = Record<string, unknown>>(res: LightMyRequestResponse): T {
  return res.json() as T
}
