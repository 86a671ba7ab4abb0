import { registerMessages } from '../../http/messages.ts'

/** The notify module's own messages (zh-CN and en). */
export const NOTIFY_MESSAGES = registerMessages({
  'zh-CN': {
    'notify.NOT_FOUND': '消息不存在',
    'notify.DUPLICATE_PREFERENCE': '同一事件和通知方式只能设置一次：{event} / {channel}',
  },
  en: {
    'notify.NOT_FOUND': 'Notification not found',
    'notify.DUPLICATE_PREFERENCE': 'Each event and channel may be set only once: {event} / {channel}',
  },
})
