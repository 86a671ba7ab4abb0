import { Alert, Card, Descriptions, Result, Tag } from 'antd'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'
import type { TManagedResource } from '../../shared/contracts/catalog-write.ts'
import { REVIEWER_ROLES } from '../components/catalog/catalog-roles.ts'
import { ContentView } from '../components/catalog/content-view.tsx'
import { ResourceStatusTags } from '../components/catalog/resource-status.tsx'
import { ReviewPanel } from '../components/catalog/review-panel.tsx'
import { VersionsTimeline } from '../components/catalog/versions-timeline.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { isNotFoundError, QueryError, QueryLoading } from '../components/query-state.tsx'
import { RequireSignIn } from '../components/require-sign-in.tsx'
import { useT } from '../i18n/use-t.ts'
import { formatDateTime } from '../lib/format.ts'
import { useManagedResource } from '../queries/catalog.ts'
import '../components/catalog/catalog.css'

function SubmissionFacts({ resource }: { resource: TManagedResource }) {
  const t = useT()
  const isRevision = resource.publishedContent !== null
  return (
    <Descriptions
      size="small"
      className="kx-wrap-anywhere"
      column={{ xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 3 }}
      items={[
        {
          key: 'type',
          label: t('cat.reviews.type'),
          children: <Tag>{t(isRevision ? 'cat.reviews.isRevision' : 'cat.reviews.isNew')}</Tag>,
        },
        { key: 'kind', label: t('resource.kind'), children: t(`kind.${resource.kind}`) },
        {
          key: 'status',
          label: t('cat.view.status'),
          children: <ResourceStatusTags status={resource.status} revisionStatus={resource.revisionStatus} />,
        },
        {
          key: 'owner',
          label: t('resource.owner'),
          children: <Link to={`/orgs/${resource.owner.id}`}>{resource.owner.name}</Link>,
        },
        { key: 'node', label: t('resource.node'), children: resource.node.name },
        {
          key: 'submitted',
          label: t('cat.reviews.submittedAt'),
          children: resource.submittedAt ? formatDateTime(resource.submittedAt) : t('common.none'),
        },
      ]}
    />
  )
}

function ReviewItem({ id }: { id: string }) {
  const t = useT()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const nodeId = params.get('nodeId')
  const queuePath = nodeId ? `/console/reviews?nodeId=${nodeId}` : '/console/reviews'
  const resource = useManagedResource(id)
  if (resource.isPending) return <QueryLoading rows={10} />
  if (resource.isError && isNotFoundError(resource.error)) {
    return (
      <Result
        status="404"
        title={t('cat.view.notFound')}
        extra={<Link to={queuePath}>{t('cat.review.backToQueue')}</Link>}
      />
    )
  }
  if (resource.isError) return <QueryError error={resource.error} onRetry={() => void resource.refetch()} />
  const data = resource.data
  const canReview = data.actions.includes('review')
  return (
    <>
      <PageHeading
        title={<span data-testid="review-title">{data.content.title}</span>}
        lead={<Link to={queuePath}>{t('cat.review.backToQueue')}</Link>}
        extra={
          canReview ? (
            <ReviewPanel resourceId={data.id} title={data.content.title} onDecided={() => navigate(queuePath)} />
          ) : (
            <Alert type="info" showIcon title={t('cat.review.notWaiting')} data-testid="review-not-waiting" />
          )
        }
      />
      <div className="kx-stack">
        <Card size="small">
          <SubmissionFacts resource={data} />
        </Card>
        <Card size="small" title={data.publishedContent ? t('cat.review.compareTitle') : t('cat.view.content')}>
          <ContentView kind={data.kind} content={data.content} compareTo={data.publishedContent} />
        </Card>
        <Card size="small" title={t('cat.view.versions')}>
          <VersionsTimeline resourceId={data.id} />
        </Card>
      </div>
    </>
  )
}

/**
 * 审核资源 (/console/reviews/:id): one submission for the node's operators — the content (for a revision,
 * the published version beside the proposed one with the changed lines marked), the history, and approve
 * (publish now or later) or return with a reason.
 * @returns the page
 */
export function ConsoleReviewPage() {
  const { id = '' } = useParams()
  return <RequireSignIn roles={REVIEWER_ROLES}>{() => <ReviewItem id={id} />}</RequireSignIn>
}
