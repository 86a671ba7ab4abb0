/** The search module's public face: its routes, its service and the row type the catalogue indexes with. */
export { registerSearchRoutes } from './search.routes.ts'
export { createSearchService, type TSearchService } from './search.service.ts'
export type { TIndexableResource } from './search-document.ts'
