import { useState } from 'react'
import { App, Button, Card, Descriptions, Empty, Pagination, Popconfirm, Segmented, Switch, Typography } from 'antd'
import { Link } from 'react-router'
import type { TOrganisationView } from '../../../shared/contracts/organisations.ts'
import type { TOrgStatus } from '../../api/organisations.ts'
import { useT } from '../../i18n/use-t.ts'
import { formatDate } from '../../lib/format.ts'
import { useNodeOrganisations, useReviewOrganisation } from '../../queries/organisations.ts'
import { RejectModal } from '../decision-modal.tsx'
import { CreditCodeFlag, OrgStatusTag } from '../org/org-profile.tsx'
import { describeError, QueryError, QueryLoading } from '../query-state.tsx'

const PAGE_SIZE = 10
const QUEUE_STATUSES = ['pending', 'approved', 'rejected'] as const

type TOrgCardProps = {
  org: TOrganisationView
  isDeciding: boolean
  onApprove: (org: TOrganisationView) => void
  onReject: (org: TOrganisationView) => void
}

function ReviewCard({ org, isDeciding, onApprove, onReject }: TOrgCardProps) {
  const t = useT()
  const p = org.private
  return (
    <Card
      size="small"
      data-testid="review-card"
      title={<Link to={`/orgs/${org.id}`}>{org.name}</Link>}
      extra={<OrgStatusTag status={org.status} />}
      className="kx-wrap-anywhere"
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'creditCode',
            label: t('org.creditCode'),
            children: (
              <span>
                <span className="kx-mono">{org.creditCode}</span> <CreditCodeFlag org={org} />
              </span>
            ),
          },
          { key: 'kind', label: t('org.kind'), children: t(`orgKind.${org.kind}`) },
          { key: 'region', label: t('org.region'), children: `${org.regionName} ${org.address}` },
          { key: 'node', label: t('org.node'), children: org.node.name },
          {
            key: 'contact',
            label: t('org.contactName'),
            children: p ? `${p.contactName} ${p.contactPhone ?? ''}` : t('common.none'),
          },
          {
            key: 'registeredBy',
            label: t('org.registeredBy'),
            children: p?.registeredBy?.displayName ?? t('common.none'),
          },
          {
            key: 'licence',
            label: t('review.licence'),
            // Opens in a new tab: PDF and images show inline (GET /api/files/:id, node staff only).
            children: p?.licence ? (
              <a href={p.licence.url} target="_blank" rel="noopener noreferrer" data-testid="licence-link">
                {p.licence.name}
              </a>
            ) : (
              t('review.noLicence')
            ),
          },
          { key: 'createdAt', label: t('org.createdAt'), children: formatDate(org.createdAt) },
        ]}
      />
      {p?.reviewReason && (
        <Typography.Text type="secondary">{t('org.decisionReason', { reason: p.reviewReason })}</Typography.Text>
      )}
      {org.status === 'pending' && (
        <div className="kx-row-actions" style={{ marginTop: 8 }}>
          <Popconfirm
            title={t('review.approveConfirm', { name: org.name })}
            okText={t('review.approve')}
            cancelText={t('common.cancel')}
            onConfirm={() => onApprove(org)}
          >
            <Button type="primary" loading={isDeciding} data-testid="approve-org">
              {t('review.approve')}
            </Button>
          </Popconfirm>
          <Button danger disabled={isDeciding} onClick={() => onReject(org)} data-testid="reject-org">
            {t('review.reject')}
          </Button>
        </div>
      )}
    </Card>
  )
}

/**
 * 单位审核 of one node: its units by status (pending first), optionally with the nodes below it. Approve
 * or reject with a required reason; units whose credit code fails the checksum carry a flag.
 * @returns the queue
 */
export function ReviewQueue({ nodeId }: { nodeId: string }) {
  const t = useT()
  const { message } = App.useApp()
  const [status, setStatus] = useState<TOrgStatus>('pending')
  const [isSubtree, setSubtree] = useState(true)
  const [page, setPage] = useState(1)
  const [rejecting, setRejecting] = useState<TOrganisationView | null>(null)
  const orgs = useNodeOrganisations({ nodeId, status, isSubtree, page, pageSize: PAGE_SIZE })
  const review = useReviewOrganisation()

  const decide = (org: TOrganisationView, decision: Parameters<typeof review.mutate>[0]['decision']) =>
    review.mutate(
      { id: org.id, decision },
      {
        onSuccess: () => {
          setRejecting(null)
          const key = decision.decision === 'approve' ? 'review.approved' : 'review.rejected'
          void message.success(t(key, { name: org.name }))
        },
        onError: (error) => void message.error(describeError(error, t)),
      },
    )

  return (
    <div className="kx-stack" data-testid="review-queue">
      <div className="kx-filters" style={{ marginBottom: 0, alignItems: 'center' }}>
        <Segmented<TOrgStatus>
          value={status}
          onChange={(next) => {
            setStatus(next)
            setPage(1)
          }}
          options={QUEUE_STATUSES.map((value) => ({ value, label: t(`orgStatus.${value}`) }))}
        />
        <label className="kx-inline-switch">
          <Switch size="small" checked={isSubtree} onChange={setSubtree} /> {t('nodes.includeBelow')}
        </label>
      </div>
      {orgs.isPending && <QueryLoading rows={6} />}
      {orgs.isError && <QueryError error={orgs.error} onRetry={() => void orgs.refetch()} />}
      {orgs.data && <Typography.Text type="secondary">{t('common.total', { total: orgs.data.total })}</Typography.Text>}
      {orgs.data?.items.length === 0 && <Empty description={t('nodes.queueEmpty')} />}
      {orgs.data?.items.map((org) => (
        <ReviewCard
          key={org.id}
          org={org}
          isDeciding={review.isPending && review.variables?.id === org.id}
          onApprove={(o) => decide(o, { decision: 'approve' })}
          onReject={setRejecting}
        />
      ))}
      {orgs.data && orgs.data.total > PAGE_SIZE && (
        <Pagination simple current={page} pageSize={PAGE_SIZE} total={orgs.data.total} onChange={setPage} />
      )}
      <RejectModal
        subject={rejecting?.name ?? null}
        isPending={review.isPending}
        onCancel={() => setRejecting(null)}
        onReject={(reason) => rejecting && decide(rejecting, { decision: 'reject', reason })}
      />
    </div>
  )
}
