import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { TResourceKind } from '../shared/resource-kinds.ts'
import {
  getResource,
  getStatsByCity,
  getStatsOverview,
  listDemands,
  listResources,
  type TListResourcesParams,
} from './api-client.ts'
import { useLang } from './i18n/use-t.ts'

// Every query key carries the language: the server localises names by Accept-Language, so
// switching language must refetch rather than show the other language's cached answer.

/**
 * Loads GET /api/stats/overview.
 * @returns the TanStack query
 */
export function useStatsOverview() {
  const { lang } = useLang()
  return useQuery({
    queryKey: ['stats', 'overview', lang],
    queryFn: ({ signal }) => getStatsOverview({ lang, signal }),
  })
}

/**
 * Loads GET /api/stats/by-city.
 * @returns the TanStack query
 */
export function useStatsByCity() {
  const { lang } = useLang()
  return useQuery({
    queryKey: ['stats', 'by-city', lang],
    queryFn: ({ signal }) => getStatsByCity({ lang, signal }),
  })
}

/**
 * Loads one page of GET /api/resources; the previous page stays on screen while the next loads.
 * @param params kinds, region, page and page size
 * @returns the TanStack query
 */
export function useResourceList(params: TListResourcesParams) {
  const { lang } = useLang()
  const kinds: readonly TResourceKind[] = params.kinds ?? []
  return useQuery({
    queryKey: ['resources', 'list', lang, kinds.join(','), params.region ?? '', params.page, params.pageSize],
    queryFn: ({ signal }) => listResources(params, { lang, signal }),
    placeholderData: keepPreviousData,
  })
}

/**
 * Loads GET /api/resources/:id.
 * @param id the resource id from the URL
 * @returns the TanStack query
 */
export function useResourceDetail(id: string) {
  const { lang } = useLang()
  return useQuery({
    queryKey: ['resources', 'detail', lang, id],
    queryFn: ({ signal }) => getResource(id, { lang, signal }),
  })
}

/**
 * Loads one page of GET /api/demands.
 * @param page 1-based page
 * @param pageSize items per page
 * @returns the TanStack query
 */
export function useDemandList(page: number, pageSize: number) {
  const { lang } = useLang()
  return useQuery({
    queryKey: ['demands', 'list', lang, page, pageSize],
    queryFn: ({ signal }) => listDemands(page, pageSize, { lang, signal }),
    placeholderData: keepPreviousData,
  })
}
