import { Tag } from 'antd'
import type { TResourceStatus } from '../../../shared/contracts/catalog-write.ts'
import { useT } from '../../i18n/use-t.ts'

const STATUS_COLORS: Record<TResourceStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'cyan',
  returned: 'warning',
  published: 'success',
  offline: 'error',
}

/**
 * A resource's lifecycle status as a coloured tag, and the open revision's status beside it when there is one.
 * @returns one or two tags
 */
export function ResourceStatusTags({
  status,
  revisionStatus,
}: {
  status: TResourceStatus
  revisionStatus?: TResourceStatus | null
}) {
  const t = useT()
  return (
    <span className="kx-cat-tags" data-testid="resource-status" data-status={status}>
      <Tag color={STATUS_COLORS[status]}>{t(`cat.status.${status}`)}</Tag>
      {revisionStatus && (
        <Tag color={STATUS_COLORS[revisionStatus]} data-testid="revision-status">
          {t('cat.revision', { status: t(`cat.status.${revisionStatus}`) })}
        </Tag>
      )}
    </span>
  )
}
