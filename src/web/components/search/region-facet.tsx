import { useMemo } from 'react'
import { Breadcrumb } from 'antd'
import type { TCodeNode } from '../../../shared/codes/tree.ts'
import type { TSearchResponse } from '../../../shared/contracts/search.ts'
import { useT } from '../../i18n/use-t.ts'
import { useRegionTree } from '../region-cascader.tsx'
import { FacetItem, FacetSection } from './facet-list.tsx'

/**
 * The enclosing regions of a GB/T 2260 code, province first: 231002 → 230000, 231000, 231002.
 * @param code a province, city or district code
 * @returns the codes from the province down to the code itself
 */
export function regionAncestry(code: string): string[] {
  const province = `${code.slice(0, 2)}0000`
  const city = `${code.slice(0, 4)}00`
  if (code === province) return [province]
  if (code === city) return [province, city]
  return [province, city, code]
}

function indexNames(tree: readonly TCodeNode[], names = new Map<string, string>()): Map<string, string> {
  for (const node of tree) {
    names.set(node.code, node.name)
    if (node.children) indexNames(node.children, names)
  }
  return names
}

/**
 * Region names by code, from the lazily loaded GB/T 2260 tree (its own chunk); empty until it arrives.
 * @returns the lookup
 */
export function useRegionNames(): ReadonlyMap<string, string> {
  const tree = useRegionTree()
  return useMemo(() => indexNames(tree.data ?? []), [tree.data])
}

type TRegionFacetProps = {
  facets: TSearchResponse['facets']
  selected: string | undefined
  onSelect: (code: string | undefined) => void
}

/**
 * 地区 with drill-down: provinces, then the chosen province's cities, then the chosen city's districts
 * (the API says which through `regionLevel`). The path above is a breadcrumb back up, 全国 first.
 * @returns the facet section
 */
export function RegionFacet({ facets, selected, onSelect }: TRegionFacetProps) {
  const t = useT()
  const names = useRegionNames()
  const labels = new Map(facets.region.map((b) => [b.value, b.label ?? b.value]))
  const nameOf = (code: string) => names.get(code) ?? labels.get(code) ?? code
  const path = selected ? regionAncestry(selected) : []
  if (facets.region.length === 0 && path.length === 0) return null
  const crumbs = [
    { title: t('search.regionAll'), code: undefined as string | undefined },
    ...path.map((code) => ({ title: nameOf(code), code })),
  ]
  return (
    <FacetSection title={t('search.facetRegion')} testId="facet-region">
      {path.length > 0 && (
        <Breadcrumb
          className="kx-region-crumbs"
          items={crumbs.map((crumb, index) => ({
            key: crumb.code ?? 'all',
            title:
              index === crumbs.length - 1 ? (
                <span data-testid="region-current">{crumb.title}</span>
              ) : (
                <a
                  href="#"
                  data-testid={`region-up-${crumb.code ?? 'all'}`}
                  onClick={(event) => {
                    event.preventDefault()
                    onSelect(crumb.code)
                  }}
                >
                  {crumb.title}
                </a>
              ),
          }))}
        />
      )}
      {facets.region.map((bucket) => {
        const isSelected = bucket.value === selected
        return (
          <FacetItem
            key={bucket.value}
            testId={`facet-region-${bucket.value}`}
            label={bucket.label ?? nameOf(bucket.value)}
            count={bucket.count}
            isSelected={isSelected}
            // Pressing the chosen district again goes back to its city.
            onClick={() => onSelect(isSelected ? path[path.length - 2] : bucket.value)}
          />
        )
      })}
    </FacetSection>
  )
}
