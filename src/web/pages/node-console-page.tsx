import { useState } from 'react'
import { Card, Empty, Tag, Tree, Typography, type TreeDataNode } from 'antd'
import type { TMe } from '../../shared/contracts/identity.ts'
import { buildNodeForest, forestIds, type TNodeTreeItem } from '../components/node/node-tree.ts'
import { ReviewQueue } from '../components/node/review-queue.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { QueryError, QueryLoading } from '../components/query-state.tsx'
import { RequireSignIn } from '../components/require-sign-in.tsx'
import { useT } from '../i18n/use-t.ts'
import { NODE_CONSOLE_ROLES, nodeConsoleGrants } from '../lib/roles.ts'
import { useNodeList } from '../queries/organisations.ts'

function toTreeData(items: readonly TNodeTreeItem[]): TreeDataNode[] {
  return items.map((node) => ({
    key: node.id,
    title: (
      <span className="kx-tree-title">
        {node.name} <Tag>{node.organisations}</Tag>
      </span>
    ),
    children: toTreeData(node.children),
  }))
}

function NodeConsole({ me }: { me: TMe }) {
  const t = useT()
  const nodes = useNodeList()
  const grants = nodeConsoleGrants(me)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  if (nodes.isPending) return <QueryLoading rows={8} />
  if (nodes.isError) return <QueryError error={nodes.error} onRetry={() => void nodes.refetch()} />

  const forest = buildNodeForest(
    nodes.data.items,
    grants.map((g) => g.nodeId),
  )
  if (forest.length === 0) return <Empty description={t('nodes.noNodes')} />
  const currentId = selectedId ?? forest[0]?.id ?? ''
  const current = nodes.data.items.find((node) => node.id === currentId)

  return (
    <div className="kx-console">
      <Card size="small" title={t('nodes.treeTitle')} className="kx-console-side">
        <Tree
          blockNode
          defaultExpandedKeys={forestIds(forest)}
          selectedKeys={[currentId]}
          onSelect={(keys) => keys[0] !== undefined && setSelectedId(String(keys[0]))}
          treeData={toTreeData(forest)}
          data-testid="node-tree"
        />
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
          {t('nodes.myGrants', {
            grants: grants.map((g) => `${t(`role.${g.role}`)} · ${g.nodeName ?? ''}`).join('；'),
          })}
        </Typography.Paragraph>
      </Card>
      <Card
        size="small"
        className="kx-console-main"
        title={<span data-testid="selected-node">{t('nodes.queueTitle', { name: current?.name ?? '' })}</span>}
      >
        <ReviewQueue key={currentId} nodeId={currentId} />
      </Card>
    </div>
  )
}

/**
 * 节点管理 (/console/nodes): the node tree of the person's subtree(s) and, for the selected node, the units
 * waiting for review with approve / reject. For node operators, node admins and the platform admin.
 * The node staff list is not shown: the network API offers appointing staff but no list of them.
 * @returns the node console
 */
export function NodeConsolePage() {
  const t = useT()
  return (
    <>
      <PageHeading title={t('nodes.title')} lead={t('nodes.lead')} />
      <RequireSignIn roles={NODE_CONSOLE_ROLES}>{(me) => <NodeConsole me={me} />}</RequireSignIn>
    </>
  )
}
