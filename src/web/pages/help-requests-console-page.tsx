import { Card, Empty, Select } from 'antd'
import { useSearchParams } from 'react-router'
import type { TMe } from '../../shared/contracts/identity.ts'
import { buildNodeForest, type TNodeTreeItem } from '../components/node/node-tree.ts'
import { PageHeading } from '../components/page-heading.tsx'
import { QueryError, QueryLoading } from '../components/query-state.tsx'
import { RequireSignIn } from '../components/require-sign-in.tsx'
import { HelpQueue } from '../components/search/help-queue.tsx'
import { useT } from '../i18n/use-t.ts'
import { NODE_CONSOLE_ROLES, nodeConsoleGrants } from '../lib/roles.ts'
import { useNodeList } from '../queries/organisations.ts'

const INDENT_PX = 12

/** The forest's nodes in pre-order with their depth below the person's own node. */
function flattenForest(items: readonly TNodeTreeItem[], depth = 0): { id: string; name: string; depth: number }[] {
  return items.flatMap((node) => [{ id: node.id, name: node.name, depth }, ...flattenForest(node.children, depth + 1)])
}

function HelpConsole({ me }: { me: TMe }) {
  const t = useT()
  const nodes = useNodeList()
  const [searchParams, setSearchParams] = useSearchParams()
  if (nodes.isPending) return <QueryLoading rows={8} />
  if (nodes.isError) return <QueryError error={nodes.error} onRetry={() => void nodes.refetch()} />

  const grants = nodeConsoleGrants(me)
  const options = flattenForest(
    buildNodeForest(
      nodes.data.items,
      grants.map((g) => g.nodeId),
    ),
  )
  if (options.length === 0) return <Empty description={t('nodes.noNodes')} />
  const wanted = searchParams.get('node')
  const nodeId = options.find((o) => o.id === wanted)?.id ?? options[0]?.id ?? ''

  return (
    <Card
      size="small"
      title={
        <Select
          value={nodeId}
          onChange={(next: string) => setSearchParams({ node: next })}
          aria-label={t('helpConsole.node')}
          data-testid="help-console-node"
          style={{ width: 260, maxWidth: '100%' }}
          showSearch={{ optionFilterProp: 'label' }}
          options={options.map((o) => ({ value: o.id, label: o.name, depth: o.depth }))}
          optionRender={(option) => (
            <span style={{ paddingInlineStart: (option.data.depth ?? 0) * INDENT_PX }}>{option.data.label}</span>
          )}
        />
      }
    >
      <HelpQueue key={nodeId} nodeId={nodeId} />
    </Card>
  )
}

/**
 * 求助处理 (/console/help-requests?node=…): the 帮我找 requests sent to the person's nodes, for node
 * operators, node admins and the platform admin. New requests notify the staff with a link here.
 * @returns the console page
 */
export function HelpRequestsConsolePage() {
  const t = useT()
  return (
    <>
      <PageHeading title={t('helpConsole.title')} lead={t('helpConsole.lead')} />
      <RequireSignIn roles={NODE_CONSOLE_ROLES}>{(me) => <HelpConsole me={me} />}</RequireSignIn>
    </>
  )
}
