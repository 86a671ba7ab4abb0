import { App, Button, Form, Input, QRCode, Steps, Typography } from 'antd'
import { useMutation, useQuery } from '@tanstack/react-query'
import { Navigate, useSearchParams } from 'react-router'
import { enableTotp, setupTotp } from '../api/identity.ts'
import { AuthCard } from '../components/auth-card.tsx'
import { FormErrorAlert, useFormError } from '../components/form-error.tsx'
import { QueryError, QueryLoading } from '../components/query-state.tsx'
import { SignOutLink } from '../components/sign-out-link.tsx'
import { useLang, useT } from '../i18n/use-t.ts'
import { totpCodeRule } from '../lib/form-rules.ts'
import { readNextPath, withNext } from '../lib/next-path.ts'
import { USER_QUERY_ROOT, useApplySession, useMe } from '../queries/session.ts'

const CODE_FIELDS = { fields: ['code'] } as const

/**
 * A base32 secret in groups of four, as people type it into an authenticator app.
 * @param secret e.g. 'JBSWY3DPEHPK3PXP'
 * @returns e.g. 'JBSW Y3DP EHPK 3PXP'
 */
export function groupSecret(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(' ')
}

function EnrolForm({ onDone }: { onDone: () => void }) {
  const t = useT()
  const { lang } = useLang()
  const applySession = useApplySession()
  const [form] = Form.useForm<{ code: string }>()
  const { formError, showError, clearError } = useFormError(form, CODE_FIELDS)
  const mutation = useMutation({
    mutationFn: (code: string) => enableTotp(code, { lang }),
    onSuccess: (me) => {
      applySession(me)
      onDone()
    },
    onError: showError,
  })
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      onValuesChange={clearError}
      onFinish={(values) => mutation.mutate(values.code)}
    >
      <FormErrorAlert message={formError} />
      <Form.Item name="code" label={t('totp.code')} rules={[totpCodeRule(t)]}>
        <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} data-testid="totp-code" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={mutation.isPending} data-testid="totp-submit">
        {t('totp.enableSubmit')}
      </Button>
    </Form>
  )
}

function SecretPanel() {
  const t = useT()
  const { lang } = useLang()
  // A query rather than an effect: it runs once per visit even when React mounts the page twice, so
  // the secret on screen is the one the server keeps. Kept under the per-person key root.
  const setup = useQuery({
    queryKey: [...USER_QUERY_ROOT, 'totp-setup'],
    queryFn: () => setupTotp({ lang }),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  })
  if (setup.isPending) return <QueryLoading rows={4} />
  if (setup.isError) return <QueryError error={setup.error} onRetry={() => void setup.refetch()} />
  const { secret, otpauthUri } = setup.data
  return (
    <div className="kx-totp-secret">
      <QRCode value={otpauthUri} size={168} bordered={false} />
      <div style={{ minWidth: 0, width: '100%' }}>
        <Typography.Text type="secondary">{t('totp.secretLabel')}</Typography.Text>
        <Typography.Paragraph copyable={{ text: secret }} className="kx-mono" data-testid="totp-secret">
          {groupSecret(secret)}
        </Typography.Paragraph>
        <Typography.Text type="secondary">{t('totp.uriLabel')}</Typography.Text>
        <Typography.Paragraph copyable className="kx-mono kx-wrap-anywhere" data-testid="totp-uri">
          {otpauthUri}
        </Typography.Paragraph>
      </div>
    </div>
  )
}

/**
 * 设置动态口令: adds an authenticator app (RFC 6238) to the account. Reached after signing in when an
 * admin role needs one ('enrol'), or from 个人中心. Shows the QR code of the otpauth URI (antd's QRCode,
 * drawn in the browser), the secret in groups of four and the URI to copy; the first code enables it.
 * @returns the enrolment page
 */
export function TotpSetupPage() {
  const t = useT()
  const { message } = App.useApp()
  const [searchParams] = useSearchParams()
  const next = readNextPath(searchParams)
  const me = useMe()

  if (me.isPending) return <QueryLoading rows={4} />
  if (!me.data) return <Navigate to={withNext('/login', next)} replace />
  if (me.data.totpEnabled) return <Navigate to={next} replace />
  const isRequired = me.data.secondFactor === 'enrol'

  return (
    <AuthCard
      title={t('totp.setupTitle')}
      lead={isRequired ? t('totp.setupLeadRequired') : t('totp.setupLead')}
      testId="totp-setup-page"
    >
      <Steps
        orientation="vertical"
        size="small"
        current={-1}
        items={[
          { title: t('totp.stepInstall'), content: t('totp.stepInstallHint') },
          { title: t('totp.stepScan'), content: <SecretPanel /> },
          {
            title: t('totp.stepConfirm'),
            content: <EnrolForm onDone={() => void message.success(t('totp.enabled'))} />,
          },
        ]}
      />
      {isRequired && (
        <div className="kx-auth-links">
          <SignOutLink />
        </div>
      )}
    </AuthCard>
  )
}
