import { Button, Form, Input } from 'antd'
import { useMutation } from '@tanstack/react-query'
import { Navigate, useSearchParams } from 'react-router'
import { verifyTotp } from '../api/identity.ts'
import { AuthCard } from '../components/auth-card.tsx'
import { FormErrorAlert, useFormError } from '../components/form-error.tsx'
import { QueryLoading } from '../components/query-state.tsx'
import { SignOutLink } from '../components/sign-out-link.tsx'
import { useLang, useT } from '../i18n/use-t.ts'
import { totpCodeRule } from '../lib/form-rules.ts'
import { readNextPath, withNext } from '../lib/next-path.ts'
import { pathAfterSignIn, useApplySession, useMe } from '../queries/session.ts'

const CODE_FIELDS = { fields: ['code'] } as const

/**
 * 二次验证: the 6-digit code of the authenticator app, asked after the password of accounts that need
 * it. Passing it rotates the session; then the person goes on to `?next=`.
 * @returns the authenticator step
 */
export function TotpVerifyPage() {
  const t = useT()
  const { lang } = useLang()
  const [searchParams] = useSearchParams()
  const next = readNextPath(searchParams)
  const me = useMe()
  const applySession = useApplySession()
  const [form] = Form.useForm<{ code: string }>()
  const { formError, showError, clearError } = useFormError(form, CODE_FIELDS)
  const mutation = useMutation({
    mutationFn: (code: string) => verifyTotp(code, { lang }),
    onSuccess: applySession,
    onError: showError,
  })

  if (me.isPending) return <QueryLoading rows={4} />
  if (!me.data) return <Navigate to={withNext('/login', next)} replace />
  if (me.data.secondFactor !== 'required') return <Navigate to={pathAfterSignIn(me.data, next)} replace />

  return (
    <AuthCard title={t('totp.verifyTitle')} lead={t('totp.verifyLead')} testId="totp-verify-page">
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onValuesChange={clearError}
        onFinish={(values) => mutation.mutate(values.code)}
      >
        <FormErrorAlert message={formError} />
        <Form.Item name="code" label={t('totp.code')} rules={[totpCodeRule(t)]}>
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus data-testid="totp-code" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={mutation.isPending} data-testid="totp-submit">
          {t('totp.verifySubmit')}
        </Button>
      </Form>
      <div className="kx-auth-links">
        <SignOutLink />
      </div>
    </AuthCard>
  )
}
