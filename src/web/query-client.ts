import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { ApiError } from './api-client.ts'
import { ME_QUERY_KEY } from './queries/session.ts'

const MAX_RETRIES = 2

/** The session ended (expired, signed out elsewhere) or now needs the second factor: "me" is out of date. */
function isSessionError(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.code === 'SECOND_FACTOR_REQUIRED')
}

/**
 * Creates the app's query client. Client errors (4xx) are answers, not glitches, so they are not
 * retried; network failures and 5xx are retried twice. A 401 (or a pending second factor) from any call
 * refetches "me", so guarded pages send the person to sign in again.
 * @returns a new QueryClient
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isSessionError(error)) void client.invalidateQueries({ queryKey: ME_QUERY_KEY })
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isSessionError(error)) void client.invalidateQueries({ queryKey: ME_QUERY_KEY })
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false
          return failureCount < MAX_RETRIES
        },
      },
    },
  })
  return client
}
