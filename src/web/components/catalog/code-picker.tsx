import { TreeSelect, Typography } from 'antd'
import { useT } from '../../i18n/use-t.ts'
import { useCodeTable, type TCodeTable } from './code-tables.ts'

type TCodePickerProps = {
  table: TCodeTable
  /** The stored code, or null (Form.Item passes it). */
  value?: string | null
  onChange?: (value: string | null) => void
  id?: string
  'data-testid'?: string
}

/**
 * A classification picker (GB/T 13745 discipline, GB/T 4754 industry, NRII instrument category): a tree
 * searchable by name or code, any level selectable, clearable.
 * @returns the picker, or a note when its table cannot be loaded
 */
export function CodePicker({ table, value, onChange, id, 'data-testid': testId }: TCodePickerProps) {
  const t = useT()
  const codes = useCodeTable(table)
  if (codes.isError) return <Typography.Text type="danger">{t('cat.picker.loadFailed')}</Typography.Text>
  return (
    <TreeSelect
      id={id}
      data-testid={testId}
      value={value ?? undefined}
      onChange={(next?: string) => onChange?.(next ?? null)}
      treeData={codes.data?.tree ?? []}
      loading={codes.isPending}
      disabled={codes.isPending}
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={t('cat.picker.placeholder')}
      popupMatchSelectWidth
      listHeight={320}
      treeNodeLabelProp="title"
    />
  )
}
