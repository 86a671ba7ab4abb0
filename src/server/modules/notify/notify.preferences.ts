import {
  isChannelOnByDefault,
  NOTIFY_CHANNELS,
  NOTIFY_EVENT_NAMES,
  type TNotificationPreferencesResponse,
  type TNotifyChannel,
  type TNotifyEvent,
} from '#shared/contracts/notify.ts'

/** A stored choice (a row of notification_preference). */
export type TStoredChoice = { event: string; channel: string; enabled: boolean }

/** The channels a notification of `event` goes to, given one user's stored choices (defaults otherwise). */
export function channelsFor(event: TNotifyEvent, choices: TStoredChoice[]): Set<TNotifyChannel> {
  const channels = new Set<TNotifyChannel>()
  for (const channel of NOTIFY_CHANNELS) {
    const choice = choices.find((c) => c.event === event && c.channel === channel)
    if (choice ? choice.enabled : isChannelOnByDefault(event, channel)) channels.add(channel)
  }
  return channels
}

/**
 * Every event × channel with its effective setting, for the preferences page. Stored choices for events
 * no longer in the list are ignored.
 */
export function preferenceMatrix(choices: TStoredChoice[]): TNotificationPreferencesResponse {
  const items = NOTIFY_EVENT_NAMES.flatMap((event) =>
    NOTIFY_CHANNELS.map((channel) => {
      const choice = choices.find((c) => c.event === event && c.channel === channel)
      return {
        event,
        channel,
        enabled: choice ? choice.enabled : isChannelOnByDefault(event, channel),
        isDefault: choice === undefined,
      }
    }),
  )
  return { items }
}
