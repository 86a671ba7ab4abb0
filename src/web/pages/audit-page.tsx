import { Button, Empty, Grid, Pagination, Typography } from 'antd'
import { DownloadOutlined } from '@ant-design/icons'
import { useSearchParams } from 'react-router'
import { auditExportUrl } from '../api/audit.ts'
import { AuditFilters, toAuditFilter, type TAuditSearch } from '../components/audit/audit-filters.tsx'
import { AUDIT_RESULT_VALUES, AuditCards, AuditTable } from '../components/audit/audit-records.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { QueryError, QueryLoading } from '../components/query-state.tsx'
import { RequireSignIn } from '../components/require-sign-in.tsx'
import { useT } from '../i18n/use-t.ts'
import { readPage } from '../lib/search-params.ts'
import { useAuditRecords } from '../queries/audit.ts'

const PAGE_SIZE = 50
const SEARCH_KEYS = ['actorId', 'action', 'targetType', 'result', 'fromDay', 'toDay'] as const

function readSearch(params: URLSearchParams): TAuditSearch {
  const search: TAuditSearch = {}
  for (const key of SEARCH_KEYS) {
    const value = params.get(key)
    if (!value) continue
    if (key === 'result') {
      const result = AUDIT_RESULT_VALUES.find((r) => r === value)
      if (result) search.result = result
    } else {
      search[key] = value
    }
  }
  return search
}

function AuditLog() {
  const t = useT()
  const screens = Grid.useBreakpoint()
  const [searchParams, setSearchParams] = useSearchParams()
  const search = readSearch(searchParams)
  const page = readPage(searchParams)
  const filter = toAuditFilter(search)
  const records = useAuditRecords(filter, { page, pageSize: PAGE_SIZE })

  const update = (next: TAuditSearch, nextPage = 1) => {
    const params = new URLSearchParams()
    for (const key of SEARCH_KEYS) {
      const value = next[key]
      if (value) params.set(key, value)
    }
    if (nextPage > 1) params.set('page', String(nextPage))
    setSearchParams(params)
  }

  return (
    <div className="kx-stack">
      <AuditFilters value={search} onChange={(next) => update(next)} />
      <div className="kx-filters" style={{ alignItems: 'center', marginBottom: 0 }}>
        {records.data && (
          <Typography.Text type="secondary">{t('common.total', { total: records.data.total })}</Typography.Text>
        )}
        <Button href={auditExportUrl(filter)} download icon={<DownloadOutlined />} data-testid="audit-export">
          {t('audit.exportCsv')}
        </Button>
      </div>
      {records.isPending && <QueryLoading rows={8} />}
      {records.isError && <QueryError error={records.error} onRetry={() => void records.refetch()} />}
      {records.data && records.data.items.length === 0 && <Empty description={t('audit.empty')} />}
      {records.data &&
        records.data.items.length > 0 &&
        (screens.md ? (
          <AuditTable records={records.data.items} isLoading={records.isPlaceholderData} />
        ) : (
          <AuditCards records={records.data.items} />
        ))}
      {records.data && records.data.total > PAGE_SIZE && (
        <div className="kx-pagination">
          <Pagination
            current={page}
            pageSize={PAGE_SIZE}
            total={records.data.total}
            showSizeChanger={false}
            simple={!screens.sm}
            onChange={(next) => update(search, next)}
          />
        </div>
      )}
    </div>
  )
}

/**
 * 审计 (/console/audit): the audit log for auditors — filters, newest first, a table on wide screens and
 * cards on phones, paging, and the same search as a CSV download.
 * @returns the audit page
 */
export function AuditPage() {
  const t = useT()
  return (
    <>
      <PageHeading title={t('audit.title')} lead={t('audit.lead')} />
      <RequireSignIn roles={['auditor']}>{() => <AuditLog />}</RequireSignIn>
    </>
  )
}
