import { ZSearchQuery, ZSearchResponse, ZSuggestQuery, ZSuggestResponse } from '#shared/contracts/search.ts'
import type { TApp } from '../../http/app-type.ts'
import type { TSearchService } from './search.service.ts'

/** Public search: GET /api/search, GET /api/search/suggest. */
export function registerSearchRoutes(app: TApp, deps: { search: TSearchService }): void {
  app.get(
    '/api/search',
    {
      schema: {
        tags: ['search'],
        summary: '资源检索 Search published resources with facets',
        querystring: ZSearchQuery,
        response: { 200: ZSearchResponse },
      },
    },
    (request) => deps.search.search(request.query),
  )
  app.get(
    '/api/search/suggest',
    {
      schema: {
        tags: ['search'],
        summary: '检索联想 Title suggestions while typing',
        querystring: ZSuggestQuery,
        response: { 200: ZSuggestResponse },
      },
    },
    (request) => deps.search.suggest(request.query),
  )
}
