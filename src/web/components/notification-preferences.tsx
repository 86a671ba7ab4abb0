import { App, Card, Switch, Typography } from 'antd'
import type { TNotifyChannel, TNotifyEvent } from '../../shared/contracts/notify.ts'
import { useT } from '../i18n/use-t.ts'
import { useNotificationPreferences, useUpdateNotificationPreferences } from '../queries/notifications.ts'
import { describeError, QueryError, QueryLoading } from './query-state.tsx'

/**
 * 消息设置: one row per event, one switch per channel (站内信, 邮件, 短信). Each switch saves at once.
 * @returns the preferences card
 */
export function NotificationPreferences() {
  const t = useT()
  const { message } = App.useApp()
  const preferences = useNotificationPreferences()
  const update = useUpdateNotificationPreferences()
  if (preferences.isPending) return <QueryLoading rows={4} />
  if (preferences.isError) return <QueryError error={preferences.error} onRetry={() => void preferences.refetch()} />

  // Events and channels come from the answer (every event × channel, in the server's order), so the page
  // needs no copy of the lists and does not load the contracts' zod schemas.
  const events = [...new Set(preferences.data.items.map((item) => item.event))]
  const channels = [...new Set(preferences.data.items.map((item) => item.channel))]
  const isEnabled = (event: TNotifyEvent, channel: TNotifyChannel) =>
    preferences.data.items.find((item) => item.event === event && item.channel === channel)?.enabled ?? false
  const toggle = (event: TNotifyEvent, channel: TNotifyChannel, enabled: boolean) =>
    update.mutate([{ event, channel, enabled }], {
      onSuccess: () => void message.success(t('inbox.prefsSaved')),
      onError: (error) => void message.error(describeError(error, t)),
    })

  return (
    <Card size="small" title={t('inbox.prefsTitle')} data-testid="notification-preferences">
      <Typography.Paragraph type="secondary">{t('inbox.prefsLead')}</Typography.Paragraph>
      {events.map((event) => (
        <div key={event} className="kx-pref-row">
          <Typography.Text strong className="kx-pref-event">
            {t(`notifyEvent.${event}`)}
          </Typography.Text>
          <div className="kx-pref-switches">
            {channels.map((channel) => (
              <label key={channel} className="kx-inline-switch">
                <Switch
                  size="small"
                  checked={isEnabled(event, channel)}
                  loading={
                    update.isPending &&
                    update.variables?.[0]?.event === event &&
                    update.variables[0].channel === channel
                  }
                  onChange={(checked) => toggle(event, channel, checked)}
                  aria-label={`${t(`notifyEvent.${event}`)} · ${t(`notifyChannel.${channel}`)}`}
                />{' '}
                {t(`notifyChannel.${channel}`)}
              </label>
            ))}
          </div>
        </div>
      ))}
    </Card>
  )
}
