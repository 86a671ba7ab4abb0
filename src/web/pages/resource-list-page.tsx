import { Alert, Empty, Grid, Pagination, Select, Typography } from 'antd'
import { useSearchParams } from 'react-router'
import { RESOURCE_KINDS, type TResourceKind } from '../../shared/resource-kinds.ts'
import { CitySelect } from '../components/city-select.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { QueryError, QueryLoading } from '../components/query-state.tsx'
import { ResourceCard } from '../components/resource-card.tsx'
import type { TMessageKey } from '../i18n/zh-CN.ts'
import { useT } from '../i18n/use-t.ts'
import { readPage } from '../lib/search-params.ts'
import { useResourceList } from '../queries.ts'

const PAGE_SIZE = 20

type TResourceListPageProps = {
  /** Fixed kinds of this page (e.g. achievement + patent); absent on the all-resources page. */
  kinds?: readonly TResourceKind[]
  titleKey: TMessageKey
  leadKey: TMessageKey
  /** Offer a kind filter (the all-resources page, reached from the home search and kind cards). */
  isKindSelectable?: boolean
}

function isResourceKind(value: string | null): value is TResourceKind {
  return RESOURCE_KINDS.some((kind) => kind === value)
}

/**
 * The one catalogue list page behind 仪器设备, 专家人才, 科技成果, 服务商城, 科技文献 and 全部资源:
 * a city filter, result cards and pagination. Filters and page live in the URL so that links and
 * the back button keep them.
 * @returns the list page
 */
export function ResourceListPage({ kinds, titleKey, leadKey, isKindSelectable = false }: TResourceListPageProps) {
  const t = useT()
  const screens = Grid.useBreakpoint()
  const [searchParams, setSearchParams] = useSearchParams()
  const page = readPage(searchParams)
  const region = searchParams.get('region') ?? undefined
  const kindParam = searchParams.get('kind')
  const selectedKind = isKindSelectable && isResourceKind(kindParam) ? kindParam : undefined
  const query = searchParams.get('q')?.trim()
  const effectiveKinds = selectedKind ? [selectedKind] : kinds

  const list = useResourceList({ kinds: effectiveKinds, region, page, pageSize: PAGE_SIZE })

  const updateParams = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(searchParams)
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value)
      else next.delete(name)
    }
    setSearchParams(next)
  }

  return (
    <>
      <PageHeading title={t(titleKey)} lead={t(leadKey)} />
      {query && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('list.searchPending', { q: query })} />
      )}
      <div className="kx-filters">
        {isKindSelectable && (
          <Select
            data-testid="kind-filter"
            aria-label={t('list.filterKind')}
            placeholder={t('list.filterKindAll')}
            allowClear
            value={selectedKind}
            onChange={(kind: TResourceKind | undefined) => updateParams({ kind, page: undefined })}
            options={RESOURCE_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
          />
        )}
        <CitySelect value={region} onChange={(cityCode) => updateParams({ region: cityCode, page: undefined })} />
      </div>

      {list.isPending && <QueryLoading rows={8} />}
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <>
          <Typography.Paragraph type="secondary" data-testid="list-total">
            {t('common.total', { total: list.data.total })}
          </Typography.Paragraph>
          {list.data.items.length === 0 ? (
            <Empty description={t('list.empty')} />
          ) : (
            <div className="kx-grid-wide" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
              {list.data.items.map((resource) => (
                <ResourceCard key={resource.id} resource={resource} />
              ))}
            </div>
          )}
          {list.data.total > PAGE_SIZE && (
            <div className="kx-pagination">
              <Pagination
                current={page}
                pageSize={PAGE_SIZE}
                total={list.data.total}
                showSizeChanger={false}
                simple={!screens.sm}
                onChange={(next) => updateParams({ page: next > 1 ? String(next) : undefined })}
              />
            </div>
          )}
        </>
      )}
    </>
  )
}
