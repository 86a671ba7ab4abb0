import { Card, Empty, Tabs, Tag, Tree, Typography, type TreeDataNode } from 'antd'
import { Link, useSearchParams } from 'react-router'
import type { TMe } from '../../shared/contracts/identity.ts'
import { NodeStaff } from '../components/node/node-staff.tsx'
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
  // The selected node is in the address (?node=), so a notification can open a node's review queue.
  const [searchParams, setSearchParams] = useSearchParams()
  const selectedId = searchParams.get('node')
  const setSelectedId = (id: string) => setSearchParams({ node: id }, { replace: true })
  if (nodes.isPending) return <QueryLoading rows={8} />
  if (nodes.isError) return <QueryError error={nodes.error} onRetry={() => void nodes.refetch()} />

  const forest = buildNodeForest(
    nodes.data.items,
    grants.map((g) => g.nodeId),
  )
  if (forest.length === 0) return <Empty description={t('nodes.noNodes')} />
  const ids = forestIds(forest)
  const currentId = selectedId && ids.includes(selectedId) ? selectedId : (forest[0]?.id ?? '')
  const current = nodes.data.items.find((node) => node.id === currentId)

  return (
    <div className="kx-console">
      <Card size="small" title={t('nodes.treeTitle')} className="kx-console-side">
        <Tree
          blockNode
          defaultExpandedKeys={ids}
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
        title={<span data-testid="selected-node">{current?.name ?? ''}</span>}
      >
        <Tabs
          key={currentId}
          destroyOnHidden
          items={[
            { key: 'review', label: t('nodes.tabReview'), children: <ReviewQueue nodeId={currentId} /> },
            { key: 'staff', label: t('nodes.tabStaff'), children: <NodeStaff nodeId={currentId} /> },
          ]}
        />
      </Card>
    </div>
  )
}

/**
 * 节点管理 (/console/nodes?node=…): the node tree of the person's subtree(s) and, for the selected node, the
 * units waiting for review with approve / reject, and the node's staff. For node operators, node admins
 * and the platform admin. Appointing staff (POST /api/nodes/:id/staff) has no form here yet.
 * @returns the node console
 */
export function NodeConsolePage() {
  const t = useT()
  return (
    <>
      <PageHeading
        title={t('nodes.title')}
        lead={t('nodes.lead')}
        extra={<Link to="/console/help-requests" data-testid="help-console-link">{t('helpConsole.link')}</Link>}
      />
      <RequireSignIn roles={NODE_CONSOLE_ROLES}>{(me) => <NodeConsole me={me} />}</RequireSignIn>
    </>
  )
}
