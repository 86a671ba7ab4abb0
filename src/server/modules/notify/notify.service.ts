import type { Kysely } from 'kysely'
import { z } from 'zod'
import {
  type TListNotificationsQuery,
  type TListNotificationsResponse,
  type TMarkAllReadResponse,
  type TMarkReadResponse,
  type TNotificationItem,
  type TNotificationPreferencesResponse,
  type TNotifyEvent,
  type TUnreadCountResponse,
  type TUpdateNotificationPreferencesRequest,
  ZNotifyEvent,
} from '#shared/contracts/notify.ts'
import type { TMailer } from '../../adapters/mailer.ts'
import type { TSmsGateway } from '../../adapters/sms-gateway.ts'
import type { TClock } from '../../clock.ts'
import { requireActor, type TRequestContext } from '../../context.ts'
import type { DB } from '../../db/schema.ts'
import { inTransaction, type TDb } from '../../db/transaction.ts'
import { AppError } from '../../errors.ts'
import type { TJobQueue } from '../../jobs/queue.ts'
import './notify.messages.ts'
import { channelsFor, preferenceMatrix } from './notify.preferences.ts'
import * as repo from './notify.repo.ts'
import { DELIVERY_RETRY, EMAIL_JOB, registerDeliveryWorkers, SMS_JOB } from './notify.workers.ts'

/** What another module sends: the same title and body to each user, on the channels each one chose. */
export type TNotification = { userIds: string[]; event: TNotifyEvent; title: string; body: string; link?: string }

/** Users per INSERT: 1 000 rows × 7 columns stays far below PostgreSQL's 65 535 parameters. */
const USERS_PER_INSERT = 1000

const ZNotification = z.object({
  userIds: z.array(z.uuid()).max(10_000),
  event: ZNotifyEvent,
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().max(2000),
  /** A path inside the portal; never another site (the e-mail shows it). */
  link: z
    .string()
    .regex(/^\/(?![/\\])/)
    .max(500)
    .optional(),
})

function toItem(row: repo.TNotificationRow): TNotificationItem {
  return {
    id: row.id,
    event: row.event as TNotifyEvent,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  }
}

/**
 * Notifications: the in-site inbox, e-mail and SMS, by each user's preferences. Other modules call
 * `notify()`; e-mail and SMS go out from background jobs (notify.workers.ts) so a slow mail server never
 * holds up a request. Users read and mark only their own notifications.
 */
export function createNotifyService(deps: {
  db: Kysely<DB>
  clock: TClock
  jobs: TJobQueue
  mailer: TMailer
  sms: TSmsGateway
}) {
  const { db, clock, jobs } = deps
  // Built synchronously by app.ts, so the workers start in the background. Should that fail (a broken queue,
  // or a second notify service on the same queue), notify() rethrows the error on every call.
  const workersReady = registerDeliveryWorkers(deps)
  workersReady.catch(() => undefined)

  /**
   * Notifies users of an event. Writes the inbox rows and the queued deliveries in the caller's transaction
   * when given (so they commit or roll back with the change they announce), then enqueues one job per
   * e-mail / SMS delivery:
   * - pg-boss joins the transaction, so the job exists exactly when the rows do;
   * - the in-process queue cannot: without a caller's transaction it enqueues after notify's own commit;
   *   with one it enqueues at once and the job retries until the rows are visible (see notify.workers.ts).
   * @throws Error when the input breaks the contract (a programming mistake in the caller), or when the
   *   delivery workers could not start
   */
  async function notify(input: TNotification, trx?: TDb): Promise<void> {
    await workersReady
    const parsed = ZNotification.safeParse(input)
    if (!parsed.success) throw new Error(`notify(): invalid input: ${parsed.error.message}`)
    const userIds = [...new Set(parsed.data.userIds)]
    if (userIds.length === 0) return
    const sendInside = jobs.canJoinTransaction || trx?.isTransaction === true
    const deliveries = await inTransaction(trx ?? db, async (t) => {
      const queued: { id: string; channel: string }[] = []
      // In slices, so that no statement exceeds PostgreSQL's 65 535 parameters.
      for (let i = 0; i < userIds.length; i += USERS_PER_INSERT) {
        queued.push(...(await writeNotifications(t, { ...parsed.data, userIds: userIds.slice(i, i + USERS_PER_INSERT) })))
      }
      if (sendInside) await enqueue(queued, t)
      return queued
    })
    if (!sendInside) await enqueue(deliveries)
  }

  /** Inbox rows and queued deliveries for some users, by each one's choices; returns the deliveries. */
  async function writeNotifications(t: TDb, n: z.infer<typeof ZNotification>): Promise<{ id: string; channel: string }[]> {
    const choices = await repo.findChoicesForEvent(t, n.userIds, n.event)
    const plans = n.userIds
      .map((userId) => ({ userId, channels: channelsFor(n.event, choices.filter((c) => c.user_id === userId)) }))
      .filter((plan) => plan.channels.size > 0)
    if (plans.length === 0) return []
    const now = clock.now()
    const created = await repo.insertNotifications(
      t,
      plans.map((p) => ({
        user_id: p.userId,
        event: n.event,
        title: n.title,
        body: n.body,
        link: n.link ?? null,
        in_inbox: p.channels.has('inbox'),
        created_at: now,
      })),
    )
    const idOfUser = new Map(created.map((row) => [row.user_id, row.id]))
    const rows = plans.flatMap((p) =>
      (['email', 'sms'] as const)
        .filter((channel) => p.channels.has(channel))
        .map((channel) => ({ notification_id: idOfUser.get(p.userId)!, channel, created_at: now })),
    )
    return rows.length > 0 ? repo.insertDeliveries(t, rows) : []
  }

  async function enqueue(deliveries: { id: string; channel: string }[], trx?: TDb): Promise<void> {
    for (const d of deliveries) {
      const job = d.channel === 'email' ? EMAIL_JOB : SMS_JOB
      await jobs.send(job, { deliveryId: d.id }, { ...DELIVERY_RETRY, ...(trx ? { trx } : {}) })
    }
  }

  /**
   * One page of the signed-in user's inbox, newest first, with the unread count.
   * @throws AppError UNAUTHENTICATED | SECOND_FACTOR_REQUIRED
   */
  async function listNotifications(ctx: TRequestContext, query: TListNotificationsQuery): Promise<TListNotificationsResponse> {
    const actor = requireActor(ctx)
    const { page, pageSize, unreadOnly } = query
    const [rows, total, unreadCount] = await Promise.all([
      repo.listInbox(db, actor.userId, { isUnreadOnly: unreadOnly, limit: pageSize, offset: (page - 1) * pageSize }),
      repo.countInbox(db, actor.userId, { isUnreadOnly: unreadOnly }),
      repo.countInbox(db, actor.userId, { isUnreadOnly: true }),
    ])
    return { items: rows.map(toItem), total, page, pageSize, unreadCount }
  }

  /**
   * How many of the signed-in user's notifications are unread (the bell's badge).
   * @throws AppError UNAUTHENTICATED | SECOND_FACTOR_REQUIRED
   */
  async function getUnreadCount(ctx: TRequestContext): Promise<TUnreadCountResponse> {
    const actor = requireActor(ctx)
    return { unreadCount: await repo.countInbox(db, actor.userId, { isUnreadOnly: true }) }
  }

  /**
   * Marks one of the user's own notifications read; marking it again keeps the first time.
   * @throws AppError UNAUTHENTICATED | SECOND_FACTOR_REQUIRED | NOT_FOUND (absent, or another user's)
   */
  async function markRead(ctx: TRequestContext, id: string): Promise<TMarkReadResponse> {
    const actor = requireActor(ctx)
    const row = await repo.markRead(db, actor.userId, id, clock.now())
    if (!row?.read_at) throw new AppError('NOT_FOUND', `notification ${id} not found for this user`, { messageKey: 'notify.NOT_FOUND' })
    const unreadCount = await repo.countInbox(db, actor.userId, { isUnreadOnly: true })
    return { id: row.id, readAt: row.read_at.toISOString(), unreadCount }
  }

  /**
   * Marks all of the user's notifications read.
   * @throws AppError UNAUTHENTICATED | SECOND_FACTOR_REQUIRED
   */
  async function markAllRead(ctx: TRequestContext): Promise<TMarkAllReadResponse> {
    const actor = requireActor(ctx)
    const updated = await repo.markAllRead(db, actor.userId, clock.now())
    return { updated, unreadCount: 0 }
  }

  /**
   * Every event × channel with the user's effective choice.
   * @throws AppError UNAUTHENTICATED | SECOND_FACTOR_REQUIRED
   */
  async function getPreferences(ctx: TRequestContext): Promise<TNotificationPreferencesResponse> {
    const actor = requireActor(ctx)
    return preferenceMatrix(await repo.findChoicesOfUser(db, actor.userId))
  }

  /**
   * Stores the user's choices (the ones not listed stay as they are) and answers the full matrix.
   * @throws AppError UNAUTHENTICATED | SECOND_FACTOR_REQUIRED | VALIDATION (an event × channel twice)
   */
  async function updatePreferences(
    ctx: TRequestContext,
    choices: TUpdateNotificationPreferencesRequest,
  ): Promise<TNotificationPreferencesResponse> {
    const actor = requireActor(ctx)
    const seen = new Set<string>()
    for (const c of choices) {
      const key = `${c.event}/${c.channel}`
      if (seen.has(key)) {
        throw new AppError('VALIDATION', `duplicate preference ${key}`, {
          messageKey: 'notify.DUPLICATE_PREFERENCE',
          vars: { event: c.event, channel: c.channel },
        })
      }
      seen.add(key)
    }
    await repo.upsertChoices(db, actor.userId, choices, clock.now())
    return preferenceMatrix(await repo.findChoicesOfUser(db, actor.userId))
  }

  return { notify, listNotifications, getUnreadCount, markRead, markAllRead, getPreferences, updatePreferences }
}

export type TNotifyService = ReturnType<typeof createNotifyService>
