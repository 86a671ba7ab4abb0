import { useState } from 'react'
import { App, Button, Card, Empty, Pagination, Switch, Tag, Typography } from 'antd'
import { useNavigate } from 'react-router'
import type { TNotificationItem } from '../../shared/contracts/notify.ts'
import { NotificationPreferences } from '../components/notification-preferences.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { describeError, QueryError, QueryLoading } from '../components/query-state.tsx'
import { RequireSignIn } from '../components/require-sign-in.tsx'
import { useT } from '../i18n/use-t.ts'
import { formatDateTime } from '../lib/format.ts'
import { useMarkRead, useNotifications } from '../queries/notifications.ts'

const PAGE_SIZE = 20

type TItemProps = {
  item: TNotificationItem
  onOpen: (item: TNotificationItem) => void
  onRead: (item: TNotificationItem) => void
}

function NotificationCard({ item, onOpen, onRead }: TItemProps) {
  const t = useT()
  const isUnread = item.readAt === null
  return (
    <Card
      size="small"
      className={isUnread ? 'kx-notice kx-notice-unread' : 'kx-notice'}
      data-testid="notification"
      data-unread={isUnread}
    >
      <div className="kx-row-main">
        <div>
          {isUnread && (
            <Tag color="blue" data-testid="unread-marker">
              {t('inbox.unread')}
            </Tag>
          )}
          <strong data-testid="notification-title">{item.title}</strong>
        </div>
        <Typography.Paragraph style={{ margin: '4px 0' }}>{item.body}</Typography.Paragraph>
        <span className="kx-meta">
          {t(`notifyEvent.${item.event}`)} · {formatDateTime(item.createdAt)}
        </span>
      </div>
      <div className="kx-row-actions">
        {item.link && (
          <Button size="small" type="link" onClick={() => onOpen(item)}>
            {t('inbox.open')}
          </Button>
        )}
        {isUnread && (
          <Button size="small" onClick={() => onRead(item)} data-testid="mark-read">
            {t('inbox.markRead')}
          </Button>
        )}
      </div>
    </Card>
  )
}

function Inbox() {
  const t = useT()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const [isUnreadOnly, setUnreadOnly] = useState(false)
  const [page, setPage] = useState(1)
  const list = useNotifications({ isUnreadOnly, page, pageSize: PAGE_SIZE })
  const markRead = useMarkRead()
  const onError = (error: Error) => void message.error(describeError(error, t))
  const read = (item: TNotificationItem) => markRead.mutate(item.id, { onError })
  const open = (item: TNotificationItem) => {
    if (item.readAt === null) markRead.mutate(item.id, { onError })
    if (item.link) navigate(item.link)
  }

  return (
    <section className="kx-stack" data-testid="inbox">
      <div className="kx-filters" style={{ alignItems: 'center', marginBottom: 0 }}>
        <label className="kx-inline-switch">
          <Switch
            size="small"
            checked={isUnreadOnly}
            onChange={(checked) => {
              setUnreadOnly(checked)
              setPage(1)
            }}
          />{' '}
          {t('inbox.unreadOnly')}
        </label>
        <Button
          onClick={() => markRead.mutate(null, { onError })}
          disabled={!list.data || list.data.unreadCount === 0}
          data-testid="mark-all-read"
        >
          {t('inbox.markAllRead')}
        </Button>
        {list.data && (
          <Typography.Text type="secondary" data-testid="unread-count">
            {t('inbox.unreadCount', { count: list.data.unreadCount })}
          </Typography.Text>
        )}
      </div>
      {list.isPending && <QueryLoading rows={6} />}
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data?.items.length === 0 && <Empty description={isUnreadOnly ? t('inbox.noUnread') : t('inbox.empty')} />}
      {list.data?.items.map((item) => (
        <NotificationCard key={item.id} item={item} onOpen={open} onRead={read} />
      ))}
      {list.data && list.data.total > PAGE_SIZE && (
        <Pagination simple current={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={setPage} />
      )}
    </section>
  )
}

/**
 * 消息 (/inbox): my notifications, newest first, unread ones marked (or only those); open, mark read,
 * mark all read; then the notification preferences (event × channel).
 * @returns the inbox page
 */
export function InboxPage() {
  const t = useT()
  return (
    <>
      <PageHeading title={t('inbox.title')} />
      <RequireSignIn>
        {() => (
          <div className="kx-stack">
            <Inbox />
            <NotificationPreferences />
          </div>
        )}
      </RequireSignIn>
    </>
  )
}
