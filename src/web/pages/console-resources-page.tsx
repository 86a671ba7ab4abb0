import { Button, Dropdown, Empty, Input, Pagination, Result, Select, Typography } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { useNavigate, useSearchParams } from 'react-router'
import { RESOURCE_STATUSES, type TResourceStatus } from '../../shared/contracts/catalog-write.ts'
import type { TMe } from '../../shared/contracts/identity.ts'
import { RESOURCE_KINDS, type TResourceKind } from '../../shared/resource-kinds.ts'
import { creatableKinds, PROVIDER_ROLES, providerOrgs } from '../components/catalog/catalog-roles.ts'
import { ManagedResourceRow } from '../components/catalog/managed-resource-row.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { QueryError, QueryLoading } from '../components/query-state.tsx'
import { RequireSignIn } from '../components/require-sign-in.tsx'
import { useT } from '../i18n/use-t.ts'
import { readPage } from '../lib/search-params.ts'
import { useManagedResources } from '../queries/catalog.ts'
import '../components/catalog/catalog.css'

const PAGE_SIZE = 20

function readEnum<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((item) => item === value)
}

function NewResourceButton({ me, orgId }: { me: TMe; orgId: string }) {
  const t = useT()
  const navigate = useNavigate()
  const kinds = creatableKinds(me, orgId)
  if (kinds.length === 0) return null
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: kinds.map((kind) => ({ key: kind, label: t(`kind.${kind}`), 'data-testid': `new-${kind}` })),
        onClick: ({ key }) => navigate(`/console/resources/new?kind=${key}&orgId=${orgId}`),
      }}
    >
      <Button type="primary" icon={<PlusOutlined />} data-testid="new-resource">
        {t('cat.console.new')}
      </Button>
    </Dropdown>
  )
}

function ResourceConsole({ me }: { me: TMe }) {
  const t = useT()
  const [params, setParams] = useSearchParams()
  const orgs = providerOrgs(me)
  const orgId = params.get('orgId') ?? orgs[0]?.id ?? ''
  const status = readEnum<TResourceStatus>(params.get('status'), RESOURCE_STATUSES)
  const kind = readEnum<TResourceKind>(params.get('kind'), RESOURCE_KINDS)
  const q = params.get('q') ?? ''
  const page = readPage(params)
  const list = useManagedResources({ orgId, status, kind, q: q || undefined, page, pageSize: PAGE_SIZE })

  const setFilter = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params)
    next.set('orgId', orgId)
    if (value) next.set(name, value)
    else next.delete(name)
    if (name !== 'page') next.delete('page')
    setParams(next, { replace: name !== 'page' })
  }

  if (!orgId) return <Result status="info" title={t('cat.console.noOrg')} />
  return (
    <div className="kx-stack">
      <div className="kx-filters" style={{ marginBottom: 0 }}>
        {orgs.length > 1 && (
          <Select
            value={orgId}
            onChange={(value) => setFilter('orgId', value)}
            options={orgs.map((org) => ({ value: org.id, label: org.name }))}
            aria-label={t('cat.console.org')}
            data-testid="org-select"
          />
        )}
        <Select
          allowClear
          value={status}
          placeholder={t('cat.console.allStatuses')}
          onChange={(value?: TResourceStatus) => setFilter('status', value)}
          options={RESOURCE_STATUSES.map((value) => ({ value, label: t(`cat.status.${value}`) }))}
          aria-label={t('cat.console.status')}
          data-testid="status-filter"
        />
        <Select
          allowClear
          value={kind}
          placeholder={t('list.filterKindAll')}
          onChange={(value?: TResourceKind) => setFilter('kind', value)}
          options={RESOURCE_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))}
          aria-label={t('list.filterKind')}
          data-testid="kind-filter"
        />
        <Input.Search
          key={q}
          defaultValue={q}
          allowClear
          placeholder={t('cat.console.search')}
          onSearch={(value) => setFilter('q', value.trim() || undefined)}
          style={{ maxWidth: 280 }}
        />
        <NewResourceButton me={me} orgId={orgId} />
      </div>
      {list.isPending && <QueryLoading rows={6} />}
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <Typography.Text type="secondary" data-testid="console-total">
          {t('common.total', { total: list.data.total })}
        </Typography.Text>
      )}
      {list.data?.items.length === 0 && <Empty description={t('cat.console.empty')} />}
      {list.data?.items.map((item) => (
        <ManagedResourceRow key={item.id} item={item} to={`/console/resources/${item.id}`} />
      ))}
      {list.data && list.data.total > PAGE_SIZE && (
        <Pagination
          simple
          current={page}
          pageSize={PAGE_SIZE}
          total={list.data.total}
          onChange={(next) => setFilter('page', String(next))}
        />
      )}
    </div>
  )
}

/**
 * 资源管理 (/console/resources?orgId=&status=&kind=&q=&page=): an organisation's resources in every status
 * with their revision status, version and update time, filters in the URL (shareable), and 新建资源 by kind.
 * For the organisation's admins and resource or instrument managers.
 * @returns the provider console
 */
export function ConsoleResourcesPage() {
  const t = useT()
  return (
    <>
      <PageHeading title={t('cat.console.title')} lead={t('cat.console.lead')} />
      <RequireSignIn roles={PROVIDER_ROLES}>{(me) => <ResourceConsole me={me} />}</RequireSignIn>
    </>
  )
}
