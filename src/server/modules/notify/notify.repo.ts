import type { Insertable, Selectable } from 'kysely'
import type { NotificationDeliveryTable, NotificationTable } from '../../db/schema.ts'
import type { TDb } from '../../db/transaction.ts'

/** A row of notification as the database returns it. */
export type TNotificationRow = Selectable<NotificationTable>

/** The stored choices of these users for one event. */
export async function findChoicesForEvent(db: TDb, userIds: string[], event: string) {
  return db
    .selectFrom('notification_preference')
    .select(['user_id', 'event', 'channel', 'enabled'])
    .where('user_id', 'in', userIds)
    .where('event', '=', event)
    .execute()
}

/** All stored choices of one user. */
export async function findChoicesOfUser(db: TDb, userId: string) {
  return db
    .selectFrom('notification_preference')
    .select(['event', 'channel', 'enabled'])
    .where('user_id', '=', userId)
    .execute()
}

/** Stores choices, replacing earlier ones for the same event and channel. */
export async function upsertChoices(
  db: TDb,
  userId: string,
  choices: { event: string; channel: string; enabled: boolean }[],
  now: Date,
): Promise<void> {
  await db
    .insertInto('notification_preference')
    .values(choices.map((c) => ({ user_id: userId, ...c, updated_at: now })))
    .onConflict((oc) =>
      oc.columns(['user_id', 'event', 'channel']).doUpdateSet((eb) => ({
        enabled: eb.ref('excluded.enabled'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute()
}

/** Writes notifications; returns their ids with their users. */
export async function insertNotifications(db: TDb, rows: Insertable<NotificationTable>[]) {
  return db.insertInto('notification').values(rows).returning(['id', 'user_id']).execute()
}

/** Writes queued deliveries; returns their ids and channels. */
export async function insertDeliveries(db: TDb, rows: Insertable<NotificationDeliveryTable>[]) {
  return db.insertInto('notification_delivery').values(rows).returning(['id', 'channel']).execute()
}

/** One page of a user's inbox, newest first. */
export async function listInbox(
  db: TDb,
  userId: string,
  options: { isUnreadOnly: boolean; limit: number; offset: number },
): Promise<TNotificationRow[]> {
  let query = db.selectFrom('notification').selectAll().where('user_id', '=', userId).where('in_inbox', '=', true)
  if (options.isUnreadOnly) query = query.where('read_at', 'is', null)
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).offset(options.offset).execute()
}

/** How many notifications a user's inbox holds (or how many are unread). */
export async function countInbox(db: TDb, userId: string, options: { isUnreadOnly: boolean }): Promise<number> {
  let query = db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('in_inbox', '=', true)
  if (options.isUnreadOnly) query = query.where('read_at', 'is', null)
  return (await query.executeTakeFirstOrThrow()).n
}

/**
 * Marks one of the user's own inbox notifications read (keeping the first read time).
 * @returns the row's id and read time, or undefined when it is not this user's or does not exist
 */
export async function markRead(db: TDb, userId: string, id: string, now: Date) {
  return db
    .updateTable('notification')
    .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(now)) }))
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('in_inbox', '=', true)
    .returning(['id', 'read_at'])
    .executeTakeFirst()
}

/** Marks every unread inbox notification of the user read; returns how many changed. */
export async function markAllRead(db: TDb, userId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('notification')
    .set({ read_at: now })
    .where('user_id', '=', userId)
    .where('in_inbox', '=', true)
    .where('read_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/**
 * A delivery with what the worker needs to send it: the notification's text and the recipient's address.
 * Reads app_user's e-mail and phone (read only): notify has no identity service to ask (app.ts builds it
 * after notify).
 */
export async function findDeliveryToSend(db: TDb, deliveryId: string) {
  return db
    .selectFrom('notification_delivery as d')
    .innerJoin('notification as n', 'n.id', 'd.notification_id')
    .innerJoin('app_user as u', 'u.id', 'n.user_id')
    .select(['d.id', 'd.channel', 'd.status', 'd.attempts', 'n.event', 'n.title', 'n.body', 'n.link', 'u.email', 'u.phone'])
    .where('d.id', '=', deliveryId)
    .executeTakeFirst()
}

/** Records a successful send (only from `queued`: a delivery is sent once). */
export async function markDeliverySent(db: TDb, deliveryId: string, now: Date): Promise<void> {
  await db
    .updateTable('notification_delivery')
    .set((eb) => ({ status: 'sent', sent_at: now, attempts: eb('attempts', '+', 1), last_error: null }))
    .where('id', '=', deliveryId)
    .where('status', '=', 'queued')
    .execute()
}

/** Records a failed attempt; `isFinal` marks the delivery failed for good. */
export async function markDeliveryAttemptFailed(
  db: TDb,
  deliveryId: string,
  error: string,
  options: { isFinal: boolean; countsAsAttempt: boolean },
): Promise<void> {
  await db
    .updateTable('notification_delivery')
    .set((eb) => ({
      status: options.isFinal ? 'failed' : 'queued',
      attempts: options.countsAsAttempt ? eb('attempts', '+', 1) : eb.ref('attempts'),
      last_error: error.slice(0, 1000),
    }))
    .where('id', '=', deliveryId)
    .where('status', '=', 'queued')
    .execute()
}
