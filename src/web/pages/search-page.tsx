import { useState } from 'react'
import { Badge, Button, Drawer, Grid, Pagination, Typography } from 'antd'
import { FilterOutlined } from '@ant-design/icons'
import { useSearchParams } from 'react-router'
import type { TSearchParams } from '../api/search.ts'
import { PageHeading } from '../components/page-heading.tsx'
import { QueryError, QueryLoading } from '../components/query-state.tsx'
import { ActiveFilters } from '../components/search/active-filters.tsx'
import { FacetPanel } from '../components/search/facet-panel.tsx'
import { HelpRequestModal } from '../components/search/help-request-modal.tsx'
import { IndustryEntry } from '../components/search/industry-entry.tsx'
import { KindTabs } from '../components/search/kind-tabs.tsx'
import { SearchBox } from '../components/search/search-box.tsx'
import { HelpLink, LocationNotice, MatchModeNotice, NoResults } from '../components/search/search-notices.tsx'
import { SearchResultCard } from '../components/search/search-result-card.tsx'
import {
  changeSearchState,
  FILTER_NAMES,
  hasFilters,
  readSearchState,
  writeSearchState,
  type TSearchState,
} from '../components/search/search-url.ts'
import { SortControl, useViewerPosition, type TViewerPosition } from '../components/search/sort-control.tsx'
import '../components/search/search.css'
import { useT } from '../i18n/use-t.ts'
import { useSearch } from '../queries/search.ts'

const PAGE_SIZE = 20
/** The API serves pages 1–500. */
const MAX_PAGE = 500

/** The API request for the page's state; nearest becomes relevance while the position is unknown. */
function toApiParams(state: TSearchState, viewer: TViewerPosition): TSearchParams {
  const isNearest = state.sort === 'nearest' && viewer.position !== null
  return {
    ...state,
    sort: state.sort === 'nearest' && !isNearest ? 'relevance' : state.sort,
    lat: isNearest ? viewer.position?.lat : undefined,
    lng: isNearest ? viewer.position?.lng : undefined,
    pageSize: PAGE_SIZE,
  }
}

/**
 * 资源检索 (/search): the search box with suggestions, kind tabs, facets with exact counts (a drawer on
 * phones), sorting, highlighted results, pagination and 帮我找. Everything but the viewer's position is in
 * the URL, so a search can be bookmarked and shared.
 * @returns the search page
 */
export function SearchPage() {
  const t = useT()
  const screens = Grid.useBreakpoint()
  const isWide = screens.lg === true
  const [searchParams, setSearchParams] = useSearchParams()
  const state = readSearchState(searchParams)
  const viewer = useViewerPosition(state.sort === 'nearest')
  const result = useSearch(toApiParams(state, viewer), viewer.status !== 'locating')
  const [isDrawerOpen, setDrawerOpen] = useState(false)
  const [isHelpOpen, setHelpOpen] = useState(false)
  const data = result.data

  const update = (changes: Partial<TSearchState>) =>
    setSearchParams(writeSearchState(changeSearchState(state, changes)))
  const isLanding = !state.q && !state.kind && !hasFilters(state)
  const filterCount = FILTER_NAMES.filter((name) => state[name] !== undefined && name !== 'priceMax').length
  const facetPanel = data && <FacetPanel state={state} facets={data.facets} onChange={update} />

  return (
    <>
      <PageHeading title={t('search.title')} />
      <div className="kx-search-box">
        <SearchBox key={state.q} initialText={state.q} onSearch={(q) => update({ q })} />
      </div>
      <KindTabs kindFacet={data?.facets.kind} selected={state.kind} onSelect={(kind) => update({ kind })} />
      <div className="kx-search-layout">
        {isWide && facetPanel && <aside className="kx-search-side">{facetPanel}</aside>}
        <section className="kx-search-main" aria-label={t('search.resultsLabel')}>
          <div className="kx-search-toolbar">
            <Typography.Text type="secondary" data-testid="search-total">
              {data
                ? t(data.totalExact === false ? 'search.totalApprox' : 'search.total', { total: data.total })
                : t('common.loading')}
            </Typography.Text>
            <div className="kx-search-toolbar-actions">
              {!isWide && (
                <Badge count={filterCount} size="small">
                  <Button icon={<FilterOutlined />} onClick={() => setDrawerOpen(true)} data-testid="filters-button">
                    {t('search.filtersButton')}
                  </Button>
                </Badge>
              )}
              <SortControl value={state.sort} onChange={(sort) => update({ sort })} />
            </div>
          </div>
          <ActiveFilters state={state} data={data} onChange={update} />
          <div className="kx-stack-tight">
            <LocationNotice viewer={viewer} />
            {data && data.items.length > 0 && <MatchModeNotice matchMode={data.matchMode} />}
          </div>
          {isLanding && <IndustryEntry />}
          {result.isPending && <QueryLoading rows={8} />}
          {result.isError && <QueryError error={result.error} onRetry={() => void result.refetch()} />}
          {data && data.items.length === 0 && <NoResults q={state.q} onAskForHelp={() => setHelpOpen(true)} />}
          {data && data.items.length > 0 && (
            <>
              <div
                className="kx-result-list"
                data-testid="search-results"
                style={{ opacity: result.isPlaceholderData ? 0.6 : 1 }}
              >
                {data.items.map((item) => (
                  <SearchResultCard key={item.id} item={item} />
                ))}
              </div>
              {data.total > PAGE_SIZE && (
                <div className="kx-pagination">
                  <Pagination
                    current={state.page}
                    pageSize={PAGE_SIZE}
                    total={Math.min(data.total, MAX_PAGE * PAGE_SIZE)}
                    showSizeChanger={false}
                    simple={!screens.sm}
                    onChange={(page) => {
                      update({ page })
                      window.scrollTo(0, 0)
                    }}
                  />
                </div>
              )}
              <HelpLink onAskForHelp={() => setHelpOpen(true)} />
            </>
          )}
        </section>
      </div>
      <Drawer
        title={t('search.filtersTitle')}
        placement="bottom"
        size="85%"
        open={isDrawerOpen && !isWide}
        onClose={() => setDrawerOpen(false)}
        data-testid="filters-drawer"
      >
        {facetPanel}
      </Drawer>
      <HelpRequestModal isOpen={isHelpOpen} query={state.q} onClose={() => setHelpOpen(false)} />
    </>
  )
}
