import { Cascader, Typography } from 'antd'
import { useQuery } from '@tanstack/react-query'
import type { TCodeNode } from '../../shared/codes/tree.ts'
import { useT } from '../i18n/use-t.ts'

const FIELD_NAMES = { label: 'name', value: 'code', children: 'children' } as const

/**
 * The GB/T 2260 tree, loaded on first use: it is about 350 KB of JSON, so it is its own chunk, fetched only
 * by the pages that show this picker, never with the rest of the portal.
 * @returns the TanStack query of the region tree
 */
export function useRegionTree() {
  return useQuery({
    queryKey: ['codes', 'regions'],
    queryFn: async (): Promise<TCodeNode[]> => (await import('../../shared/codes/gbt2260-regions.json')).default,
    staleTime: Infinity,
  })
}

type TRegionCascaderProps = {
  /** Codes from the province down, e.g. ['230000', '231000', '231002'] (Form.Item passes it). */
  value?: string[]
  onChange?: (path: string[]) => void
  id?: string
}

/**
 * 所在地区: province → city → district (antd Cascader over the GB/T 2260 codes), searchable by name.
 * The whole path is the value; the last code is the one the API wants.
 * @returns the picker, or a note when the region tree cannot be loaded
 */
export function RegionCascader({ value, onChange, id }: TRegionCascaderProps) {
  const t = useT()
  const regions = useRegionTree()
  if (regions.isError) return <Typography.Text type="danger">{t('orgForm.regionLoadFailed')}</Typography.Text>
  return (
    <Cascader<TCodeNode>
      id={id}
      data-testid="region-cascader"
      options={regions.data ?? []}
      loading={regions.isPending}
      disabled={regions.isPending}
      fieldNames={FIELD_NAMES}
      value={value}
      onChange={(path) => onChange?.((path ?? []).map(String))}
      placeholder={t('orgForm.regionPlaceholder')}
      showSearch={{
        filter: (input, path) => path.some((node) => node.name.includes(input.trim())),
        limit: 50,
      }}
      classNames={{ popup: { root: 'kx-cascader-popup' } }}
    />
  )
}
