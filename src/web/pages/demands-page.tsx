import { Card, Descriptions, Empty, Grid, Pagination, Typography } from 'antd'
import { useSearchParams } from 'react-router'
import type { TDemandSummary } from '../api-client.ts'
import { PageHeading } from '../components/page-heading.tsx'
import { QueryError, QueryLoading } from '../components/query-state.tsx'
import { useLang, useT } from '../i18n/use-t.ts'
import { formatDate, formatFenLarge } from '../lib/format.ts'
import { readPage } from '../lib/search-params.ts'
import { useDemandList } from '../queries.ts'

const PAGE_SIZE = 20

function DemandCard({ demand }: { demand: TDemandSummary }) {
  const t = useT()
  const { lang } = useLang()
  return (
    <Card size="small" className="kx-wrap-anywhere" data-testid="demand-card">
      <h3 className="kx-card-title kx-clamp-2">{demand.title}</h3>
      <p className="kx-clamp-3" style={{ margin: '0 0 8px' }}>
        {demand.summary}
      </p>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'org', label: t('demands.org'), children: demand.org.name },
          { key: 'region', label: t('demands.region'), children: demand.regionName },
          {
            key: 'budget',
            label: t('demands.budget'),
            children:
              demand.budgetFen === null ? t('demands.budgetNegotiable') : formatFenLarge(demand.budgetFen, lang, t),
          },
          {
            key: 'deadline',
            label: t('demands.deadline'),
            children: demand.deadline ? formatDate(demand.deadline) : t('demands.noDeadline'),
          },
          {
            key: 'published',
            label: t('demands.publishedAt'),
            children: demand.publishedAt ? formatDate(demand.publishedAt) : t('common.none'),
          },
        ]}
      />
    </Card>
  )
}

/**
 * 技术需求: the published technology demands (GET /api/demands), newest first, paginated.
 * @returns the demands page
 */
export function DemandsPage() {
  const t = useT()
  const screens = Grid.useBreakpoint()
  const [searchParams, setSearchParams] = useSearchParams()
  const page = readPage(searchParams)
  const demands = useDemandList(page, PAGE_SIZE)

  return (
    <>
      <PageHeading title={t('demands.title')} lead={t('demands.lead')} />
      {demands.isPending && <QueryLoading rows={8} />}
      {demands.isError && <QueryError error={demands.error} onRetry={() => void demands.refetch()} />}
      {demands.data && (
        <>
          <Typography.Paragraph type="secondary">
            {t('common.total', { total: demands.data.total })}
          </Typography.Paragraph>
          {demands.data.items.length === 0 ? (
            <Empty description={t('demands.empty')} />
          ) : (
            <div className="kx-grid-wide">
              {demands.data.items.map((demand) => (
                <DemandCard key={demand.id} demand={demand} />
              ))}
            </div>
          )}
          {demands.data.total > PAGE_SIZE && (
            <div className="kx-pagination">
              <Pagination
                current={page}
                pageSize={PAGE_SIZE}
                total={demands.data.total}
                showSizeChanger={false}
                simple={!screens.sm}
                onChange={(next) => setSearchParams(next > 1 ? { page: String(next) } : {})}
              />
            </div>
          )}
        </>
      )}
    </>
  )
}
