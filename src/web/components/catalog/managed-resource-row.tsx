import type { ReactNode } from 'react'
import { Card, Tag, Typography } from 'antd'
import { Link } from 'react-router'
import type { TManagedResourceSummary } from '../../api/catalog.ts'
import { useT } from '../../i18n/use-t.ts'
import { formatDateTime } from '../../lib/format.ts'
import { ResourceStatusTags } from './resource-status.tsx'

type TManagedResourceRowProps = {
  item: TManagedResourceSummary
  /** Where the title leads (the provider's view, or the reviewer's page). */
  to: string
  /** Extra line under the meta, e.g. the owner unit in the review queue. */
  extra?: ReactNode
}

/**
 * One resource of the provider's list or the review queue, as a card that wraps on a phone: title,
 * kind, status (and revision status), version, update or submission time and the operating node.
 * @returns the card
 */
export function ManagedResourceRow({ item, to, extra }: TManagedResourceRowProps) {
  const t = useT()
  return (
    <Card size="small" className="kx-row-card" data-testid="managed-resource" data-id={item.id}>
      <div className="kx-row-main">
        <Link to={to} className="kx-cat-row-title" data-testid="managed-resource-title">
          {item.title}
        </Link>
        <div className="kx-cat-tags">
          <Tag color="blue">{t(`kind.${item.kind}`)}</Tag>
          <ResourceStatusTags status={item.status} revisionStatus={item.revisionStatus} />
          <Tag>{t('cat.versionTag', { version: item.version })}</Tag>
        </div>
        <Typography.Text type="secondary" className="kx-wrap-anywhere">
          {item.submittedAt && (item.status === 'submitted' || item.revisionStatus === 'submitted')
            ? t('cat.list.submittedAt', { at: formatDateTime(item.submittedAt) })
            : t('cat.list.updatedAt', { at: formatDateTime(item.updatedAt) })}
          {' · '}
          {item.node.name}
        </Typography.Text>
        {extra}
      </div>
    </Card>
  )
}
