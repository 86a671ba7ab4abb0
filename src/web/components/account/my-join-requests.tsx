import { useState } from 'react'
import { App, Button, Card, Empty, Pagination, Popconfirm, Tag, Typography } from 'antd'
import { Link } from 'react-router'
import type { TMyJoinRequest } from '../../../shared/contracts/organisations.ts'
import { useT } from '../../i18n/use-t.ts'
import { formatDate } from '../../lib/format.ts'
import { useCancelJoinRequest, useMyJoinRequests } from '../../queries/organisations.ts'
import { describeError, QueryError, QueryLoading } from '../query-state.tsx'

const PAGE_SIZE = 10
const STATUS_COLOURS = { pending: 'processing', approved: 'success', rejected: 'error' } as const

type TRequestRowProps = { request: TMyJoinRequest; isCancelling: boolean; onCancel: (r: TMyJoinRequest) => void }

function RequestRow({ request, isCancelling, onCancel }: TRequestRowProps) {
  const t = useT()
  return (
    <Card
      size="small"
      className="kx-row-card kx-wrap-anywhere"
      data-testid="my-join-request"
      data-status={request.status}
    >
      <div className="kx-row-main">
        <span>
          <Link to={`/orgs/${request.org.id}`}>{request.org.name}</Link>{' '}
          <Tag color={STATUS_COLOURS[request.status]}>{t(`joinStatus.${request.status}`)}</Tag>
        </span>
        <span className="kx-meta">
          {t('myJoin.sentAt', { date: formatDate(request.createdAt) })}
          {request.decidedAt && ` · ${t('myJoin.decidedAt', { date: formatDate(request.decidedAt) })}`}
        </span>
        {request.reason && (
          <Typography.Text type="secondary">{t('myJoin.reason', { reason: request.reason })}</Typography.Text>
        )}
      </div>
      {request.status === 'pending' && (
        <Popconfirm
          title={t('myJoin.cancelConfirm', { name: request.org.name })}
          okText={t('myJoin.cancel')}
          cancelText={t('common.cancel')}
          onConfirm={() => onCancel(request)}
        >
          <Button size="small" loading={isCancelling} data-testid="cancel-join-request">
            {t('myJoin.cancel')}
          </Button>
        </Popconfirm>
      )}
    </Card>
  )
}

/**
 * 我的加入申请: the person's requests to join units, newest first, with the decision and its reason; a
 * pending one can be withdrawn.
 * @returns the card
 */
export function MyJoinRequests() {
  const t = useT()
  const { message } = App.useApp()
  const [page, setPage] = useState(1)
  const requests = useMyJoinRequests({ page, pageSize: PAGE_SIZE })
  const cancel = useCancelJoinRequest()
  const onCancel = (request: TMyJoinRequest) =>
    cancel.mutate(request.id, {
      onSuccess: () => void message.success(t('myJoin.cancelled', { name: request.org.name })),
      onError: (error) => void message.error(describeError(error, t)),
    })
  return (
    <Card title={t('myJoin.title')} size="small" data-testid="my-join-requests">
      {requests.isPending && <QueryLoading rows={2} />}
      {requests.isError && <QueryError error={requests.error} onRetry={() => void requests.refetch()} />}
      {requests.data?.items.length === 0 && <Empty description={t('myJoin.empty')} />}
      {requests.data && requests.data.items.length > 0 && (
        <div className="kx-stack">
          {requests.data.items.map((request) => (
            <RequestRow
              key={request.id}
              request={request}
              isCancelling={cancel.isPending && cancel.variables === request.id}
              onCancel={onCancel}
            />
          ))}
        </div>
      )}
      {requests.data && requests.data.total > PAGE_SIZE && (
        <Pagination simple current={page} pageSize={PAGE_SIZE} total={requests.data.total} onChange={setPage} />
      )}
    </Card>
  )
}
