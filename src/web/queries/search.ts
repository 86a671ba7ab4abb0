import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { searchResources, suggestTitles, type TSearchParams } from '../api/search.ts'
import { useLang } from '../i18n/use-t.ts'

/**
 * One page of GET /api/search; the previous answer stays on screen while the next loads.
 * @param params the search (URL state plus the viewer's position for `nearest`)
 * @param isEnabled false while the page waits for the browser's position
 * @returns the TanStack query
 */
export function useSearch(params: TSearchParams, isEnabled = true) {
  const { lang } = useLang()
  return useQuery({
    queryKey: ['search', lang, params],
    queryFn: ({ signal }) => searchResources(params, { lang, signal }),
    placeholderData: keepPreviousData,
    enabled: isEnabled,
  })
}

/**
 * Title suggestions for what has been typed; no request for an empty text. Pass an already debounced
 * text, so that typing does not send one request per key.
 * @param q the debounced text
 * @returns the TanStack query of GET /api/search/suggest
 */
export function useSuggestions(q: string) {
  const { lang } = useLang()
  const text = q.trim().slice(0, 50)
  return useQuery({
    queryKey: ['search', 'suggest', lang, text],
    queryFn: ({ signal }) => suggestTitles(text, { lang, signal }),
    enabled: text !== '',
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  })
}
