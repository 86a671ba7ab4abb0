import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { TNotificationPreference } from '../../shared/contracts/notify.ts'
import {
  getNotificationPreferences,
  getUnreadCount,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  updateNotificationPreferences,
} from '../api/notify.ts'
import { useLang } from '../i18n/use-t.ts'
import { USER_QUERY_ROOT } from './session.ts'

const NOTIFICATIONS_ROOT = [...USER_QUERY_ROOT, 'notifications'] as const
const UNREAD_REFRESH_MS = 60_000

/**
 * The unread count for the header badge, refreshed every minute while the page is open.
 * @param isEnabled false while nobody is signed in (or the second factor is pending)
 * @returns the TanStack query of GET /api/notifications/unread-count
 */
export function useUnreadCount(isEnabled: boolean) {
  const { lang } = useLang()
  return useQuery({
    queryKey: [...NOTIFICATIONS_ROOT, 'unread-count'],
    queryFn: ({ signal }) => getUnreadCount({ lang, signal }),
    enabled: isEnabled,
    refetchInterval: UNREAD_REFRESH_MS,
    staleTime: UNREAD_REFRESH_MS,
  })
}

/** @returns the TanStack query of one page of GET /api/notifications */
export function useNotifications(params: { isUnreadOnly: boolean; page: number; pageSize: number }) {
  const { lang } = useLang()
  return useQuery({
    queryKey: [...NOTIFICATIONS_ROOT, 'list', lang, params],
    queryFn: ({ signal }) => listNotifications(params, { lang, signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  })
}

/** @returns the mutation marking one notification read (or all when given no id); lists and the badge refetch */
export function useMarkRead() {
  const { lang } = useLang()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string | null): Promise<{ unreadCount: number }> =>
      id ? markNotificationRead(id, { lang }) : markAllNotificationsRead({ lang }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_ROOT }),
  })
}

/** @returns the TanStack query of GET /api/notification-preferences */
export function useNotificationPreferences() {
  const { lang } = useLang()
  return useQuery({
    queryKey: [...USER_QUERY_ROOT, 'notification-preferences', lang],
    queryFn: ({ signal }) => getNotificationPreferences({ lang, signal }),
  })
}

/** @returns the mutation of PUT /api/notification-preferences; the answer replaces the cached choices */
export function useUpdateNotificationPreferences() {
  const { lang } = useLang()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (changes: TNotificationPreference[]) => updateNotificationPreferences(changes, { lang }),
    onSuccess: (answer) => queryClient.setQueryData([...USER_QUERY_ROOT, 'notification-preferences', lang], answer),
  })
}
