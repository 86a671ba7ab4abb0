import { Typography } from 'antd'
import { Link, useNavigate } from 'react-router'
import { KindCounts } from '../components/kind-counts.tsx'
import { IndustryEntry } from '../components/search/industry-entry.tsx'
import { SearchBox } from '../components/search/search-box.tsx'
import { searchHref } from '../components/search/search-url.ts'
import { QueryError, QueryLoading } from '../components/query-state.tsx'
import { StatFigures } from '../components/stat-figures.tsx'
import { useT } from '../i18n/use-t.ts'
import { useStatsOverview } from '../queries.ts'

/**
 * Home: the search box, then the platform's real figures and one card per resource kind, all
 * from GET /api/stats/overview (nothing hard-coded).
 * @returns the home page
 */
export function HomePage() {
  const t = useT()
  const navigate = useNavigate()
  const overview = useStatsOverview()

  const search = (value: string) => {
    const q = value.trim()
    navigate(searchHref({ q }))
  }

  return (
    <>
      <section className="kx-hero">
        <h1>{t('home.heroTitle')}</h1>
        <p>{t('home.heroLead')}</p>
        <SearchBox initialText="" onSearch={search} className="kx-hero-search" testId="home-search" />
      </section>

      {overview.isPending && <QueryLoading rows={6} />}
      {overview.isError && <QueryError error={overview.error} onRetry={() => void overview.refetch()} />}
      {overview.data && (
        <>
          <section className="kx-section" aria-labelledby="home-stats-title">
            <Typography.Title level={3} id="home-stats-title">
              {t('home.statsTitle')}
            </Typography.Title>
            <StatFigures overview={overview.data} />
            <div style={{ marginTop: 12 }}>
              <Link to="/stats">{t('home.moreStats')}</Link>
            </div>
          </section>
          <section className="kx-section" aria-labelledby="home-kinds-title">
            <Typography.Title level={3} id="home-kinds-title">
              {t('home.kindsTitle')}
            </Typography.Title>
            <KindCounts overview={overview.data} />
          </section>
          <section className="kx-section">
            <IndustryEntry />
          </section>
        </>
      )}
    </>
  )
}
