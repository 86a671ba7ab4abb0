import { Button, Tag } from 'antd'
import type { TSearchResponse } from '../../../shared/contracts/search.ts'
import { useLang, useT } from '../../i18n/use-t.ts'
import { useRegionNames } from './region-facet.tsx'
import { facetLabel, priceRangeLabel, type TFacetName } from './search-labels.ts'
import { hasFilters, type TSearchState } from './search-url.ts'

type TActiveFiltersProps = {
  state: TSearchState
  data: TSearchResponse | undefined
  onChange: (changes: Partial<TSearchState>) => void
}

/**
 * The filters in force as closable tags (each one removes its filter) and "clear all": what the URL
 * says, in words.
 * @returns the bar, or nothing without filters
 */
export function ActiveFilters({ state, data, onChange }: TActiveFiltersProps) {
  const t = useT()
  const { lang } = useLang()
  const regionNames = useRegionNames()
  if (!hasFilters(state)) return null

  const bucketLabel = (facet: TFacetName, value: string) => {
    const bucket = data?.facets[facet].find((b) => b.value === value)
    return facetLabel(facet, { value, label: bucket?.label ?? null }, t)
  }
  const ownerName = (orgId: string) =>
    data?.facets.org.find((b) => b.value === orgId)?.label ??
    data?.items.find((item) => item.owner.id === orgId)?.owner.name ??
    t('search.orgSelected')

  const tags: { key: string; label: string; clear: Partial<TSearchState> }[] = []
  if (state.region) {
    const name = regionNames.get(state.region) ?? bucketLabel('region', state.region)
    tags.push({ key: 'region', label: name, clear: { region: undefined } })
  }
  if (state.category) {
    tags.push({ key: 'category', label: bucketLabel('category', state.category), clear: { category: undefined } })
  }
  if (state.industry) {
    tags.push({ key: 'industry', label: bucketLabel('industry', state.industry), clear: { industry: undefined } })
  }
  if (state.discipline) {
    const label = bucketLabel('discipline', state.discipline)
    tags.push({ key: 'discipline', label, clear: { discipline: undefined } })
  }
  if (state.orgId) {
    tags.push({
      key: 'orgId',
      label: t('search.ownerFilter', { name: ownerName(state.orgId) }),
      clear: { orgId: undefined },
    })
  }
  if (state.sharing) tags.push({ key: 'sharing', label: t(`sharing.${state.sharing}`), clear: { sharing: undefined } })
  if (state.priceMin !== undefined || state.priceMax !== undefined) {
    tags.push({
      key: 'price',
      label: priceRangeLabel(state.priceMin, state.priceMax, lang, t),
      clear: { priceMin: undefined, priceMax: undefined },
    })
  }

  return (
    <div className="kx-active-filters" data-testid="active-filters">
      {tags.map((tag) => (
        <Tag
          key={tag.key}
          closable
          onClose={(event) => {
            event.preventDefault()
            onChange(tag.clear)
          }}
          data-testid={`active-filter-${tag.key}`}
        >
          {tag.label}
        </Tag>
      ))}
      <Button
        type="link"
        size="small"
        onClick={() =>
          onChange({
            region: undefined,
            category: undefined,
            discipline: undefined,
            industry: undefined,
            orgId: undefined,
            sharing: undefined,
            priceMin: undefined,
            priceMax: undefined,
          })
        }
        data-testid="clear-filters"
      >
        {t('search.clearAll')}
      </Button>
    </div>
  )
}
