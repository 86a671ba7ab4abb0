import { Empty, Timeline, Typography } from 'antd'
import { useT } from '../../i18n/use-t.ts'
import { formatDateTime } from '../../lib/format.ts'
import { useResourceVersions } from '../../queries/catalog.ts'
import { QueryError, QueryLoading } from '../query-state.tsx'

const ACTION_COLORS: Record<string, string> = {
  approve: 'green',
  publish: 'green',
  online: 'green',
  return: 'orange',
  offline: 'red',
  withdraw: 'gray',
}

/**
 * 版本记录: every change of a resource, newest first — version, what was done, by whom, when, and the note
 * (a return or offline reason).
 * @param resourceId the resource
 * @returns the timeline
 */
export function VersionsTimeline({ resourceId }: { resourceId: string }) {
  const t = useT()
  const versions = useResourceVersions(resourceId)
  if (versions.isPending) return <QueryLoading rows={3} />
  if (versions.isError) return <QueryError error={versions.error} onRetry={() => void versions.refetch()} />
  if (versions.data.items.length === 0) return <Empty description={t('cat.versions.empty')} />
  return (
    <Timeline
      data-testid="versions-timeline"
      items={versions.data.items.map((item) => ({
        key: `${item.version}-${item.action}-${item.at}`,
        color: ACTION_COLORS[item.action] ?? 'blue',
        content: (
          <div className="kx-wrap-anywhere" data-testid="version-item" data-action={item.action}>
            <Typography.Text strong>
              {t('cat.versions.line', { version: item.version, action: t(`cat.versionAction.${item.action}`) })}
            </Typography.Text>
            <div className="kx-cat-muted">
              {formatDateTime(item.at)} · {item.by?.name ?? t('cat.versions.system')} · {t(`cat.status.${item.status}`)}
            </div>
            {item.note && <div className="kx-pre-line">{item.note}</div>}
          </div>
        ),
      }))}
    />
  )
}
