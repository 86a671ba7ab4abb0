import { Card } from 'antd'
import type { TStatsOverviewResponse } from '../../shared/contracts/stats.ts'
import type { TMessageKey } from '../i18n/zh-CN.ts'
import { useLang, useT } from '../i18n/use-t.ts'
import { formatFenLarge } from '../lib/format.ts'

type TFigure = { testId: string; labelKey: TMessageKey; value: string; isLong?: boolean }

/**
 * The platform's headline figures from GET /api/stats/overview. Counts are shown as bare integers
 * (no separators) so what the page says can be compared with the database as text.
 * @returns a grid of figure cards
 */
export function StatFigures({ overview }: { overview: TStatsOverviewResponse }) {
  const t = useT()
  const { lang } = useLang()
  const figures: TFigure[] = [
    { testId: 'stat-resources-total', labelKey: 'stat.resourcesTotal', value: String(overview.resourcesTotal) },
    { testId: 'stat-organisations', labelKey: 'stat.organisations', value: String(overview.organisations) },
    { testId: 'stat-cities', labelKey: 'stat.cities', value: String(overview.cities) },
    { testId: 'stat-nodes', labelKey: 'stat.nodes', value: String(overview.nodes) },
    { testId: 'stat-demands', labelKey: 'stat.demands', value: String(overview.demands) },
    {
      testId: 'stat-instrument-value',
      labelKey: 'stat.instrumentValue',
      value: formatFenLarge(overview.instrumentValueFen, lang, t),
      isLong: true,
    },
  ]
  return (
    <div className="kx-grid">
      {figures.map((figure) => (
        <Card key={figure.testId} size="small">
          <div className="kx-stat-label">{t(figure.labelKey)}</div>
          <div
            className={figure.isLong ? 'kx-stat-value kx-stat-value-long' : 'kx-stat-value'}
            data-testid={figure.testId}
          >
            {figure.value}
          </div>
        </Card>
      ))}
    </div>
  )
}
