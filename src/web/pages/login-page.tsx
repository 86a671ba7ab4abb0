import { Result } from 'antd'
import { Link } from 'react-router'
import { useT } from '../i18n/use-t.ts'

/**
 * 登录: a placeholder that says honestly that sign-in arrives with the identity module.
 * @returns the sign-in page
 */
export function LoginPage() {
  const t = useT()
  return (
    <Result
      status="info"
      title={t('login.title')}
      subTitle={t('login.pending')}
      extra={<Link to="/">{t('common.backHome')}</Link>}
    />
  )
}
