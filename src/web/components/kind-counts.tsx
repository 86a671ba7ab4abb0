import { Card } from 'antd'
import { Link } from 'react-router'
import type { TStatsOverviewResponse } from '../../shared/contracts/stats.ts'
import { RESOURCE_KINDS } from '../../shared/resource-kinds.ts'
import { useT } from '../i18n/use-t.ts'

/**
 * One card per resource kind with its published count, linking to that kind's resources. Kinds
 * the server does not report count as 0. The count element holds only the integer
 * (`data-testid="stat-kind-<kind>"`); the label sits in its own element.
 * @returns a grid of kind cards
 */
export function KindCounts({ overview }: { overview: TStatsOverviewResponse }) {
  const t = useT()
  const counts = new Map(overview.resourcesByKind.map((row) => [row.kind, row.count]))
  return (
    <div className="kx-grid">
      {RESOURCE_KINDS.map((kind) => (
        <Link key={kind} to={`/resources?kind=${kind}`} className="kx-card-link">
          <Card size="small" hoverable>
            <div className="kx-stat-label">{t(`kind.${kind}`)}</div>
            <div className="kx-stat-value" data-testid={`stat-kind-${kind}`}>
              {String(counts.get(kind) ?? 0)}
            </div>
          </Card>
        </Link>
      ))}
    </div>
  )
}
