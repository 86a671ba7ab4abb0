import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createScratchPostgresDatabase } from '../../../../test/helpers/db.ts'
import { signInAs } from '../../../../test/helpers/sessions.ts'
import { testDbKind } from '../../../../test/helpers/test-db-config.ts'
import type { TMail } from '../../adapters/mailer.ts'
import { createDevSmsGateway } from '../../adapters/sms-gateway.ts'
import { systemClock } from '../../clock.ts'
import { migrate } from '../../db/migrate.ts'
import { openDatabase, type TDatabase } from '../../db/pool.ts'
import { createPgBossJobQueue } from '../../jobs/pg-boss-queue.ts'
import type { TJobQueue } from '../../jobs/queue.ts'
import { createNotifyService, type TNotifyService } from './notify.service.ts'

async function waitFor(check: () => boolean, ms = 20_000): Promise<void> {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error(`condition not met within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

// Production's path on PostgreSQL: pg-boss joins the caller's transaction, so the e-mail job exists exactly
// when the notification does.
describe.skipIf(testDbKind() !== 'postgres')('notify over pg-boss (PostgreSQL)', () => {
  let scratch: Awaited<ReturnType<typeof createScratchPostgresDatabase>>
  let database: TDatabase
  let jobs: TJobQueue
  let notify: TNotifyService
  const sent: TMail[] = []

  beforeAll(async () => {
    scratch = await createScratchPostgresDatabase()
    database = await openDatabase({ url: scratch.url, maxConnections: 3 })
    await migrate(database.pool)
    const log = { info: () => {}, warn: () => {}, error: () => {} }
    jobs = await createPgBossJobQueue({ connectionString: scratch.url, log, pollingIntervalSeconds: 0.5, maxConnections: 2 })
    const mailer = { description: 'collecting', send: async (mail: TMail) => void sent.push(mail) }
    notify = createNotifyService({ db: database.db, clock: systemClock, jobs, mailer, sms: createDevSmsGateway({ db: database.db, log: () => {} }) })
  })
  afterAll(async () => {
    await jobs?.stop()
    await database?.close()
    await scratch?.drop()
  })

  it('sends nothing for a rolled-back transaction and e-mails after a commit', async () => {
    const user = await signInAs(database.db, { displayName: '赵六' })
    await database.db.updateTable('app_user').set({ email: 'zhao@example.com' }).where('id', '=', user.userId).execute()
    const base = { userIds: [user.userId], event: 'org.join_decided' as const, body: '处理结果见平台。' }
    const failing = database.db.transaction().execute(async (trx) => {
      await notify.notify({ ...base, title: '回滚' }, trx)
      throw new Error('rolled back')
    })
    await expect(failing).rejects.toThrow('rolled back')
    await database.db.transaction().execute((trx) => notify.notify({ ...base, title: '已提交' }, trx))
    await notify.notify({ ...base, title: '无事务' })
    await waitFor(() => sent.length >= 2)
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(sent.map((m) => [m.to, m.subject]).sort()).toEqual([
      ['zhao@example.com', '【科享】已提交'],
      ['zhao@example.com', '【科享】无事务'],
    ])
    const statuses = await database.db.selectFrom('notification_delivery').select('status').execute()
    expect(statuses).toEqual([{ status: 'sent' }, { status: 'sent' }])
  })
})
