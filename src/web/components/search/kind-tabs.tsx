import { Tabs } from 'antd'
import type { TSearchResponse } from '../../../shared/contracts/search.ts'
import { RESOURCE_KINDS, type TResourceKind } from '../../../shared/resource-kinds.ts'
import { useT } from '../../i18n/use-t.ts'

const ALL = 'all'

type TKindTabsProps = {
  kindFacet: TSearchResponse['facets']['kind'] | undefined
  selected: TResourceKind | undefined
  onSelect: (kind: TResourceKind | undefined) => void
}

/**
 * Kind tabs with counts: 全部 and every kind with matches (the API counts kinds without the kind filter,
 * so every tab keeps its number while one is chosen). Tabs that do not fit fold into antd's "more" menu.
 * @returns the tabs
 */
export function KindTabs({ kindFacet, selected, onSelect }: TKindTabsProps) {
  const t = useT()
  const counts = new Map((kindFacet ?? []).map((b) => [b.value, b.count]))
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0)
  const kinds = RESOURCE_KINDS.filter((kind) => (counts.get(kind) ?? 0) > 0 || kind === selected)
  const tab = (key: string, label: string, count: number) => ({
    key,
    label: (
      <span data-testid={`kind-tab-${key}`} data-count={count}>
        {label} <span className="kx-tab-count">{count}</span>
      </span>
    ),
  })
  return (
    <Tabs
      className="kx-kind-tabs"
      activeKey={selected ?? ALL}
      onChange={(key) => onSelect(key === ALL ? undefined : RESOURCE_KINDS.find((kind) => kind === key))}
      items={[
        tab(ALL, t('search.kindAll'), total),
        ...kinds.map((kind) => tab(kind, t(`kind.${kind}`), counts.get(kind) ?? 0)),
      ]}
    />
  )
}
