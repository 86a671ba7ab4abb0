import { useState } from 'react'
import { Card, Empty, List, Pagination, Tag, Typography } from 'antd'
import { Link } from 'react-router'
import type { THelpRequest, THelpRequestStatus } from '../../../shared/contracts/help-requests.ts'
import { useT } from '../../i18n/use-t.ts'
import { formatDate, formatDateTime } from '../../lib/format.ts'
import { useMyHelpRequests } from '../../queries/help-requests.ts'
import { QueryError, QueryLoading } from '../query-state.tsx'

const PAGE_SIZE = 5
const STATUS_COLORS: Record<THelpRequestStatus, string> = { open: 'orange', answered: 'green', closed: 'default' }

/**
 * A help request's status as a coloured tag (待答复, 已答复, 已关闭).
 * @returns the tag
 */
export function HelpStatusTag({ status }: { status: THelpRequestStatus }) {
  const t = useT()
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="help-status">
      {t(`helpStatus.${status}`)}
    </Tag>
  )
}

function MyHelpRequest({ request }: { request: THelpRequest }) {
  const t = useT()
  return (
    <List.Item data-testid="my-help-request" className="kx-wrap-anywhere">
      <div style={{ width: '100%' }}>
        <div>
          <HelpStatusTag status={request.status} /> <Typography.Text strong>{request.query}</Typography.Text>
        </div>
        <Typography.Text type="secondary">
          {t('help.sentTo', { node: request.node.name, date: formatDateTime(request.createdAt) })}
          {request.deadline && ` · ${t('help.deadlineOn', { date: formatDate(request.deadline) })}`}
        </Typography.Text>
        {request.details && <Typography.Paragraph className="kx-pre-line">{request.details}</Typography.Paragraph>}
        {request.answer && (
          <div className="kx-help-answer" data-testid="my-help-answer">
            <Typography.Text type="secondary">
              {t('help.answeredBy', {
                name: request.answeredBy?.displayName ?? t('common.none'),
                date: request.answeredAt ? formatDateTime(request.answeredAt) : '',
              })}
            </Typography.Text>
            <Typography.Paragraph className="kx-pre-line" style={{ marginBottom: 0 }}>
              {request.answer}
            </Typography.Paragraph>
          </div>
        )}
      </div>
    </List.Item>
  )
}

/**
 * 我的求助 on /me: the person's 帮我找 requests, newest first, with the operators' answers.
 * @returns the card (anchor #help-requests, where the answer notification links to)
 */
export function MyHelpRequests() {
  const t = useT()
  const [page, setPage] = useState(1)
  const requests = useMyHelpRequests(page, PAGE_SIZE)
  return (
    <Card size="small" title={t('help.mineTitle')} id="help-requests" data-testid="my-help-requests">
      {requests.isPending && <QueryLoading rows={3} />}
      {requests.isError && <QueryError error={requests.error} onRetry={() => void requests.refetch()} />}
      {requests.data?.items.length === 0 && (
        <Empty description={t('help.mineEmpty')}>
          <Link to="/search">{t('help.goSearch')}</Link>
        </Empty>
      )}
      {requests.data && requests.data.items.length > 0 && (
        <List
          dataSource={requests.data.items}
          rowKey="id"
          renderItem={(request) => <MyHelpRequest request={request} />}
        />
      )}
      {requests.data && requests.data.total > PAGE_SIZE && (
        <Pagination simple current={page} pageSize={PAGE_SIZE} total={requests.data.total} onChange={setPage} />
      )}
    </Card>
  )
}
