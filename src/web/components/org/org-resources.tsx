import { useState } from 'react'
import { Card, Empty, List, Pagination, Select, Tag, Typography } from 'antd'
import { Link } from 'react-router'
import { RESOURCE_KINDS, type TResourceKind } from '../../../shared/resource-kinds.ts'
import { useT } from '../../i18n/use-t.ts'
import { formatDate } from '../../lib/format.ts'
import { useOrgPublishedResources } from '../../queries/catalog.ts'
import { useMe } from '../../queries/session.ts'
import { isProviderOf } from '../catalog/catalog-roles.ts'
import { QueryError, QueryLoading } from '../query-state.tsx'
import '../catalog/catalog.css'

const PAGE_SIZE = 10

/**
 * 本单位资源 on an organisation's page: its published resources (GET /api/resources?orgId=), filtered by
 * kind and paged, each linking to its detail page; the unit's providers also get a link to 资源管理.
 * @param orgId the organisation
 * @returns the section
 */
export function OrgResources({ orgId }: { orgId: string }) {
  const t = useT()
  const me = useMe().data
  const [kind, setKind] = useState<TResourceKind | undefined>(undefined)
  const [page, setPage] = useState(1)
  const list = useOrgPublishedResources({ orgId, kind, page, pageSize: PAGE_SIZE })
  const canManage = isProviderOf(me, orgId)

  return (
    <div className="kx-section">
      <Card
        size="small"
        title={t('cat.org.title')}
        data-testid="org-resources"
        extra={
          canManage && (
            <Link to={`/console/resources?orgId=${orgId}`} data-testid="org-manage-resources">
              {t('cat.org.manage')}
            </Link>
          )
        }
      >
        <div className="kx-stack" style={{ gap: 12 }}>
          <div className="kx-filters" style={{ marginBottom: 0, alignItems: 'center' }}>
            <Select
              allowClear
              value={kind}
              placeholder={t('list.filterKindAll')}
              onChange={(value?: TResourceKind) => {
                setKind(value)
                setPage(1)
              }}
              options={RESOURCE_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))}
              aria-label={t('list.filterKind')}
            />
            {list.data && (
              <Typography.Text type="secondary" data-testid="org-resources-total">
                {t('common.total', { total: list.data.total })}
              </Typography.Text>
            )}
          </div>
          {list.isPending && <QueryLoading rows={4} />}
          {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
          {list.data?.items.length === 0 && <Empty description={t('cat.org.empty')} />}
          {list.data && list.data.items.length > 0 && (
            <List
              size="small"
              dataSource={list.data.items}
              renderItem={(item) => (
                <List.Item data-testid="org-resource">
                  <div className="kx-row-main">
                    <Link to={`/resources/${item.id}`} className="kx-wrap-anywhere">
                      {item.title}
                    </Link>
                    <span className="kx-cat-tags">
                      <Tag color="blue">{t(`kind.${item.kind}`)}</Tag>
                      <Typography.Text type="secondary">
                        {item.regionName}
                        {item.publishedAt && ` · ${formatDate(item.publishedAt)}`}
                      </Typography.Text>
                    </span>
                  </div>
                </List.Item>
              )}
            />
          )}
          {list.data && list.data.total > PAGE_SIZE && (
            <Pagination simple current={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={setPage} />
          )}
        </div>
      </Card>
    </div>
  )
}
