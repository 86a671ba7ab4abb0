import {
  ZListResourcesQuery,
  ZListResourcesResponse,
  ZResourceDetail,
  ZResourceIdParams,
} from '#shared/contracts/catalog.ts'
import type { TApp } from '../../http/app-type.ts'
import type { TCatalogService } from './catalog.service.ts'

/** Public catalogue reads: GET /api/resources, GET /api/resources/:id. */
export function registerCatalogRoutes(app: TApp, deps: { catalog: TCatalogService }): void {
  app.get(
    '/api/resources',
    {
      schema: {
        tags: ['catalog'],
        summary: '资源列表 Published resources, newest first',
        querystring: ZListResourcesQuery,
        response: { 200: ZListResourcesResponse },
      },
    },
    (request) => deps.catalog.listResources(request.ctx, request.query),
  )
  app.get(
    '/api/resources/:id',
    {
      schema: {
        tags: ['catalog'],
        summary: '资源详情 One published resource',
        params: ZResourceIdParams,
        response: { 200: ZResourceDetail },
      },
    },
    (request) => deps.catalog.getResource(request.ctx, request.params.id),
  )
}
