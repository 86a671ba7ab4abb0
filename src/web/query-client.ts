import { QueryClient } from '@tanstack/react-query'
import { ApiError } from './api-client.ts'

const MAX_RETRIES = 2

/**
 * Creates the app's query client. Client errors (4xx) are answers, not glitches, so they are not
 * retried; network failures and 5xx are retried twice.
 * @returns a new QueryClient
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
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
}
