import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { findRegion, regionPath } from '#shared/codes/index.ts'
import type {
  TCreateNodeRequest,
  TGrantNodeStaffRequest,
  TListNodesResponse,
  TNode,
  TNodeStaffGrant,
  TNodeSubtreeResponse,
  TUpdateNodeRequest,
} from '#shared/contracts/network.ts'
import type { TNodeKind } from '#shared/resource-kinds.ts'
import type { TClock } from '../../clock.ts'
import { requireActor, type TActor, type TRequestContext } from '../../context.ts'
import type { DB } from '../../db/schema.ts'
import { inTransaction, type TDb } from '../../db/transaction.ts'
import { AppError } from '../../errors.ts'
import type { TAuditService } from '../audit/audit.service.ts'
import { fieldError } from '../../errors.ts'
import type { TIdentityService } from '../identity/identity.service.ts'
import './network.messages.ts'
import { canAdministerNode } from './network.policy.ts'
import * as repo from './network.repo.ts'
import { createNodeStaffReads } from './node-staff.ts'
import { ancestorIdsOfPath, childPath, depthOfPath } from './node-path.ts'

export type TNetworkDeps = {
  db: Kysely<DB>
  clock: TClock
  audit: TAuditService
  /** Node staff are role grants, which belong to the identity module. */
  identity: Pick<TIdentityService, 'grantRole' | 'getUserSummaries'>
}

type TNodeRow = NonNullable<Awaited<ReturnType<typeof repo.findNodeById>>>

function presentNode(row: TNodeRow): TNode {
  return {
    id: row.id,
    parentId: row.parent_id,
    code: row.code,
    name: row.name,
    kind: row.kind as TNodeKind,
    regionCode: row.region_code,
    regionName: regionPath(row.region_code),
    depth: depthOfPath(row.path),
    createdAt: row.created_at.toISOString(),
  }
}

function nodeNotFound(id: string): AppError {
  return new AppError('NOT_FOUND', `node ${id} not found`, { messageKey: 'network.NODE_NOT_FOUND' })
}

/**
 * The platform network (SPEC §2): the public node list, the rule of which nodes' resources a node's users
 * see, and node administration (三级管理) for node admins over their own subtree.
 */
export function createNetworkService(deps: TNetworkDeps) {
  const { db, audit } = deps

  async function getNode(id: string, trx: TDb = db): Promise<TNodeRow> {
    const node = await repo.findNodeById(trx, id)
    if (!node) throw nodeNotFound(id)
    return node
  }

  /** Records a refused administrative action and throws FORBIDDEN. */
  async function refuse(ctx: TRequestContext, actor: TActor, action: string, nodeId: string): Promise<never> {
    await audit.record({
      actorId: actor.userId,
      action,
      targetType: 'platform_node',
      targetId: nodeId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      result: 'denied',
    })
    throw new AppError('FORBIDDEN', `${action} on node ${nodeId} refused`)
  }

  /** Records an administrative action that succeeded, in the transaction that made the change. */
  async function recordSuccess(
    ctx: TRequestContext,
    actor: TActor,
    entry: { action: string; nodeId: string; detail: Record<string, unknown> },
    trx: TDb,
  ): Promise<void> {
    const { action, nodeId, detail } = entry
    const where = { targetType: 'platform_node', targetId: nodeId, ip: ctx.ip, userAgent: ctx.userAgent }
    await audit.record({ actorId: actor.userId, action, ...where, result: 'success', detail }, trx)
  }

  /** The node tree as a flat list, parents before children, with depth from the path. */
  async function listNodes(): Promise<TListNodesResponse> {
    const rows = await repo.listNodesWithOrgCounts(db)
    return {
      items: rows.map((row) => ({
        id: row.id,
        parentId: row.parent_id,
        code: row.code,
        name: row.name,
        kind: row.kind as TNodeKind,
        regionCode: row.region_code,
        depth: depthOfPath(row.path),
        organisations: row.organisations,
      })),
    }
  }

  /**
   * The nodes whose shared resources the users of `nodeId` may use: its ancestors and itself, root first
   * (a city member uses the province's resources free, SPEC §2 / seed 000). The catalogue filters by it.
   * @throws AppError NOT_FOUND when the node does not exist
   */
  async function visibleNodeIds(nodeId: string, trx: TDb = db): Promise<string[]> {
    return ancestorIdsOfPath((await getNode(nodeId, trx)).path)
  }

  /**
   * A node and everything below it, for its administrators.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND | FORBIDDEN (not node_admin over it)
   */
  async function getSubtree(ctx: TRequestContext, nodeId: string): Promise<TNodeSubtreeResponse> {
    const actor = requireActor(ctx)
    const node = await getNode(nodeId)
    if (!canAdministerNode(actor, node.path)) throw new AppError('FORBIDDEN', `not an admin over node ${nodeId}`)
    const rows = await repo.listSubtreeWithOrgCounts(db, node.path)
    return { items: rows.map((row) => ({ ...presentNode(row), organisations: row.organisations })) }
  }

  /**
   * Creates a node under `parentId`; its path is the parent's path plus its own id.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND (parent) | FORBIDDEN (not node_admin over the parent) |
   *   VALIDATION (unknown region, details.issues[].path = body.regionCode) | CONFLICT (code taken, body.code)
   */
  async function createNode(ctx: TRequestContext, input: TCreateNodeRequest): Promise<TNode> {
    const actor = requireActor(ctx)
    const parent = await repo.findNodeById(db, input.parentId)
    if (!parent) {
      throw new AppError('NOT_FOUND', `parent node ${input.parentId} not found`, {
        messageKey: 'network.PARENT_NOT_FOUND',
      })
    }
    if (!canAdministerNode(actor, parent.path)) return refuse(ctx, actor, 'node.create', parent.id)
    if (!findRegion(input.regionCode)) {
      throw fieldError('VALIDATION', [
        { path: 'body.regionCode', messageKey: 'network.REGION_UNKNOWN', vars: { code: input.regionCode } },
      ])
    }
    return inTransaction(db, async (trx) => {
      if (await repo.isNodeCodeTaken(trx, input.code)) {
        const issue = { path: 'body.code', messageKey: 'network.CODE_TAKEN' }
        throw fieldError('CONFLICT', [issue], 'network.CODE_TAKEN')
      }
      const id = randomUUID()
      const row = await repo.insertNode(trx, {
        id,
        parent_id: parent.id,
        code: input.code,
        name: input.name,
        kind: input.kind,
        region_code: input.regionCode,
        path: childPath(parent.path, id),
        created_at: deps.clock.now(),
      })
      await recordSuccess(
        ctx,
        actor,
        { action: 'node.create', nodeId: id, detail: { parentId: parent.id, code: input.code } },
        trx,
      )
      return presentNode(row)
    })
  }

  /**
   * Renames a node.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND | FORBIDDEN (not node_admin over it)
   */
  async function renameNode(ctx: TRequestContext, nodeId: string, input: TUpdateNodeRequest): Promise<TNode> {
    const actor = requireActor(ctx)
    const node = await getNode(nodeId)
    if (!canAdministerNode(actor, node.path)) return refuse(ctx, actor, 'node.rename', nodeId)
    return inTransaction(db, async (trx) => {
      const row = await repo.updateNodeName(trx, nodeId, input.name)
      if (!row) throw nodeNotFound(nodeId)
      await recordSuccess(
        ctx,
        actor,
        { action: 'node.rename', nodeId: nodeId, detail: { from: node.name, to: input.name } },
        trx,
      )
      return presentNode(row)
    })
  }

  /**
   * Appoints a person as node_operator or node_admin of the node (idempotent).
   * @throws AppError UNAUTHENTICATED | NOT_FOUND (node or user) | FORBIDDEN (not node_admin over it)
   */
  async function grantNodeStaff(
    ctx: TRequestContext,
    nodeId: string,
    input: TGrantNodeStaffRequest,
  ): Promise<TNodeStaffGrant> {
    const actor = requireActor(ctx)
    const node = await getNode(nodeId)
    if (!canAdministerNode(actor, node.path)) return refuse(ctx, actor, 'node.staff_grant', nodeId)
    const [user] = await deps.identity.getUserSummaries([input.userId])
    if (!user)
      throw new AppError('NOT_FOUND', `user ${input.userId} not found`, { messageKey: 'network.USER_NOT_FOUND' })
    await inTransaction(db, async (trx) => {
      await deps.identity.grantRole({ userId: input.userId, role: input.role, nodeId }, trx)
      await recordSuccess(
        ctx,
        actor,
        { action: 'node.staff_grant', nodeId: nodeId, detail: { userId: input.userId, role: input.role } },
        trx,
      )
    })
    return { nodeId, userId: input.userId, role: input.role }
  }

  return {
    listNodes,
    visibleNodeIds,
    getSubtree,
    createNode,
    renameNode,
    grantNodeStaff,
    ...createNodeStaffReads(deps),
  }
}

export type TNetworkService = ReturnType<typeof createNetworkService>
