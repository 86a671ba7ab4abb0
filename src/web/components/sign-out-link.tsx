import { Button } from 'antd'
import { useNavigate } from 'react-router'
import { useT } from '../i18n/use-t.ts'
import { useSignOut } from '../queries/session.ts'

/**
 * 退出登录 as a link-style button, for the authenticator pages (sign in with another account instead).
 * @returns the button
 */
export function SignOutLink() {
  const t = useT()
  const navigate = useNavigate()
  const signOut = useSignOut()
  return (
    <Button
      type="link"
      style={{ padding: 0 }}
      loading={signOut.isPending}
      onClick={() => signOut.mutate({ isEverywhere: false }, { onSuccess: () => navigate('/login') })}
    >
      {t('user.signOut')}
    </Button>
  )
}
