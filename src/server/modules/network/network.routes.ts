import { ZListNodesResponse } from '#shared/contracts/network.ts'
import type { TApp } from '../../http/app-type.ts'
import type { TNetworkService } from './network.service.ts'

/** GET /api/nodes: the public list of platform nodes. */
export function registerNetworkRoutes(app: TApp, deps: { network: TNetworkService }): void {
  app.get(
    '/api/nodes',
    {
      schema: {
        tags: ['network'],
        summary: '平台节点 Platform nodes (parents first)',
        response: { 200: ZListNodesResponse },
      },
    },
    () => deps.network.listNodes(),
  )
}
