import { ZListDemandsQuery, ZListDemandsResponse } from '#shared/contracts/demand.ts'
import type { TApp } from '../../http/app-type.ts'
import type { TDemandService } from './demand.service.ts'

/** GET /api/demands: published technology demands. */
export function registerDemandRoutes(app: TApp, deps: { demand: TDemandService }): void {
  app.get(
    '/api/demands',
    {
      schema: {
        tags: ['demand'],
        summary: '技术需求 Published technology demands, newest first',
        querystring: ZListDemandsQuery,
        response: { 200: ZListDemandsResponse },
      },
    },
    (request) => deps.demand.listDemands(request.query),
  )
}
