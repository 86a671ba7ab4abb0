import { Grid, List, Table, Typography } from 'antd'
import type { TImportError } from '../../../shared/contracts/catalog-import.ts'
import { useT } from '../../i18n/use-t.ts'

const PAGE_SIZE = 20

/**
 * The errors of a rejected import — row, column, the value found and what is wrong — as a table on wide
 * screens and as a list on phones, 20 per page.
 * @returns the table or list
 */
export function ImportErrorsTable({ errors }: { errors: readonly TImportError[] }) {
  const t = useT()
  const screens = Grid.useBreakpoint()
  const items = errors.map((error, key) => ({ ...error, key }))
  const pagination =
    errors.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, showSizeChanger: false, size: 'small' as const } : false
  const rowLabel = (row: number) => (row > 0 ? row : t('catImport.wholeFile'))
  if (!screens.md) {
    return (
      <List
        size="small"
        data-testid="import-errors"
        dataSource={items}
        pagination={pagination ? { ...pagination, simple: true } : false}
        renderItem={(error) => (
          <List.Item>
            <div>
              <Typography.Text strong>
                {t('catImport.col.row')} {rowLabel(error.row)}
                {error.column ? ` · ${error.column}` : ''}
              </Typography.Text>
              <div>{error.message}</div>
              {error.value && (
                <Typography.Text type="secondary">{`${t('catImport.col.value')}：${error.value}`}</Typography.Text>
              )}
            </div>
          </List.Item>
        )}
      />
    )
  }
  return (
    <Table<TImportError & { key: number }>
      size="small"
      data-testid="import-errors"
      dataSource={items}
      pagination={pagination}
      columns={[
        { title: t('catImport.col.row'), dataIndex: 'row', width: 72, render: rowLabel },
        {
          title: t('catImport.col.column'),
          dataIndex: 'column',
          width: 160,
          render: (column: string | null) => column ?? '—',
        },
        { title: t('catImport.col.value'), dataIndex: 'value', width: 180, ellipsis: true },
        { title: t('catImport.col.message'), dataIndex: 'message' },
      ]}
    />
  )
}
