import { Table, Typography, type TableColumnsType } from 'antd'
import type { TStatsByCityResponse } from '../../shared/contracts/stats.ts'
import { KindCounts } from '../components/kind-counts.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { QueryError, QueryLoading } from '../components/query-state.tsx'
import { StatFigures } from '../components/stat-figures.tsx'
import { useT } from '../i18n/use-t.ts'
import { useStatsByCity, useStatsOverview } from '../queries.ts'

type TCityRow = TStatsByCityResponse['items'][number]

function CityTable() {
  const t = useT()
  const byCity = useStatsByCity()
  if (byCity.isPending) return <QueryLoading rows={6} />
  if (byCity.isError) return <QueryError error={byCity.error} onRetry={() => void byCity.refetch()} />

  const columns: TableColumnsType<TCityRow> = [
    { key: 'province', title: t('stats.colProvince'), dataIndex: 'provinceName' },
    { key: 'city', title: t('stats.colCity'), dataIndex: 'cityName' },
    {
      key: 'resources',
      title: t('stats.colResources'),
      dataIndex: 'resources',
      align: 'right',
      sorter: (a, b) => a.resources - b.resources,
      defaultSortOrder: 'descend',
    },
    {
      key: 'organisations',
      title: t('stats.colOrganisations'),
      dataIndex: 'organisations',
      align: 'right',
      sorter: (a, b) => a.organisations - b.organisations,
    },
  ]
  // The table scrolls sideways inside its own container if a phone is too narrow; the page never does.
  return (
    <Table<TCityRow>
      data-testid="stats-by-city"
      rowKey="cityCode"
      size="small"
      columns={columns}
      dataSource={byCity.data.items}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false, size: 'small' }}
    />
  )
}

/**
 * 数据统计: the public dashboard — headline figures and counts by kind (GET /api/stats/overview)
 * and resources per city (GET /api/stats/by-city).
 * @returns the statistics page
 */
export function StatsPage() {
  const t = useT()
  const overview = useStatsOverview()
  return (
    <>
      <PageHeading title={t('stats.title')} lead={t('stats.lead')} />
      {overview.isPending && <QueryLoading rows={6} />}
      {overview.isError && <QueryError error={overview.error} onRetry={() => void overview.refetch()} />}
      {overview.data && (
        <>
          <section className="kx-section">
            <StatFigures overview={overview.data} />
          </section>
          <section className="kx-section">
            <Typography.Title level={3}>{t('stats.byKind')}</Typography.Title>
            <KindCounts overview={overview.data} />
          </section>
        </>
      )}
      <section className="kx-section">
        <Typography.Title level={3}>{t('stats.byCity')}</Typography.Title>
        <CityTable />
      </section>
    </>
  )
}
