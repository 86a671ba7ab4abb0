import {
  ZListNotificationsQuery,
  ZListNotificationsResponse,
  ZMarkAllReadResponse,
  ZMarkReadResponse,
  ZNotificationIdParams,
  ZNotificationPreferencesResponse,
  ZUnreadCountResponse,
  ZUpdateNotificationPreferencesRequest,
} from '#shared/contracts/notify.ts'
import type { TApp } from '../../http/app-type.ts'
import type { TNotifyService } from './notify.service.ts'

/** The signed-in user's inbox (站内信) and notification preferences. */
export function registerNotifyRoutes(app: TApp, deps: { notify: TNotifyService }): void {
  const { notify } = deps
  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notify'],
        summary: '我的消息 My notifications, newest first, with the unread count',
        querystring: ZListNotificationsQuery,
        response: { 200: ZListNotificationsResponse },
      },
    },
    (request) => notify.listNotifications(request.ctx, request.query),
  )
  app.get(
    '/api/notifications/unread-count',
    {
      schema: {
        tags: ['notify'],
        summary: '未读消息数 How many of my notifications are unread',
        response: { 200: ZUnreadCountResponse },
      },
    },
    (request) => notify.getUnreadCount(request.ctx),
  )
  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags: ['notify'],
        summary: '标记已读 Mark one of my notifications read (no body)',
        params: ZNotificationIdParams,
        response: { 200: ZMarkReadResponse },
      },
    },
    (request) => notify.markRead(request.ctx, request.params.id),
  )
  app.post(
    '/api/notifications/read-all',
    {
      schema: {
        tags: ['notify'],
        summary: '全部已读 Mark all my notifications read (no body)',
        response: { 200: ZMarkAllReadResponse },
      },
    },
    (request) => notify.markAllRead(request.ctx),
  )
  app.get(
    '/api/notification-preferences',
    {
      schema: {
        tags: ['notify'],
        summary: '消息设置 Every event × channel with my choice or the default',
        response: { 200: ZNotificationPreferencesResponse },
      },
    },
    (request) => notify.getPreferences(request.ctx),
  )
  app.put(
    '/api/notification-preferences',
    {
      schema: {
        tags: ['notify'],
        summary: '修改消息设置 Change some choices (a JSON array of { event, channel, enabled })',
        body: ZUpdateNotificationPreferencesRequest,
        response: { 200: ZNotificationPreferencesResponse },
      },
    },
    (request) => notify.updatePreferences(request.ctx, request.body),
  )
}
