import { Button, Card, Descriptions, Result, Tag, Tooltip, Typography } from 'antd'
import { CalendarOutlined, FileSearchOutlined } from '@ant-design/icons'
import { Link, useParams } from 'react-router'
import type { TResourceDetail } from '../../shared/contracts/catalog.ts'
import { QueryError, QueryLoading, isNotFoundError } from '../components/query-state.tsx'
import { ResourceAttributes } from '../components/resource-attributes.tsx'
import { useT } from '../i18n/use-t.ts'
import { formatDate } from '../lib/format.ts'
import { findListPathForKind } from '../nav-items.ts'
import { useResourceDetail } from '../queries.ts'

function ResourceOverview({ resource }: { resource: TResourceDetail }) {
  const t = useT()
  const none = t('common.none')
  return (
    <Descriptions
      className="kx-wrap-anywhere"
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
      items={[
        { key: 'kind', label: t('resource.kind'), children: t(`kind.${resource.kind}`) },
        { key: 'owner', label: t('resource.owner'), children: resource.owner.name },
        { key: 'region', label: t('resource.region'), children: resource.regionName },
        { key: 'node', label: t('resource.node'), children: resource.node.name },
        { key: 'sharing', label: t('resource.sharingLevel'), children: t(`sharing.${resource.sharingLevel}`) },
        { key: 'category', label: t('resource.category'), children: resource.categoryName ?? resource.category ?? none },
        { key: 'discipline', label: t('resource.discipline'), children: resource.disciplineName ?? resource.disciplineCode ?? none },
        { key: 'industry', label: t('resource.industry'), children: resource.industryName ?? resource.industryCode ?? none },
        {
          key: 'published',
          label: t('resource.publishedAt'),
          children: resource.publishedAt ? formatDate(resource.publishedAt) : none,
        },
      ]}
    />
  )
}

function ResourceContact({ contact }: { contact: TResourceDetail['contact'] }) {
  const t = useT()
  if (!contact) return <Typography.Text type="secondary">{t('detail.noContact')}</Typography.Text>
  return (
    <Descriptions
      className="kx-wrap-anywhere"
      size="small"
      column={1}
      items={[
        { key: 'name', label: t('detail.contactName'), children: contact.name },
        {
          key: 'phone',
          label: t('detail.contactPhone'),
          children: <a href={`tel:${contact.phone}`}>{contact.phone}</a>,
        },
        {
          key: 'email',
          label: t('detail.contactEmail'),
          children: <a href={`mailto:${contact.email}`}>{contact.email}</a>,
        },
      ]}
    />
  )
}

function BookingButton() {
  const t = useT()
  // Booking is the instrument-sharing module's job; until it lands the button says so.
  return (
    <Tooltip title={t('detail.bookPending')}>
      <Button type="primary" icon={<CalendarOutlined />} disabled data-testid="book-button">
        {t('detail.book')}
      </Button>
    </Tooltip>
  )
}

/**
 * A resource's detail page (GET /api/resources/:id): overview, summary, kind-specific attributes
 * and contact. Instruments show the booking button, disabled until the instrument-sharing module.
 * @returns the detail page
 */
export function ResourceDetailPage() {
  const t = useT()
  const { id = '' } = useParams()
  const detail = useResourceDetail(id)

  if (detail.isPending) return <QueryLoading rows={10} />
  if (detail.isError && isNotFoundError(detail.error)) {
    return (
      <Result
        status="warning"
        icon={<FileSearchOutlined />}
        title={t('detail.notFoundTitle')}
        subTitle={t('detail.notFound')}
        extra={<Link to="/resources">{t('detail.backToList')}</Link>}
      />
    )
  }
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />

  const resource = detail.data
  return (
    <article className="kx-wrap-anywhere">
      <Link to={findListPathForKind(resource.kind)}>{t('detail.backToList')}</Link>
      <div style={{ margin: '12px 0' }}>
        <Tag color="blue">{t(`kind.${resource.kind}`)}</Tag>
      </div>
      <Typography.Title level={3} data-testid="resource-title">
        {resource.title}
      </Typography.Title>
      {resource.tags.length > 0 && (
        <div className="kx-tags">
          {resource.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </div>
      )}
      {resource.kind === 'instrument' && (
        <div style={{ margin: '12px 0 16px' }}>
          <BookingButton />
        </div>
      )}
      <div className="kx-section">
        <Card title={t('detail.basic')} size="small">
          <ResourceOverview resource={resource} />
          <Typography.Paragraph className="kx-pre-line" style={{ marginTop: 12, marginBottom: 0 }}>
            {resource.summary}
          </Typography.Paragraph>
        </Card>
      </div>
      <div className="kx-section">
        <Card title={t('detail.attributes')} size="small">
          <ResourceAttributes attributes={resource.attributes} />
        </Card>
      </div>
      <div className="kx-section">
        <Card title={t('detail.contact')} size="small">
          <ResourceContact contact={resource.contact} />
        </Card>
      </div>
    </article>
  )
}
