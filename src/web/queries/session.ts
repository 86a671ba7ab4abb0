import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { TMe } from '../../shared/contracts/identity.ts'
import { findMe, getAuthOptions, setCurrentOrg, signOut, signOutEverywhere } from '../api/identity.ts'
import { useLang } from '../i18n/use-t.ts'
import { withNext } from '../lib/next-path.ts'
import { hasSessionHint, storeSessionHint } from '../lib/session-hint.ts'

/**
 * Every query whose answer depends on who is signed in starts with this key, so signing in or out drops
 * them all at once and nobody sees the previous person's data.
 */
export const USER_QUERY_ROOT = ['user'] as const
/** GET /api/me. Not keyed by language: the answer holds names from the database, not localised text. */
export const ME_QUERY_KEY = [...USER_QUERY_ROOT, 'me'] as const

/**
 * The signed-in person: `data` is null when nobody is signed in.
 * @returns the TanStack query of GET /api/me
 */
export function useMe() {
  const { lang } = useLang()
  return useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: async ({ signal }) => {
      if (!hasSessionHint()) return null
      const me = await findMe({ lang, signal })
      storeSessionHint(me !== null)
      return me
    },
    staleTime: 30_000,
  })
}

/**
 * Returns a function that starts a new session view: forgets every per-person answer and stores the new
 * person (or null after signing out).
 * @returns `(me) => void`
 */
export function useApplySession(): (me: TMe | null) => void {
  const queryClient = useQueryClient()
  return useCallback(
    (me: TMe | null) => {
      storeSessionHint(me !== null)
      // "me" itself is updated in place, not removed: its observers (header, guards) would otherwise keep
      // watching the removed query and never see the new person. Everything else is dropped; the pages
      // that show it re-render with the new "me" and fetch afresh.
      queryClient.removeQueries({
        queryKey: USER_QUERY_ROOT,
        predicate: (query) => query.queryKey[1] !== ME_QUERY_KEY[1],
      })
      queryClient.setQueryData(ME_QUERY_KEY, me)
    },
    [queryClient],
  )
}

/**
 * 退出登录 (this device) or 退出所有设备.
 * @returns the mutation; pass `{ isEverywhere: true }` to end every session
 */
export function useSignOut() {
  const { lang } = useLang()
  const applySession = useApplySession()
  return useMutation({
    mutationFn: ({ isEverywhere }: { isEverywhere: boolean }) =>
      isEverywhere ? signOutEverywhere({ lang }) : signOut({ lang }),
    onSuccess: () => applySession(null),
  })
}

/**
 * 切换单位: act for another of my organisations; every per-person answer is refetched for it.
 * @returns the mutation taking the organisation id
 */
export function useSetCurrentOrg() {
  const { lang } = useLang()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (orgId: string) => setCurrentOrg(orgId, { lang }),
    onSuccess: (me) => {
      queryClient.setQueryData(ME_QUERY_KEY, me)
      void queryClient.invalidateQueries({ queryKey: USER_QUERY_ROOT })
    },
  })
}

/**
 * What the sign-in and sign-up pages need to know (privacy version, SMS resend interval, dev inbox).
 * @returns the TanStack query of GET /api/auth/options
 */
export function useAuthOptions() {
  const { lang } = useLang()
  return useQuery({
    queryKey: ['auth', 'options', lang],
    queryFn: ({ signal }) => getAuthOptions({ lang, signal }),
    staleTime: 10 * 60_000,
  })
}

/**
 * Where a signed-in person goes next: the authenticator step while the second factor is pending,
 * otherwise the page they came from.
 * @param me the signed-in person
 * @param next the page to return to (already checked by readNextPath)
 * @returns a path of this site
 */
export function pathAfterSignIn(me: TMe, next: string): string {
  if (me.secondFactor === 'required') return withNext('/login/totp', next)
  if (me.secondFactor === 'enrol') return withNext('/login/totp/setup', next)
  return next
}
