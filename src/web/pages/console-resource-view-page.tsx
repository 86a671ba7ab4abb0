import { Alert, Card, Descriptions, Result, Tag } from 'antd'
import { Link, useNavigate, useParams } from 'react-router'
import type { TManagedResource } from '../../shared/contracts/catalog-write.ts'
import { ContentView } from '../components/catalog/content-view.tsx'
import { LifecycleActions } from '../components/catalog/lifecycle-actions.tsx'
import { ResourceStatusTags } from '../components/catalog/resource-status.tsx'
import { VersionsTimeline } from '../components/catalog/versions-timeline.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { isNotFoundError, QueryError, QueryLoading } from '../components/query-state.tsx'
import { RequireSignIn } from '../components/require-sign-in.tsx'
import { useT } from '../i18n/use-t.ts'
import { formatDateTime } from '../lib/format.ts'
import { useManagedResource } from '../queries/catalog.ts'
import '../components/catalog/catalog.css'

function StatusCard({ resource }: { resource: TManagedResource }) {
  const t = useT()
  const none = t('common.none')
  const isPublic = resource.status === 'published'
  return (
    <Card size="small" title={t('cat.view.status')}>
      <Descriptions
        size="small"
        className="kx-wrap-anywhere"
        column={{ xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 3 }}
        items={[
          {
            key: 'status',
            label: t('cat.view.status'),
            children: <ResourceStatusTags status={resource.status} revisionStatus={resource.revisionStatus} />,
          },
          {
            key: 'version',
            label: t('cat.view.version'),
            children: t('cat.versionTag', { version: resource.version }),
          },
          { key: 'kind', label: t('resource.kind'), children: <Tag color="blue">{t(`kind.${resource.kind}`)}</Tag> },
          {
            key: 'owner',
            label: t('resource.owner'),
            children: <Link to={`/orgs/${resource.owner.id}`}>{resource.owner.name}</Link>,
          },
          { key: 'node', label: t('resource.node'), children: resource.node.name },
          { key: 'updated', label: t('cat.view.updatedAt'), children: formatDateTime(resource.updatedAt) },
          {
            key: 'cstr',
            label: t('cat.detail.cstr'),
            children: resource.cstr ? (
              <span className="kx-mono" data-testid="console-cstr">
                {resource.cstr}
              </span>
            ) : (
              none
            ),
          },
          {
            key: 'public',
            label: t('cat.view.publicPage'),
            children: isPublic ? (
              <Link to={`/resources/${resource.id}`} data-testid="public-link">
                {t('cat.view.openPublic')}
              </Link>
            ) : (
              none
            ),
          },
        ]}
      />
    </Card>
  )
}

function ResourceView({ id }: { id: string }) {
  const t = useT()
  const navigate = useNavigate()
  const resource = useManagedResource(id)
  if (resource.isPending) return <QueryLoading rows={10} />
  if (resource.isError && isNotFoundError(resource.error)) {
    return (
      <Result
        status="404"
        title={t('cat.view.notFound')}
        extra={<Link to="/console/resources">{t('cat.console.backToList')}</Link>}
      />
    )
  }
  if (resource.isError) return <QueryError error={resource.error} onRetry={() => void resource.refetch()} />
  const data = resource.data
  const isReturned = data.status === 'returned' || data.revisionStatus === 'returned'
  return (
    <>
      <PageHeading
        title={<span data-testid="console-resource-title">{data.content.title}</span>}
        lead={<Link to={`/console/resources?orgId=${data.owner.id}`}>{t('cat.console.backToList')}</Link>}
        extra={
          <LifecycleActions resource={data} onDeleted={() => navigate(`/console/resources?orgId=${data.owner.id}`)} />
        }
      />
      <div className="kx-stack">
        {isReturned && data.returnReason && (
          <Alert
            type="warning"
            showIcon
            title={t('cat.view.returnReason')}
            description={<span className="kx-pre-line">{data.returnReason}</span>}
            data-testid="return-reason-alert"
          />
        )}
        {data.status === 'offline' && data.offlineReason && (
          <Alert type="error" showIcon title={t('cat.view.offlineReason')} description={data.offlineReason} />
        )}
        {data.status === 'submitted' && <Alert type="info" showIcon title={t('cat.view.waitingReview')} />}
        {data.publishedContent && <Alert type="info" showIcon title={t('cat.view.revisionOpen')} />}
        <StatusCard resource={data} />
        <Card size="small" title={data.publishedContent ? t('cat.view.revisionContent') : t('cat.view.content')}>
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
 * 资源详情（管理）(/console/resources/:id): a resource as its providers see it — status and revision status,
 * the return or offline reason, the content (a revision beside the published version), the version
 * history, and the buttons its `actions` allow. The server decides who may open it.
 * @returns the page
 */
export function ConsoleResourceViewPage() {
  const { id = '' } = useParams()
  return <RequireSignIn>{() => <ResourceView id={id} />}</RequireSignIn>
}
