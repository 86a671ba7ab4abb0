import { App, Button, Card, Popconfirm, Space, Tag, Typography } from 'antd'
import { useNavigate } from 'react-router'
import type { TMe } from '../../../shared/contracts/identity.ts'
import { useT } from '../../i18n/use-t.ts'
import { withNext } from '../../lib/next-path.ts'
import { LOGIN_PATH } from '../../nav-items.ts'
import { useSignOut } from '../../queries/session.ts'
import { describeError } from '../query-state.tsx'

/**
 * 账号安全: the authenticator (动态口令) — enable it if it is off — and 退出所有设备.
 * @returns the card
 */
export function SecurityCard({ me }: { me: TMe }) {
  const t = useT()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const signOut = useSignOut()
  return (
    <Card title={t('me.securityTitle')} size="small">
      <div className="kx-setting-row">
        <div>
          <Typography.Text strong>{t('me.totp')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('me.totpLead')}
          </Typography.Paragraph>
        </div>
        {me.totpEnabled ? (
          <Tag color="green" data-testid="totp-status">
            {t('me.totpOn')}
          </Tag>
        ) : (
          <Button onClick={() => navigate(withNext('/login/totp/setup', '/me'))} data-testid="totp-enable">
            {t('me.totpEnable')}
          </Button>
        )}
      </div>
      <div className="kx-setting-row">
        <div>
          <Typography.Text strong>{t('me.signOutAll')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('me.signOutAllLead')}
          </Typography.Paragraph>
        </div>
        <Space>
          <Popconfirm
            title={t('me.signOutAllConfirm')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              signOut.mutateAsync({ isEverywhere: true }).then(
                () => navigate(LOGIN_PATH),
                (error: unknown) => void message.error(describeError(error as Error, t)),
              )
            }
          >
            <Button loading={signOut.isPending}>{t('me.signOutAll')}</Button>
          </Popconfirm>
        </Space>
      </div>
    </Card>
  )
}
