import { useState } from 'react'
import { Button, Select, Space, Typography } from 'antd'
import { DownloadOutlined, ExportOutlined } from '@ant-design/icons'
import { RESOURCE_STATUSES, type TResourceStatus } from '../../../shared/contracts/catalog-write.ts'
import type { TResourceKind } from '../../../shared/resource-kinds.ts'
import { exportUrl, templateUrl } from '../../api/catalog-import.ts'
import { useT } from '../../i18n/use-t.ts'

/**
 * 下载模板: the kind's template as Excel (with instructions and code tables) or CSV.
 * @returns two download buttons and a hint
 */
export function TemplateButtons({ kind }: { kind: TResourceKind }) {
  const t = useT()
  return (
    <div className="kx-stack">
      <Typography.Text type="secondary">{t('catImport.step.templateHint')}</Typography.Text>
      <Space wrap>
        <Button href={templateUrl(kind, 'xlsx')} download icon={<DownloadOutlined />} data-testid="template-xlsx">
          {t('catImport.templateXlsx')}
        </Button>
        <Button href={templateUrl(kind, 'csv')} download icon={<DownloadOutlined />} data-testid="template-csv">
          {t('catImport.templateCsv')}
        </Button>
      </Space>
    </div>
  )
}

/**
 * 导出: the unit's resources of the kind (optionally of one status) in the template's columns.
 * @returns a status filter and two download buttons
 */
export function ExportButtons({ orgId, kind }: { orgId: string; kind: TResourceKind }) {
  const t = useT()
  const [status, setStatus] = useState<TResourceStatus | undefined>(undefined)
  return (
    <div className="kx-stack">
      <Typography.Text type="secondary">{t('catImport.exportHint')}</Typography.Text>
      <Space wrap>
        <Select
          allowClear
          value={status}
          placeholder={t('catImport.allStatuses')}
          onChange={(value?: TResourceStatus) => setStatus(value)}
          options={RESOURCE_STATUSES.map((value) => ({ value, label: t(`cat.status.${value}`) }))}
          aria-label={t('catImport.exportStatus')}
          style={{ minWidth: 140 }}
          data-testid="export-status"
        />
        <Button
          href={exportUrl({ orgId, kind, format: 'xlsx', status })}
          download
          icon={<ExportOutlined />}
          data-testid="export-xlsx"
        >
          {t('catImport.exportXlsx')}
        </Button>
        <Button
          href={exportUrl({ orgId, kind, format: 'csv', status })}
          download
          icon={<ExportOutlined />}
          data-testid="export-csv"
        >
          {t('catImport.exportCsv')}
        </Button>
      </Space>
    </div>
  )
}
