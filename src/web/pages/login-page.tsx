import { Button, Form, Input, Tabs } from 'antd'
import { useMutation } from '@tanstack/react-query'
import { Link, Navigate, useSearchParams } from 'react-router'
import type { TSignInRequest, TSignInResponse } from '../../shared/contracts/identity.ts'
import { signIn } from '../api/identity.ts'
import { AuthCard } from '../components/auth-card.tsx'
import { FormErrorAlert, useFormError } from '../components/form-error.tsx'
import { QueryLoading } from '../components/query-state.tsx'
import { SmsCodeField } from '../components/sms-code-field.tsx'
import { useLang, useT } from '../i18n/use-t.ts'
import { phoneRules } from '../lib/form-rules.ts'
import { readNextPath, withNext } from '../lib/next-path.ts'
import { pathAfterSignIn, useApplySession, useMe } from '../queries/session.ts'

const PASSWORD_FIELDS = { fields: ['phone', 'password'] } as const
const SMS_FIELDS = { fields: ['phone', 'smsCode'] } as const

type TPasswordValues = { phone: string; password: string }
type TSmsValues = { phone: string; smsCode: string }

/** Signs in and stores the person; the page then redirects (authenticator step or the page they came from). */
function useSignIn(onError: (error: unknown) => void) {
  const { lang } = useLang()
  const applySession = useApplySession()
  return useMutation({
    mutationFn: (input: TSignInRequest) => signIn(input, { lang }),
    onSuccess: ({ user, secondFactor }: TSignInResponse) =>
      applySession({ ...user, secondFactor: secondFactor === 'none' ? user.secondFactor : secondFactor }),
    onError,
  })
}

function PasswordSignInForm() {
  const t = useT()
  const [form] = Form.useForm<TPasswordValues>()
  const { formError, showError, clearError } = useFormError(form, PASSWORD_FIELDS)
  const mutation = useSignIn(showError)
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      onValuesChange={clearError}
      onFinish={(values) => mutation.mutate({ method: 'password', ...values })}
      data-testid="password-sign-in-form"
    >
      <FormErrorAlert message={formError} testId="login-error" />
      <Form.Item name="phone" label={t('auth.phone')} rules={phoneRules(t)}>
        <Input inputMode="tel" autoComplete="username" maxLength={11} placeholder={t('auth.phonePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('auth.password')}
        rules={[{ required: true, message: t('auth.passwordRequired') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={mutation.isPending} data-testid="login-submit">
        {t('login.submit')}
      </Button>
    </Form>
  )
}

function SmsSignInForm() {
  const t = useT()
  const [form] = Form.useForm<TSmsValues>()
  const { formError, showError, clearError } = useFormError(form, SMS_FIELDS)
  const mutation = useSignIn(showError)
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      onValuesChange={clearError}
      onFinish={(values) => mutation.mutate({ method: 'sms', ...values })}
      data-testid="sms-sign-in-form"
    >
      <FormErrorAlert message={formError} testId="login-error" />
      <Form.Item name="phone" label={t('auth.phone')} rules={phoneRules(t)}>
        <Input inputMode="tel" autoComplete="tel" maxLength={11} placeholder={t('auth.phonePlaceholder')} />
      </Form.Item>
      <SmsCodeField form={form} purpose="sign_in" />
      <Button type="primary" htmlType="submit" block loading={mutation.isPending} data-testid="login-submit">
        {t('login.submit')}
      </Button>
    </Form>
  )
}

/**
 * 登录: 账号密码登录 or 短信验证码登录, with links to 注册 and 忘记密码. A signed-in visitor goes on at
 * once: to the authenticator step when their second factor is pending, else to `?next=` (or home).
 * @returns the sign-in page
 */
export function LoginPage() {
  const t = useT()
  const [searchParams] = useSearchParams()
  const next = readNextPath(searchParams)
  const me = useMe()

  if (me.isPending) return <QueryLoading rows={6} />
  if (me.data) return <Navigate to={pathAfterSignIn(me.data, next)} replace />

  return (
    <AuthCard title={t('login.title')} testId="login-page">
      <Tabs
        destroyOnHidden
        items={[
          { key: 'password', label: t('login.tabPassword'), children: <PasswordSignInForm /> },
          { key: 'sms', label: t('login.tabSms'), children: <SmsSignInForm /> },
        ]}
      />
      <div className="kx-auth-links">
        <Link to={withNext('/register', next)} data-testid="register-link">
          {t('login.register')}
        </Link>
        <Link to="/login/reset">{t('login.forgotPassword')}</Link>
      </div>
    </AuthCard>
  )
}
