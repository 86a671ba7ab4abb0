import { Card, Descriptions, Result, Tag, Typography } from 'antd'
import { FileSearchOutlined } from '@ant-design/icons'
import { Link, useParams } from 'react-router'
import type { TResourceDetail } from '../../shared/contracts/catalog.ts'
import { BookInstrumentButton } from '../components/catalog/detail/book-instrument-button.tsx'
import { KindSections } from '../components/catalog/detail/kind-sections.tsx'
import { PlatformIdentifier } from '../components/catalog/detail/platform-identifier.tsx'
import { DocumentList, ImageGallery } from '../components/catalog/detail/resource-files.tsx'
import { QueryError, QueryLoading, isNotFoundError } from '../components/query-state.tsx'
import { useT } from '../i18n/use-t.ts'
import { formatDate } from '../lib/format.ts'
import { findListPathForKind } from '../nav-items.ts'
import { useResourceDetail } from '../queries.ts'
import '../components/catalog/catalog.css'

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
        {
          key: 'owner',
          label: t('resource.owner'),
          children: (
            <Link to={`/orgs/${resource.owner.id}`} data-testid="owner-link">
              {resource.owner.name}
            </Link>
          ),
        },
        { key: 'region', label: t('resource.region'), children: resource.regionName },
        { key: 'node', label: t('resource.node'), children: resource.node.name },
        { key: 'sharing', label: t('resource.sharingLevel'), children: t(`sharing.${resource.sharingLevel}`) },
        {
          key: 'category',
          // Only instruments use a closed table (NRII); other kinds carry a free category of their own.
          label: t(resource.kind === 'instrument' ? 'resource.category' : 'cat.form.category'),
          children: resource.categoryName ?? resource.category ?? none,
        },
        {
          key: 'discipline',
          label: t('resource.discipline'),
          children: resource.disciplineName ?? resource.disciplineCode ?? none,
        },
        {
          key: 'industry',
          label: t('resource.industry'),
          children: resource.industryName ?? resource.industryCode ?? none,
        },
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
      data-testid="resource-contact"
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
          children: contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : t('common.none'),
        },
      ]}
    />
  )
}

function DetailHeader({ resource }: { resource: TResourceDetail }) {
  const t = useT()
  return (
    <header className="kx-cat-detail-header">
      <Link to={findListPathForKind(resource.kind)}>{t('detail.backToList')}</Link>
      <div className="kx-cat-tags" style={{ display: 'flex', margin: '12px 0' }}>
        <Tag color="blue">{t(`kind.${resource.kind}`)}</Tag>
        {resource.audience === 'network' && <Tag color="purple">{t('cat.audience.network')}</Tag>}
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
      {resource.cstr && <PlatformIdentifier cstr={resource.cstr} />}
      {resource.kind === 'instrument' && (
        <div style={{ margin: '12px 0 16px' }}>
          <BookInstrumentButton />
        </div>
      )}
    </header>
  )
}

function ResourceDetail({ resource }: { resource: TResourceDetail }) {
  const t = useT()
  const attachments = resource.attachments
  const images = attachments.filter((a) => a.role === 'image')
  const documents = attachments.filter((a) => a.role === 'document')
  return (
    <article className="kx-wrap-anywhere" data-testid="resource-detail" data-kind={resource.kind}>
      <DetailHeader resource={resource} />
      {images.length > 0 && (
        <div className="kx-section">
          <ImageGallery images={images} />
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
      <KindSections kind={resource.kind} attributes={resource.attributes} owner={resource.owner} />
      {documents.length > 0 && (
        <div className="kx-section">
          <Card title={t('cat.detail.documents')} size="small">
            <DocumentList documents={documents} />
          </Card>
        </div>
      )}
      <div className="kx-section">
        <Card title={t('detail.contact')} size="small">
          <ResourceContact contact={resource.contact} />
        </Card>
      </div>
    </article>
  )
}

/**
 * A resource's detail page (GET /api/resources/:id): title, tags, the platform identifier, images, the
 * overview with the owner unit, the kind's own sections (an instrument's indicators, functions, fee tiers,
 * location; an expert's expertise; a patent's claim; the source attribution of records from public data
 * sets), documents and contact. Instruments show 预约机时, disabled until the instrument-sharing module.
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
  return <ResourceDetail resource={detail.data} />
}
