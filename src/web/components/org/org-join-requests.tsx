import { useState } from 'react'
import { App, Button, Card, Empty, Pagination, Popconfirm, Segmented, Tag, Typography } from 'antd'
import type { TJoinRequest } from '../../../shared/contracts/organisations.ts'
import type { TJoinRequestStatus } from '../../api/organisations.ts'
import { useT } from '../../i18n/use-t.ts'
import { formatDate } from '../../lib/format.ts'
import { useDecideJoinRequest, useJoinRequests } from '../../queries/organisations.ts'
import { RejectModal } from '../decision-modal.tsx'
import { describeError, QueryError, QueryLoading } from '../query-state.tsx'

const PAGE_SIZE = 20
const STATUS_COLOURS = { pending: 'gold', approved: 'green', rejected: 'red' } as const

type TRowProps = {
  request: TJoinRequest
  isDeciding: boolean
  onApprove: (request: TJoinRequest) => void
  onReject: (request: TJoinRequest) => void
}

function JoinRequestRow({ request, isDeciding, onApprove, onReject }: TRowProps) {
  const t = useT()
  const { applicant } = request
  return (
    <Card size="small" className="kx-row-card" data-testid="join-request-row">
      <div className="kx-row-main">
        <strong>{applicant.displayName}</strong>{' '}
        <Tag color={STATUS_COLOURS[request.status]}>{t(`joinStatus.${request.status}`)}</Tag>
        <span className="kx-meta">
          {applicant.phone ?? t('common.none')} · {formatDate(request.createdAt)}
        </span>
        {request.message && (
          <Typography.Paragraph style={{ margin: '4px 0 0' }}>{request.message}</Typography.Paragraph>
        )}
        {request.reason && (
          <Typography.Text type="secondary">{t('org.decisionReason', { reason: request.reason })}</Typography.Text>
        )}
      </div>
      {request.status === 'pending' && (
        <div className="kx-row-actions">
          <Popconfirm
            title={t('org.approveJoinConfirm', { name: applicant.displayName })}
            okText={t('review.approve')}
            cancelText={t('common.cancel')}
            onConfirm={() => onApprove(request)}
          >
            <Button type="primary" size="small" loading={isDeciding} data-testid="approve-join">
              {t('review.approve')}
            </Button>
          </Popconfirm>
          <Button danger size="small" disabled={isDeciding} onClick={() => onReject(request)} data-testid="reject-join">
            {t('review.reject')}
          </Button>
        </div>
      )}
    </Card>
  )
}

/**
 * 加入申请: requests to join the unit, pending first by default; its admins approve (the person becomes a
 * member) or reject with a reason the person is told.
 * @returns the request list
 */
export function OrgJoinRequests({ orgId }: { orgId: string }) {
  const t = useT()
  const { message } = App.useApp()
  const [status, setStatus] = useState<TJoinRequestStatus>('pending')
  const [page, setPage] = useState(1)
  const [rejecting, setRejecting] = useState<TJoinRequest | null>(null)
  const requests = useJoinRequests(orgId, { status, page, pageSize: PAGE_SIZE })
  const decide = useDecideJoinRequest(orgId)

  const run = (request: TJoinRequest, decision: Parameters<typeof decide.mutate>[0]['decision']) =>
    decide.mutate(
      { requestId: request.id, decision },
      {
        onSuccess: () => {
          setRejecting(null)
          const key = decision.decision === 'approve' ? 'org.joinApproved' : 'org.joinRejected'
          void message.success(t(key, { name: request.applicant.displayName }))
        },
        onError: (error) => void message.error(describeError(error, t)),
      },
    )

  return (
    <div className="kx-stack" data-testid="org-join-requests">
      <Segmented<TJoinRequestStatus>
        value={status}
        onChange={(next) => {
          setStatus(next)
          setPage(1)
        }}
        options={(['pending', 'approved', 'rejected'] as const).map((value) => ({
          value,
          label: t(`joinStatus.${value}`),
        }))}
      />
      {requests.isPending && <QueryLoading rows={4} />}
      {requests.isError && <QueryError error={requests.error} onRetry={() => void requests.refetch()} />}
      {requests.data && requests.data.items.length === 0 && <Empty description={t('org.noJoinRequests')} />}
      {requests.data?.items.map((request) => (
        <JoinRequestRow
          key={request.id}
          request={request}
          isDeciding={decide.isPending && decide.variables?.requestId === request.id}
          onApprove={(r) => run(r, { decision: 'approve' })}
          onReject={setRejecting}
        />
      ))}
      {requests.data && requests.data.total > PAGE_SIZE && (
        <Pagination simple current={page} pageSize={PAGE_SIZE} total={requests.data.total} onChange={setPage} />
      )}
      <RejectModal
        subject={rejecting?.applicant.displayName ?? null}
        isPending={decide.isPending}
        onCancel={() => setRejecting(null)}
        onReject={(reason) => rejecting && run(rejecting, { decision: 'reject', reason })}
      />
    </div>
  )
}
