import type {
  TListNotificationsResponse,
  TMarkAllReadResponse,
  TMarkReadResponse,
  TNotificationPreference,
  TNotificationPreferencesResponse,
  TUnreadCountResponse,
} from '../../shared/contracts/notify.ts'
import { apiGet, apiSend, type TRequestOptions } from '../api-client.ts'

/** @returns GET /api/notifications: newest first, with the unread count */
export function listNotifications(
  params: { isUnreadOnly: boolean; page: number; pageSize: number },
  options: TRequestOptions,
): Promise<TListNotificationsResponse> {
  const query = new URLSearchParams({
    unreadOnly: String(params.isUnreadOnly),
    page: String(params.page),
    pageSize: String(params.pageSize),
  })
  return apiGet(`/api/notifications?${query.toString()}`, options)
}

/** @returns GET /api/notifications/unread-count */
export function getUnreadCount(options: TRequestOptions): Promise<TUnreadCountResponse> {
  return apiGet('/api/notifications/unread-count', options)
}

/** @returns POST /api/notifications/:id/read (no body) */
export function markNotificationRead(id: string, options: TRequestOptions): Promise<TMarkReadResponse> {
  return apiSend('POST', `/api/notifications/${encodeURIComponent(id)}/read`, undefined, options)
}

/** @returns POST /api/notifications/read-all (no body) */
export function markAllNotificationsRead(options: TRequestOptions): Promise<TMarkAllReadResponse> {
  return apiSend('POST', '/api/notifications/read-all', undefined, options)
}

/** @returns GET /api/notification-preferences: every event × channel */
export function getNotificationPreferences(options: TRequestOptions): Promise<TNotificationPreferencesResponse> {
  return apiGet('/api/notification-preferences', options)
}

/** @returns PUT /api/notification-preferences: changes the given choices only */
export function updateNotificationPreferences(
  changes: TNotificationPreference[],
  options: TRequestOptions,
): Promise<TNotificationPreferencesResponse> {
  return apiSend('PUT', '/api/notification-preferences', changes, options)
}
