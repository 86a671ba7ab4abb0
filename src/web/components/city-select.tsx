import { Select, Typography } from 'antd'
import { useStatsByCity } from '../queries.ts'
import { useT } from '../i18n/use-t.ts'

type TCitySelectProps = { value: string | undefined; onChange: (cityCode: string | undefined) => void }

type TProvinceGroup = { label: string; title: string; options: { label: string; value: string }[] }

/**
 * Region filter: the cities that have resources (GET /api/stats/by-city), grouped by province.
 * A stop-gap until the province/city cascader arrives with the region module.
 * @returns a searchable select, or a note when the city list cannot be loaded
 */
export function CitySelect({ value, onChange }: TCitySelectProps) {
  const t = useT()
  const { data, isPending, isError } = useStatsByCity()
  if (isError) return <Typography.Text type="warning">{t('list.regionLoadFailed')}</Typography.Text>

  const groups = new Map<string, TProvinceGroup>()
  for (const city of data?.items ?? []) {
    const group = groups.get(city.provinceName) ?? { label: city.provinceName, title: city.provinceName, options: [] }
    group.options.push({ label: city.cityName, value: city.cityCode })
    groups.set(city.provinceName, group)
  }

  return (
    <Select
      data-testid="region-filter"
      aria-label={t('list.filterRegion')}
      placeholder={t('list.filterRegionAll')}
      allowClear
      loading={isPending}
      showSearch={{ optionFilterProp: 'label' }}
      value={value}
      onChange={(next: string | undefined) => onChange(next || undefined)}
      options={[...groups.values()]}
    />
  )
}
