import { z } from 'zod'

/**
 * Every event that can notify a user: a closed list, so preferences can be shown for each. A module that
 * needs a new event adds it here (with `isTimeCritical` when an SMS should go out unless the user opts
 * out) and then calls `notify.notify({ event, … })`.
 */
export const NOTIFY_EVENTS = {
  /** An organisation's registration was approved or rejected (to its registrant and admins). */
  'org.review_decided': { isTimeCritical: false },
  /** Someone asked to join an organisation (to its admins). */
  'org.join_requested': { isTimeCritical: false },
  /** A request to join an organisation was approved or rejected (to the requester). */
  'org.join_decided': { isTimeCritical: false },
  /** A unit registered on a node and waits for review (to the node's operators and admins, and those above). */
  'org.registered': { isTimeCritical: false },
  /** An organisation admin changed a person's roles in the unit (to that person). */
  'org.roles_changed': { isTimeCritical: false },
  /** Someone asked the node for help finding a resource, 帮我找 (to the node's operators). */
  'help_request.created': { isTimeCritical: false },
  /** A node operator answered a help request (to the requester). */
  'help_request.answered': { isTimeCritical: false },
  /** A resource or a change to it was approved or returned by the node (to the unit's resource managers). */
  'resource.reviewed': { isTimeCritical: false },
  /** A published resource was taken offline (to the unit's resource managers). */
  'resource.offline': { isTimeCritical: false },
  /** A booking was received, pending approval or confirmed at once (to the person who booked). */
  'booking.submitted': { isTimeCritical: false },
  /** Someone booked an instrument (to its managers: approve it, or prepare for it). */
  'booking.requested': { isTimeCritical: false },
  /** A manager approved or rejected a booking (to the person who booked). */
  'booking.decided': { isTimeCritical: false },
  /** A booking was cancelled, rescheduled or checked in (to the person and the instrument's managers). */
  'booking.changed': { isTimeCritical: false },
  /** A booking was not checked in and its slot was released (to the person and the managers). */
  'booking.no_show': { isTimeCritical: false },
  /** Security-relevant account activity: password changed, new sign-in, second factor changed. */
  'account.security': { isTimeCritical: true },
} as const satisfies Record<string, { isTimeCritical: boolean }>

/** One of NOTIFY_EVENTS, e.g. `org.review_decided`. */
export type TNotifyEvent = keyof typeof NOTIFY_EVENTS
/** The event names, in the order the preferences page lists them. */
export const NOTIFY_EVENT_NAMES = Object.keys(NOTIFY_EVENTS) as [TNotifyEvent, ...TNotifyEvent[]]
export const ZNotifyEvent = z.enum(NOTIFY_EVENT_NAMES)

/** Where a notification can go: the in-site inbox (站内信), e-mail, SMS. */
export const NOTIFY_CHANNELS = ['inbox', 'email', 'sms'] as const
export const ZNotifyChannel = z.enum(NOTIFY_CHANNELS)
export type TNotifyChannel = z.infer<typeof ZNotifyChannel>

/** Whether a channel is on when the user has not chosen: inbox and e-mail on, SMS only if time-critical. */
export function isChannelOnByDefault(event: TNotifyEvent, channel: TNotifyChannel): boolean {
  if (channel === 'sms') return NOTIFY_EVENTS[event].isTimeCritical
  return true
}

/** Query of GET /api/notifications. */
export const ZListNotificationsQuery = z.object({
  unreadOnly: z.stringbool().default(false),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
export type TListNotificationsQuery = z.infer<typeof ZListNotificationsQuery>

/** One notification in the inbox. */
export const ZNotificationItem = z.object({
  id: z.uuid(),
  event: ZNotifyEvent,
  title: z.string(),
  body: z.string(),
  /** A path inside the portal, or null. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
})
export type TNotificationItem = z.infer<typeof ZNotificationItem>

/** GET /api/notifications: one page, newest first, and the unread count for the bell. */
export const ZListNotificationsResponse = z.object({
  items: z.array(ZNotificationItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  unreadCount: z.number().int(),
})
export type TListNotificationsResponse = z.infer<typeof ZListNotificationsResponse>

/** GET /api/notifications/unread-count */
export const ZUnreadCountResponse = z.object({ unreadCount: z.number().int() })
export type TUnreadCountResponse = z.infer<typeof ZUnreadCountResponse>

/** `:id` of POST /api/notifications/:id/read */
export const ZNotificationIdParams = z.object({ id: z.uuid() })

/** POST /api/notifications/:id/read */
export const ZMarkReadResponse = z.object({ id: z.uuid(), readAt: z.string(), unreadCount: z.number().int() })
export type TMarkReadResponse = z.infer<typeof ZMarkReadResponse>

/** POST /api/notifications/read-all */
export const ZMarkAllReadResponse = z.object({ updated: z.number().int(), unreadCount: z.number().int() })
export type TMarkAllReadResponse = z.infer<typeof ZMarkAllReadResponse>

/** One choice: whether `event` reaches the user on `channel`. */
export const ZNotificationPreference = z.object({
  event: ZNotifyEvent,
  channel: ZNotifyChannel,
  enabled: z.boolean(),
})
export type TNotificationPreference = z.infer<typeof ZNotificationPreference>

/** GET/PUT /api/notification-preferences answer: every event × channel, with whether it is the default. */
export const ZNotificationPreferencesResponse = z.object({
  items: z.array(ZNotificationPreference.extend({ isDefault: z.boolean() })),
})
export type TNotificationPreferencesResponse = z.infer<typeof ZNotificationPreferencesResponse>

/** PUT /api/notification-preferences: a JSON array of the choices to change (others stay as they are). */
export const ZUpdateNotificationPreferencesRequest = z
  .array(ZNotificationPreference)
  .min(1)
  .max(NOTIFY_EVENT_NAMES.length * NOTIFY_CHANNELS.length)
export type TUpdateNotificationPreferencesRequest = z.infer<typeof ZUpdateNotificationPreferencesRequest>
