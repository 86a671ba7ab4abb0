import type { TResourceKind } from '../shared/resource-kinds.ts'
import type { TMessageKey } from './i18n/zh-CN.ts'

export type TNavItem = { path: string; labelKey: TMessageKey }

/** The portal's main navigation, in display order (header menu, drawer and footer). */
export const NAV_ITEMS: readonly TNavItem[] = [
  { path: '/', labelKey: 'nav.home' },
  { path: '/instruments', labelKey: 'nav.instruments' },
  { path: '/experts', labelKey: 'nav.experts' },
  { path: '/achievements', labelKey: 'nav.achievements' },
  { path: '/demands', labelKey: 'nav.demands' },
  { path: '/services', labelKey: 'nav.services' },
  { path: '/literature', labelKey: 'nav.literature' },
  { path: '/vouchers', labelKey: 'nav.vouchers' },
  { path: '/map', labelKey: 'nav.map' },
  { path: '/stats', labelKey: 'nav.stats' },
]

export const LOGIN_PATH = '/login'

export type TResourceListConfig = {
  path: string
  kinds: readonly TResourceKind[]
  titleKey: TMessageKey
  leadKey: TMessageKey
}

/** The kind-specific catalogue pages; all rendered by the one generic list page. */
export const RESOURCE_LISTS: readonly TResourceListConfig[] = [
  { path: '/instruments', kinds: ['instrument'], titleKey: 'nav.instruments', leadKey: 'list.leadInstruments' },
  { path: '/experts', kinds: ['expert'], titleKey: 'nav.experts', leadKey: 'list.leadExperts' },
  {
    path: '/achievements',
    kinds: ['achievement', 'patent'],
    titleKey: 'nav.achievements',
    leadKey: 'list.leadAchievements',
  },
  { path: '/services', kinds: ['service'], titleKey: 'nav.services', leadKey: 'list.leadServices' },
  { path: '/literature', kinds: ['literature'], titleKey: 'nav.literature', leadKey: 'list.leadLiterature' },
]

/**
 * Finds the list page a resource of this kind belongs to, for "back to list" links.
 * @param kind the resource kind
 * @returns the list path; kinds without their own page go to the all-resources list filtered by kind
 */
export function findListPathForKind(kind: TResourceKind): string {
  const list = RESOURCE_LISTS.find((item) => item.kinds.includes(kind))
  return list ? list.path : `/resources?kind=${kind}`
}

/**
 * Picks the navigation entry to highlight for a location: the longest nav path that prefixes it.
 * @param pathname the current location's path
 * @returns the matching nav path, or undefined (e.g. on a detail or 404 page)
 */
export function findActiveNavPath(pathname: string): string | undefined {
  if (pathname === '/') return '/'
  const matches = NAV_ITEMS.filter((item) => item.path !== '/' && pathname.startsWith(item.path))
  return matches.sort((a, b) => b.path.length - a.path.length)[0]?.path
}
