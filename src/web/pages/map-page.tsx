import { Alert, Card, Empty } from 'antd'
import { Link } from 'react-router'
import type { TStatsByCityResponse } from '../../shared/contracts/stats.ts'
import { PageHeading } from '../components/page-heading.tsx'
import { QueryError, QueryLoading } from '../components/query-state.tsx'
import { useT } from '../i18n/use-t.ts'
import { useStatsByCity } from '../queries.ts'

type TCity = TStatsByCityResponse['items'][number]
type TProvince = { name: string; resources: number; cities: TCity[] }

function groupByProvince(cities: readonly TCity[]): TProvince[] {
  const provinces = new Map<string, TProvince>()
  for (const city of cities) {
    const province = provinces.get(city.provinceName) ?? { name: city.provinceName, resources: 0, cities: [] }
    province.resources += city.resources
    province.cities.push(city)
    provinces.set(city.provinceName, province)
  }
  return [...provinces.values()].sort((a, b) => b.resources - a.resources)
}

function ProvinceCard({ province }: { province: TProvince }) {
  const t = useT()
  return (
    <Card
      size="small"
      title={province.name}
      className="kx-wrap-anywhere"
      data-testid="map-province"
      extra={
        <span className="kx-meta">
          {t('map.provinceSummary', { cities: province.cities.length, resources: province.resources })}
        </span>
      }
    >
      {province.cities.map((city) => (
        <div key={city.cityCode} style={{ padding: '6px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}>
          <Link to={`/resources?region=${city.cityCode}`} title={t('map.browseCity')}>
            <strong>{city.cityName}</strong>
          </Link>
          <div className="kx-meta">
            {t('map.cityResources', { count: city.resources })} ·{' '}
            {t('map.cityOrganisations', { count: city.organisations })}
          </div>
        </div>
      ))}
    </Card>
  )
}

/**
 * 创新地图: each province's cities with their resources and organisations
 * (GET /api/stats/by-city), as cards until the real map arrives with the statistics module.
 * @returns the innovation map page
 */
export function MapPage() {
  const t = useT()
  const byCity = useStatsByCity()
  return (
    <>
      <PageHeading title={t('map.title')} />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('map.note')} />
      {byCity.isPending && <QueryLoading rows={6} />}
      {byCity.isError && <QueryError error={byCity.error} onRetry={() => void byCity.refetch()} />}
      {byCity.data && byCity.data.items.length === 0 && <Empty description={t('common.empty')} />}
      {byCity.data && byCity.data.items.length > 0 && (
        <div className="kx-grid-wide">
          {groupByProvince(byCity.data.items).map((province) => (
            <ProvinceCard key={province.name} province={province} />
          ))}
        </div>
      )}
    </>
  )
}
