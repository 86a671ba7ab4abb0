import { Card, Empty, Tag } from 'antd'
import { useT } from '../../i18n/use-t.ts'
import { formatDate } from '../../lib/format.ts'
import { useNodeStaff } from '../../queries/organisations.ts'
import { QueryError, QueryLoading } from '../query-state.tsx'

/**
 * 节点人员: the people with roles on one node (its operators and admins; on the root also the platform's
 * roles), phones masked, in the order they were appointed.
 * @returns the staff list
 */
export function NodeStaff({ nodeId }: { nodeId: string }) {
  const t = useT()
  const staff = useNodeStaff(nodeId)
  if (staff.isPending) return <QueryLoading rows={3} />
  if (staff.isError) return <QueryError error={staff.error} onRetry={() => void staff.refetch()} />
  if (staff.data.items.length === 0) return <Empty description={t('nodes.staffEmpty')} />
  return (
    <div className="kx-stack" data-testid="node-staff">
      {staff.data.items.map((person) => (
        <Card key={person.userId} size="small" className="kx-row-card" data-testid="staff-row">
          <div className="kx-row-main">
            <strong>{person.displayName}</strong>
            <span className="kx-meta">
              {person.phone ?? t('common.none')} · {t('nodes.staffSince', { date: formatDate(person.since) })}
            </span>
            <div className="kx-tags" style={{ margin: '4px 0 0' }}>
              {person.roles.map((role) => (
                <Tag key={role}>{t(`role.${role}`)}</Tag>
              ))}
            </div>
          </div>
        </Card>
      ))}
    </div>
  )
}
