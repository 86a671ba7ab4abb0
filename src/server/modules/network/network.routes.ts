import {
  ZCreateNodeRequest,
  ZGrantNodeStaffRequest,
  ZListNodeStaffResponse,
  ZListNodesResponse,
  ZNode,
  ZNodeParams,
  ZNodeStaffGrant,
  ZNodeSubtreeResponse,
  ZUpdateNodeRequest,
} from '#shared/contracts/network.ts'
import type { TApp } from '../../http/app-type.ts'
import type { TNetworkService } from './network.service.ts'

/**
 * The platform network: GET /api/nodes (public), and node administration for node admins over the node:
 * GET /api/nodes/:id/subtree, POST /api/nodes, PATCH /api/nodes/:id, POST /api/nodes/:id/staff; the staff
 * list GET /api/nodes/:id/staff for node staff over the node.
 */
export function registerNetworkRoutes(app: TApp, deps: { network: TNetworkService }): void {
  const { network } = deps
  app.get(
    '/api/nodes',
    {
      schema: {
        tags: ['network'],
        summary: '平台节点 Platform nodes (parents first)',
        response: { 200: ZListNodesResponse },
      },
    },
    () => network.listNodes(),
  )
  app.get(
    '/api/nodes/:id/subtree',
    {
      schema: {
        tags: ['network'],
        summary: '节点子树 A node and every node below it (node admins over it)',
        params: ZNodeParams,
        response: { 200: ZNodeSubtreeResponse },
      },
    },
    (request) => network.getSubtree(request.ctx, request.params.id),
  )
  app.post(
    '/api/nodes',
    {
      schema: {
        tags: ['network'],
        summary: '新建节点 Create a node under a parent (node admins over the parent)',
        body: ZCreateNodeRequest,
        response: { 201: ZNode },
      },
    },
    async (request, reply) => reply.status(201).send(await network.createNode(request.ctx, request.body)),
  )
  app.patch(
    '/api/nodes/:id',
    {
      schema: {
        tags: ['network'],
        summary: '修改节点 Rename a node (node admins over it)',
        params: ZNodeParams,
        body: ZUpdateNodeRequest,
        response: { 200: ZNode },
      },
    },
    (request) => network.renameNode(request.ctx, request.params.id, request.body),
  )
  app.post(
    '/api/nodes/:id/staff',
    {
      schema: {
        tags: ['network'],
        summary: '任命节点人员 Appoint a node operator or admin (node admins over the node)',
        params: ZNodeParams,
        body: ZGrantNodeStaffRequest,
        response: { 201: ZNodeStaffGrant },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await network.grantNodeStaff(request.ctx, request.params.id, request.body)),
  )
  app.get(
    '/api/nodes/:id/staff',
    {
      schema: {
        tags: ['network'],
        summary: '节点人员 People with roles on the node, phones masked (node staff over the node)',
        params: ZNodeParams,
        response: { 200: ZListNodeStaffResponse },
      },
    },
    (request) => network.listNodeStaff(request.ctx, request.params.id),
  )
}
