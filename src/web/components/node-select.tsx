import { Select } from 'antd'
import type { UseQueryResult } from '@tanstack/react-query'
import type { TListNodesResponse } from '../../shared/contracts/network.ts'
import type { TNodeSummary } from '../api/organisations.ts'
import { useT } from '../i18n/use-t.ts'

const INDENT_PX = 12

/**
 * The node a new unit most likely joins: the deepest node serving one of the chosen region's levels
 * (the city's platform before the province's).
 * @param nodes GET /api/nodes, parents first
 * @param regionPath province, city and district codes
 * @returns a node id, or null when none serves the region
 */
export function suggestNodeFor(nodes: readonly TNodeSummary[], regionPath: readonly string[]): string | null {
  const matches = nodes.filter((node) => regionPath.includes(node.regionCode))
  const deepest = matches.sort((a, b) => b.depth - a.depth)[0]
  return deepest?.id ?? null
}

type TNodeSelectProps = {
  nodes: UseQueryResult<TListNodesResponse>
  value?: string
  onChange?: (nodeId: string) => void
  id?: string
}

/**
 * 加入节点: every platform node, indented by depth, searchable by name.
 * @returns a select (Form.Item passes value and onChange)
 */
export function NodeSelect({ nodes, value, onChange, id }: TNodeSelectProps) {
  const t = useT()
  const options = (nodes.data?.items ?? []).map((node) => ({ value: node.id, label: node.name, depth: node.depth }))
  return (
    <Select
      id={id}
      data-testid="node-select"
      value={value}
      onChange={onChange}
      loading={nodes.isPending}
      status={nodes.isError ? 'error' : undefined}
      placeholder={nodes.isError ? t('orgForm.nodesLoadFailed') : t('orgForm.nodePlaceholder')}
      showSearch={{ optionFilterProp: 'label' }}
      options={options}
      optionRender={(option) => (
        <span style={{ paddingInlineStart: (option.data.depth ?? 0) * INDENT_PX }}>{option.data.label}</span>
      )}
    />
  )
}
