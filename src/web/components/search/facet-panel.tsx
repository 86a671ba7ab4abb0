import type { TSearchResponse } from '../../../shared/contracts/search.ts'
import { useT } from '../../i18n/use-t.ts'
import { FacetList } from './facet-list.tsx'
import { PriceFacet } from './price-facet.tsx'
import { RegionFacet } from './region-facet.tsx'
import { facetLabel } from './search-labels.ts'
import type { TSearchState } from './search-url.ts'

type TFacetPanelProps = {
  state: TSearchState
  facets: TSearchResponse['facets']
  onChange: (changes: Partial<TSearchState>) => void
}

/**
 * Every facet with its exact counts for the current words and filters: region (drill-down), category,
 * discipline, industry, owner unit (search by service unit), sharing level and price.
 * @returns the panel (the side column on wide screens, the drawer's body on phones)
 */
export function FacetPanel({ state, facets, onChange }: TFacetPanelProps) {
  const t = useT()
  return (
    <div className="kx-facet-panel" data-testid="facet-panel">
      <RegionFacet facets={facets} selected={state.region} onSelect={(region) => onChange({ region })} />
      <FacetList
        name="category"
        title={t('search.facetCategory')}
        buckets={facets.category}
        selected={state.category}
        labelOf={(b) => facetLabel('category', b, t)}
        onSelect={(category) => onChange({ category })}
      />
      <FacetList
        name="industry"
        title={t('search.facetIndustry')}
        buckets={facets.industry}
        selected={state.industry}
        labelOf={(b) => facetLabel('industry', b, t)}
        onSelect={(industry) => onChange({ industry })}
      />
      <FacetList
        name="discipline"
        title={t('search.facetDiscipline')}
        buckets={facets.discipline}
        selected={state.discipline}
        labelOf={(b) => facetLabel('discipline', b, t)}
        onSelect={(discipline) => onChange({ discipline })}
      />
      <FacetList
        name="org"
        title={t('search.facetOrg')}
        buckets={facets.org}
        selected={state.orgId}
        labelOf={(b) => facetLabel('org', b, t)}
        onSelect={(orgId) => onChange({ orgId })}
        filterPlaceholder={t('search.orgFilterPlaceholder')}
      />
      <FacetList
        name="sharing"
        title={t('search.facetSharing')}
        buckets={facets.sharing}
        selected={state.sharing}
        labelOf={(b) => facetLabel('sharing', b, t)}
        onSelect={(sharing) => onChange({ sharing: sharing === 'free' || sharing === 'paid' ? sharing : undefined })}
      />
      <PriceFacet
        key={`${state.priceMin ?? ''}-${state.priceMax ?? ''}`}
        buckets={facets.price}
        priceMin={state.priceMin}
        priceMax={state.priceMax}
        onSelect={(range) => onChange(range)}
      />
    </div>
  )
}
