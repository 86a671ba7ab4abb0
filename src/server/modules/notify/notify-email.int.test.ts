import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { createNode, createOrganisation } from '../../../../test/helpers/factories.ts'
import { signInAs } from '../../../../test/helpers/sessions.ts'
import { decodeHeader, startSmtpSink } from '../../../../test/helpers/smtp-sink.ts'
import { createSmtpMailer } from '../../adapters/mailer.ts'
import { createDevSmsGateway } from '../../adapters/sms-gateway.ts'
import { systemClock } from '../../clock.ts'
import { createInProcessJobQueue, type TInProcessJobQueue } from '../../jobs/queue.ts'
import { createNotifyService } from './notify.service.ts'

// E-mail over real SMTP: an smtp-server on 127.0.0.1 receives what nodemailer sends.
let ctx: TTestContext
let smtp: Awaited<ReturnType<typeof startSmtpSink>>
let mailer: ReturnType<typeof createSmtpMailer>
let jobs: TInProcessJobQueue

beforeAll(async () => {
  smtp = await startSmtpSink()
  mailer = createSmtpMailer({ url: smtp.url, from: '科享平台 <noreply@kexiang.test>' })
  jobs = createInProcessJobQueue({ delayScale: 0.001 })
  ctx = await createTestApp({ mailer, jobs })
})
afterAll(async () => {
  await jobs.stop()
  await ctx.close()
  mailer.close()
  await smtp.close()
})

const withEmail = async (email: string, options: Parameters<typeof signInAs>[1] = {}) => {
  const session = await signInAs(ctx.database.db, options)
  await ctx.database.db.updateTable('app_user').set({ email }).where('id', '=', session.userId).execute()
  return session
}

describe('e-mail notifications over SMTP', () => {
  it('arrives with the recipient, subject and Chinese body intact', async () => {
    const { db } = ctx.database
    const user = await withEmail('zhang.san@example.com', { displayName: '张三' })
    // A notify service of the test's own, on a queue without the app's workers.
    const ownJobs = createInProcessJobQueue({ delayScale: 0.001 })
    const notify = createNotifyService({ db, clock: systemClock, jobs: ownJobs, mailer, sms: createDevSmsGateway({ db, log: () => {} }) })
    const body = '您注册的单位“黑龙江省科学院技术物理研究所”已通过审核。\n欢迎使用科享平台共享大型科研仪器，谢谢！'
    await notify.notify({ userIds: [user.userId], event: 'org.review_decided', title: '单位注册已通过审核', body, link: '/organisations/42' })
    await ownJobs.drain()
    await ownJobs.stop()

    const mail = smtp.messages.find((m) => m.rcptTo.includes('zhang.san@example.com'))
    expect(mail).toBeDefined()
    expect(mail!.headers.to).toBe('zhang.san@example.com')
    expect(decodeHeader(mail!.headers.from ?? '')).toBe('科享平台 <noreply@kexiang.test>')
    expect(mail!.headers['content-type']).toMatch(/^text\/plain; charset=utf-8/i)
    expect(mail!.subject).toBe('【科享】单位注册已通过审核')
    expect(mail!.text.startsWith(`${body}\n\n详情请登录科享平台查看：/organisations/42\n`)).toBe(true)
    // The raw message is 7-bit clean: the Chinese travels encoded, not as raw UTF-8 bytes.
    expect(Buffer.from(mail!.raw, 'utf8').every((byte) => byte < 0x80)).toBe(true)
    const delivery = await db
      .selectFrom('notification_delivery as d')
      .innerJoin('notification as n', 'n.id', 'd.notification_id')
      .select(['d.status', 'd.attempts', 'd.sent_at'])
      .where('n.user_id', '=', user.userId)
      .executeTakeFirstOrThrow()
    expect(delivery).toMatchObject({ status: 'sent', attempts: 1, sent_at: expect.any(Date) })
  })

  it('goes out from the app’s own flow: a join request e-mails the unit’s admins', async () => {
    const { db } = ctx.database
    const node = await createNode(db)
    const org = await createOrganisation(db, node.id, { name: '哈尔滨工业测试中心' })
    await withEmail('org.admin@example.com', { displayName: '单位管理员', grants: [{ role: 'org_admin', orgId: org.id }] })
    const applicant = await signInAs(db, { displayName: '申请人小王' })
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/organisations/${org.id}/join-requests`,
      headers: { cookie: applicant.cookie, 'content-type': 'application/json' },
      payload: JSON.stringify({ message: '希望加入' }),
    })
    expect(res.statusCode).toBe(201)
    await jobs.drain()
    const mail = smtp.messages.find((m) => m.rcptTo.includes('org.admin@example.com'))
    expect(mail?.subject).toBe('【科享】新的加入单位申请')
    expect(mail?.text).toContain('申请人小王 申请加入“哈尔滨工业测试中心”')
  })
})
