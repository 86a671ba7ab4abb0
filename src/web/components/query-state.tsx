import { Button, Result, Skeleton } from 'antd'
import { ApiError } from '../api-client.ts'
import type { TTranslate } from '../i18n/i18n-context.ts'
import { useT } from '../i18n/use-t.ts'

/**
 * What went wrong, in the current language: the server's localised message, or a generic line for
 * network failures and bodies without one.
 * @param error any error a query or mutation threw
 * @returns one sentence to show
 */
export function describeError(error: Error, t: TTranslate): string {
  if (!(error instanceof ApiError)) return t('error.unexpected')
  if (error.code === 'NETWORK') return t('error.network')
  // No `{ error }` body (proxy page, empty 502): the status is all we know.
  if (error.code.startsWith('HTTP_') || !error.message) return t('error.http', { status: error.status })
  // The server localises its messages by Accept-Language.
  return error.message
}

type TQueryErrorProps = { error: Error; onRetry: () => void }

/**
 * Error state for a failed query: what went wrong, in the current language, and a retry button.
 * @returns an antd Result
 */
export function QueryError({ error, onRetry }: TQueryErrorProps) {
  const t = useT()
  const detail = describeError(error, t)
  return (
    <Result
      status="error"
      title={t('common.errorTitle')}
      subTitle={detail}
      extra={
        <Button type="primary" onClick={onRetry} data-testid="retry-button">
          {t('common.retry')}
        </Button>
      }
    />
  )
}

/**
 * Loading state shared by the data pages.
 * @param rows how many skeleton lines to show
 * @returns an antd Skeleton
 */
export function QueryLoading({ rows = 6 }: { rows?: number }) {
  return <Skeleton active paragraph={{ rows }} />
}

/**
 * Tells whether a query failed because the thing asked for does not exist.
 * @param error the query error
 * @returns true for a 404 / NOT_FOUND ApiError
 */
export function isNotFoundError(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.code === 'NOT_FOUND')
}
