import { Empty, Pagination, Result, Select, Tag, Typography } from 'antd'
import { useSearchParams } from 'react-router'
import type { TMe } from '../../shared/contracts/identity.ts'
import { RESOURCE_KINDS, type TResourceKind } from '../../shared/resource-kinds.ts'
import { REVIEWER_ROLES, reviewerNodes } from '../components/catalog/catalog-roles.ts'
import { ManagedResourceRow } from '../components/catalog/managed-resource-row.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { QueryError, QueryLoading } from '../components/query-state.tsx'
import { RequireSignIn } from '../components/require-sign-in.tsx'
import { useT } from '../i18n/use-t.ts'
import { readPage } from '../lib/search-params.ts'
import { useReviewQueue } from '../queries/catalog.ts'
import '../components/catalog/catalog.css'

const PAGE_SIZE = 20

function ReviewQueue({ me }: { me: TMe }) {
  const t = useT()
  const [params, setParams] = useSearchParams()
  const nodes = reviewerNodes(me)
  const nodeId = params.get('nodeId') ?? nodes[0]?.id ?? ''
  const kind = RESOURCE_KINDS.find((k) => k === params.get('kind'))
  const page = readPage(params)
  const queue = useReviewQueue({ nodeId, kind, page, pageSize: PAGE_SIZE })

  const setFilter = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params)
    next.set('nodeId', nodeId)
    if (value) next.set(name, value)
    else next.delete(name)
    if (name !== 'page') next.delete('page')
    setParams(next, { replace: name !== 'page' })
  }

  if (!nodeId) return <Result status="info" title={t('cat.reviews.noNode')} />
  return (
    <div className="kx-stack">
      <div className="kx-filters" style={{ marginBottom: 0 }}>
        <Select
          value={nodeId}
          onChange={(value) => setFilter('nodeId', value)}
          options={nodes.map((node) => ({ value: node.id, label: node.name }))}
          aria-label={t('cat.reviews.node')}
          data-testid="review-node-select"
        />
        <Select
          allowClear
          value={kind}
          placeholder={t('list.filterKindAll')}
          onChange={(value?: TResourceKind) => setFilter('kind', value)}
          options={RESOURCE_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))}
          aria-label={t('list.filterKind')}
        />
      </div>
      <Typography.Text type="secondary">{t('cat.reviews.subtreeNote')}</Typography.Text>
      {queue.isPending && <QueryLoading rows={6} />}
      {queue.isError && <QueryError error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.data && (
        <Typography.Text type="secondary" data-testid="review-total">
          {t('common.total', { total: queue.data.total })}
        </Typography.Text>
      )}
      {queue.data?.items.length === 0 && <Empty description={t('cat.reviews.empty')} />}
      {queue.data?.items.map((item) => (
        <ManagedResourceRow
          key={item.id}
          item={item}
          to={`/console/reviews/${item.id}?nodeId=${nodeId}`}
          extra={
            <span className="kx-cat-tags">
              <Tag color={item.status === 'published' ? 'purple' : 'geekblue'} data-testid="submission-kind">
                {t(item.status === 'published' ? 'cat.reviews.isRevision' : 'cat.reviews.isNew')}
              </Tag>
              <Typography.Text className="kx-wrap-anywhere">
                {t('cat.reviews.owner', { name: item.owner.name })}
              </Typography.Text>
            </span>
          }
        />
      ))}
      {queue.data && queue.data.total > PAGE_SIZE && (
        <Pagination
          simple
          current={page}
          pageSize={PAGE_SIZE}
          total={queue.data.total}
          onChange={(next) => setFilter('page', String(next))}
        />
      )}
    </div>
  )
}

/**
 * 资源审核 (/console/reviews?nodeId=&kind=&page=): the submissions — new resources and revisions of
 * published ones — waiting for the operators of a node's subtree, oldest first. The node is one of the
 * person's node staff grants.
 * @returns the review queue page
 */
export function ConsoleReviewsPage() {
  const t = useT()
  return (
    <>
      <PageHeading title={t('cat.reviews.title')} lead={t('cat.reviews.lead')} />
      <RequireSignIn roles={REVIEWER_ROLES}>{(me) => <ReviewQueue me={me} />}</RequireSignIn>
    </>
  )
}
