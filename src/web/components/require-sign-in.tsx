import type { ReactNode } from 'react'
import { Result } from 'antd'
import { Link, Navigate, useLocation } from 'react-router'
import type { TMe } from '../../shared/contracts/identity.ts'
import { useT } from '../i18n/use-t.ts'
import { withNext } from '../lib/next-path.ts'
import { hasAnyRole, type TUserRole } from '../lib/roles.ts'
import { LOGIN_PATH } from '../nav-items.ts'
import { pathAfterSignIn, useMe } from '../queries/session.ts'
import { QueryError, QueryLoading } from './query-state.tsx'

type TRequireSignInProps = {
  /** Rendered with the signed-in person once they may see the page. */
  children: (me: TMe) => ReactNode
  /** Any of these roles opens the page; absent: any signed-in person. */
  roles?: readonly TUserRole[]
}

/**
 * Guards a page: visitors go to 登录 and come back afterwards; a session waiting for its second factor
 * goes to the authenticator step; a person without the role sees 无权访问 (the API refuses them anyway).
 * @returns the page, a redirect, or the refusal
 */
export function RequireSignIn({ children, roles }: TRequireSignInProps) {
  const t = useT()
  const { pathname, search, hash } = useLocation()
  const me = useMe()
  const here = `${pathname}${search}${hash}`
  if (me.isPending) return <QueryLoading rows={6} />
  if (me.isError) return <QueryError error={me.error} onRetry={() => void me.refetch()} />
  if (!me.data) return <Navigate to={withNext(LOGIN_PATH, here)} replace />
  const afterSignIn = pathAfterSignIn(me.data, here)
  if (afterSignIn !== here) return <Navigate to={afterSignIn} replace />
  if (roles && !hasAnyRole(me.data, roles)) {
    return (
      <Result
        status="403"
        title={t('common.forbiddenTitle')}
        subTitle={t('common.forbidden')}
        extra={<Link to="/">{t('common.backHome')}</Link>}
        data-testid="forbidden"
      />
    )
  }
  return children(me.data)
}
