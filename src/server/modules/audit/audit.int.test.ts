import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { signInAs, type TTestSession } from '../../../../test/helpers/sessions.ts'
import { createManualClock, systemClock } from '../../clock.ts'
import { createAuditService, type TAuditEntry, type TAuditService } from './audit.service.ts'

let ctx: TTestContext
let audit: TAuditService
let auditor: TTestSession
let member: TTestSession
const DAY = 24 * 60 * 60 * 1000

beforeAll(async () => {
  ctx = await createTestApp()
  audit = createAuditService({ db: ctx.database.db, clock: systemClock })
  auditor = await signInAs(ctx.database.db, { grants: [{ role: 'auditor' }], displayName: '审计员甲' })
  member = await signInAs(ctx.database.db, { displayName: '普通用户乙' })
})
afterAll(async () => ctx.close())

const entry = (overrides: Partial<TAuditEntry> = {}): TAuditEntry => ({
  actorId: null,
  action: 'test.something',
  targetType: 'thing',
  targetId: 't-1',
  ip: '10.0.0.1',
  result: 'success',
  ...overrides,
})

const get = (url: string, cookie?: string, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'GET', url, headers: { ...(cookie ? { cookie } : {}), ...headers } })

// First in the file: the purge removes the oldest stretch of the chain, so it needs the chain to itself.
describe('retention purge', () => {
  it('removes the oldest records past the retention, keeps the rest, and records that it did', async () => {
    const clock = createManualClock(new Date(Date.now() - 200 * DAY))
    const past = createAuditService({ db: ctx.database.db, clock })
    await past.record(entry({ action: 'test.retention', targetId: 'old-200d' }))
    clock.set(new Date(Date.now() - 190 * DAY))
    await past.record(entry({ action: 'test.retention', targetId: 'old-190d' }))
    clock.set(new Date(Date.now() - 10 * DAY))
    await past.record(entry({ action: 'test.retention', targetId: 'young-10d' }))
    // Chained after a young record (as clock skew between app copies could do): kept until those expire too.
    clock.set(new Date(Date.now() - 300 * DAY))
    await past.record(entry({ action: 'test.retention', targetId: 'late-300d' }))

    const yearly = createAuditService({ db: ctx.database.db, clock: systemClock, retentionDays: 365 })
    expect(await yearly.purgeExpired()).toBe(0)
    const halfYear = createAuditService({ db: ctx.database.db, clock: systemClock, retentionDays: 195 })
    expect(await halfYear.purgeExpired()).toBe(1)

    expect(await audit.purgeExpired(new Date())).toBe(1)
    const kept = await ctx.database.db.selectFrom('audit_log').select('target_id').where('action', '=', 'test.retention').orderBy('chain_seq').execute()
    expect(kept.map((r) => r.target_id)).toEqual(['young-10d', 'late-300d'])
    const purges = await ctx.database.db.selectFrom('audit_log').select('detail').where('action', '=', 'audit.purge').orderBy('chain_seq').execute()
    expect(purges.map((p) => p.detail)).toEqual([
      expect.objectContaining({ removed: 1, retentionDays: 195 }),
      expect.objectContaining({ removed: 1, retentionDays: 180 }),
    ])
    expect((await get('/api/audit/verify', auditor.cookie)).json()).toMatchObject({ isIntact: true, checked: 4 })
  })

  it('refuses a retention shorter than 180 days', () => {
    expect(() => createAuditService({ db: ctx.database.db, clock: systemClock, retentionDays: 90 })).toThrow('at least 180 days')
  })
})

describe('audit_log is append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE through SQL', async () => {
    await audit.record(entry({ action: 'test.append_only' }))
    const { db } = ctx.database
    await expect(sql`update audit_log set result = 'failure' where action = 'test.append_only'`.execute(db)).rejects.toThrow(
      'audit_log is append-only: UPDATE is not allowed',
    )
    await expect(sql`delete from audit_log where action = 'test.append_only'`.execute(db)).rejects.toThrow(
      'audit_log is append-only: DELETE is not allowed',
    )
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow('audit_log is append-only: TRUNCATE is not allowed')
    const rows = await db.selectFrom('audit_log').select('result').where('action', '=', 'test.append_only').execute()
    expect(rows).toEqual([{ result: 'success' }])
  })

  it('refuses even the purge switch for rows younger than 180 days', async () => {
    await audit.record(entry({ action: 'test.too_young' }))
    const attempt = ctx.database.db.transaction().execute(async (trx) => {
      await sql`select set_config('kexiang.audit_purge', 'on', true)`.execute(trx)
      await sql`delete from audit_log where action = 'test.too_young'`.execute(trx)
    })
    await expect(attempt).rejects.toThrow('younger than 180 days')
  })

  it('names the actor from app_user when the caller gives only an id', async () => {
    await audit.record(entry({ action: 'test.named', actorId: member.userId }))
    const row = await ctx.database.db.selectFrom('audit_log').select('actor_name').where('action', '=', 'test.named').executeTakeFirstOrThrow()
    expect(row.actor_name).toBe('普通用户乙')
  })
})

describe('hash chain', () => {
  it('stays contiguous and intact when many records are written at once', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => audit.record(entry({ action: 'test.concurrent', targetId: `c-${i}` }))))
    const seqs = (await ctx.database.db.selectFrom('audit_log').select('chain_seq').orderBy('chain_seq').execute()).map((r) => r.chain_seq)
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0]! + i))
    const res = await get('/api/audit/verify', auditor.cookie)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ isIntact: true, firstBrokenSeq: null, lastHash: expect.stringMatching(/^[0-9a-f]{64}$/) })
  })

  it('shows a row changed behind the triggers', async () => {
    const { db } = ctx.database
    const target = await db.selectFrom('audit_log').select(['id', 'chain_seq']).where('action', '=', 'test.concurrent').orderBy('chain_seq').executeTakeFirstOrThrow()
    // Only the table owner can do this; it stands for someone editing the data files or the database directly.
    await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db)
    try {
      await sql`update audit_log set result = 'failure' where id = ${target.id}`.execute(db)
      const broken = await get('/api/audit/verify', auditor.cookie)
      expect(broken.json()).toMatchObject({ isIntact: false, firstBrokenSeq: target.chain_seq })
      await sql`update audit_log set result = 'success' where id = ${target.id}`.execute(db)
    } finally {
      await sql`alter table audit_log enable trigger audit_log_no_change`.execute(db)
    }
    expect((await get('/api/audit/verify', auditor.cookie)).json().isIntact).toBe(true)
  })
})

describe('GET /api/audit', () => {
  it('answers 401 without a session', async () => {
    const res = await get('/api/audit')
    expect(res.statusCode).toBe(401)
    expect(res.json().error).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' })
  })

  it('answers 403 to a non-auditor and records the refusal', async () => {
    const res = await get('/api/audit', member.cookie)
    expect(res.statusCode).toBe(403)
    expect(res.json().error).toEqual({ code: 'FORBIDDEN', message: '仅审计管理员可以查看审计日志' })
    const denied = await ctx.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'actor_name', 'result'])
      .where('action', '=', 'audit.search')
      .execute()
    expect(denied).toContainEqual({ actor_id: member.userId, actor_name: '普通用户乙', result: 'denied' })
  })

  it('answers 401 to an auditor whose session has not passed the second factor', async () => {
    const pending = await signInAs(ctx.database.db, { grants: [{ role: 'auditor' }], mfaPassed: false })
    const res = await get('/api/audit', pending.cookie)
    expect(res.statusCode).toBe(401)
    expect(res.json().error.code).toBe('SECOND_FACTOR_REQUIRED')
  })

  it('answers 400 for bad filters, naming them', async () => {
    const bad = await get('/api/audit?actorId=nope&result=maybe', auditor.cookie)
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(['query.actorId', 'query.result'])
    const range = await get('/api/audit?from=2026-05-02T00:00:00Z&to=2026-05-01T00:00:00Z', auditor.cookie, { 'accept-language': 'en' })
    expect(range.statusCode).toBe(400)
    expect(range.json().error).toEqual({ code: 'VALIDATION', message: 'Invalid time range: "from" must be earlier than "to"' })
  })

  it('filters by actor, action, target, result and time, newest first, with paging', async () => {
    const clock = createManualClock(new Date('2026-03-01T08:00:00Z'))
    const at = createAuditService({ db: ctx.database.db, clock })
    const actors = [auditor.userId, member.userId]
    for (let i = 0; i < 6; i += 1) {
      clock.set(new Date(Date.UTC(2026, 2, 1 + i, 8)))
      await at.record(
        entry({
          action: i % 2 === 0 ? 'test.filter_even' : 'test.filter_odd',
          actorId: actors[i % 2]!,
          targetType: 'resource',
          targetId: `r-${i % 3}`,
          result: i === 5 ? 'failure' : 'success',
        }),
      )
    }
    const list = async (query: string) => {
      const res = await get(`/api/audit?${query}`, auditor.cookie)
      expect(res.statusCode).toBe(200)
      return res.json() as { items: { targetId: string; occurredAt: string; actorName: string }[]; total: number }
    }
    const even = await list('action=test.filter_even')
    expect(even.total).toBe(3)
    expect(even.items.map((r) => r.occurredAt)).toEqual(['2026-03-05T08:00:00.000Z', '2026-03-03T08:00:00.000Z', '2026-03-01T08:00:00.000Z'])
    expect(even.items[0]!.actorName).toBe('审计员甲')
    expect((await list(`actorId=${member.userId}&targetType=resource`)).total).toBe(3)
    expect((await list('targetType=resource&targetId=r-1')).items.map((r) => r.occurredAt)).toEqual([
      '2026-03-05T08:00:00.000Z',
      '2026-03-02T08:00:00.000Z',
    ])
    expect((await list('targetType=resource&result=failure')).items.map((r) => r.targetId)).toEqual(['r-2'])
    expect((await list('targetType=resource&from=2026-03-02T08:00:00Z&to=2026-03-04T08:00:00Z')).total).toBe(2)
    expect((await list('from=2026-03-02T16:00:00%2B08:00&to=2026-03-04T08:00:00Z&targetType=resource')).total).toBe(2)
    const page2 = await list('targetType=resource&page=2&pageSize=4')
    expect(page2).toMatchObject({ total: 6, page: 2, pageSize: 4 })
    expect(page2.items.map((r) => r.occurredAt)).toEqual(['2026-03-02T08:00:00.000Z', '2026-03-01T08:00:00.000Z'])
  })
})

describe('GET /api/audit/export', () => {
  it('answers 401 and 403 like the search', async () => {
    expect((await get('/api/audit/export')).statusCode).toBe(401)
    expect((await get('/api/audit/export', member.cookie)).statusCode).toBe(403)
  })

  it('answers 400 for a bad filter', async () => {
    const res = await get('/api/audit/export?from=yesterday', auditor.cookie)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues[0].path).toBe('query.from')
  })

  it('returns the filtered records as CSV and records the export', async () => {
    await audit.record(entry({ action: 'test.export', targetId: '=1+2', detail: { note: '含逗号,和"引号"' } }))
    const res = await get('/api/audit/export?action=test.export', auditor.cookie)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-\d{8}\.csv"$/)
    expect(res.headers['x-export-truncated']).toBe('false')
    const lines = res.body.split('\r\n')
    expect(lines[0]!.startsWith('\uFEFF序号 seq,')).toBe(true)
    expect(lines).toHaveLength(3)
    expect(lines[1]).toContain(`,test.export,thing,'=1+2,success,10.0.0.1,,"{""note"":""含逗号,和\\""引号\\""""}"`)
    const exported = await ctx.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'audit.export').executeTakeFirstOrThrow()
    expect(exported).toMatchObject({ actor_id: auditor.userId, result: 'success', detail: { rowCount: 1, filter: { action: 'test.export' } } })
  })
})
