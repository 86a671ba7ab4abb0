import type { Kysely } from 'kysely'
import type { TMailer } from '../../adapters/mailer.ts'
import type { TSmsGateway } from '../../adapters/sms-gateway.ts'
import type { TClock } from '../../clock.ts'
import type { DB } from '../../db/schema.ts'
import type { TJobInfo, TJobOptions, TJobQueue } from '../../jobs/queue.ts'
import * as repo from './notify.repo.ts'

/** The queue of e-mail deliveries. */
export const EMAIL_JOB = 'notify-email'
/** The queue of SMS deliveries. */
export const SMS_JOB = 'notify-sms'

/** 5 retries, 30 s doubling: the last one about 15 minutes after the first failure. */
export const DELIVERY_RETRY: TJobOptions = { retryLimit: 5, retryDelaySeconds: 30 }

/** What a delivery job carries: only the id; the worker reads the rest when it runs. */
export type TDeliveryJob = { deliveryId: string }

const SMS_MAX_CHARS = 140

/** The e-mail of a notification: subject with the platform's name, plain text with the link if any. */
export function emailOf(n: { title: string; body: string; link: string | null }): { subject: string; text: string } {
  const lines = [n.body, '']
  if (n.link) lines.push(`详情请登录科享平台查看：${n.link}`, '')
  lines.push('—— 科享 科技资源共享服务平台（系统自动发送，请勿回复；可在“消息设置”中调整通知方式）')
  return { subject: `【科享】${n.title}`, text: lines.join('\n') }
}

/** The SMS of a notification, cut to 140 characters. */
export function smsOf(n: { title: string; body: string }): string {
  const full = `【科享】${n.title}：${n.body}`
  return full.length <= SMS_MAX_CHARS ? full : `${full.slice(0, SMS_MAX_CHARS - 1)}…`
}

/**
 * Registers the e-mail and SMS workers. Each job sends one delivery once: a delivery already sent or
 * failed is left alone (a retried or duplicated job does nothing), and the outcome of every attempt is
 * written to notification_delivery. A delivery that is not visible yet (its notification's transaction
 * has not committed) is retried; if it never appears (rolled back) the last attempt ends quietly.
 */
export async function registerDeliveryWorkers(deps: {
  db: Kysely<DB>
  clock: TClock
  jobs: TJobQueue
  mailer: TMailer
  sms: TSmsGateway
}): Promise<void> {
  const { db, clock } = deps

  async function deliver(data: TDeliveryJob, job: TJobInfo): Promise<void> {
    const delivery = await repo.findDeliveryToSend(db, data.deliveryId)
    if (!delivery) {
      if (job.isLastAttempt) return
      throw new Error(`delivery ${data.deliveryId} is not visible (yet): its transaction may not have committed`)
    }
    if (delivery.status !== 'queued') return
    const address = delivery.channel === 'email' ? delivery.email : delivery.phone
    if (!address) {
      const reason = delivery.channel === 'email' ? 'no e-mail address on file' : 'no mobile number on file'
      await repo.markDeliveryAttemptFailed(db, delivery.id, reason, { isFinal: true, countsAsAttempt: false })
      return
    }
    try {
      if (delivery.channel === 'email') await deps.mailer.send({ to: address, ...emailOf(delivery) })
      else await deps.sms.send(address, smsOf(delivery))
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err)
      await repo.markDeliveryAttemptFailed(db, delivery.id, reason, { isFinal: job.isLastAttempt, countsAsAttempt: true })
      throw err
    }
    await repo.markDeliverySent(db, delivery.id, clock.now())
  }

  await deps.jobs.work<TDeliveryJob>(EMAIL_JOB, deliver)
  await deps.jobs.work<TDeliveryJob>(SMS_JOB, deliver)
}
