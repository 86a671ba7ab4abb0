import { Button, Form, Input, Result } from 'antd'
import { useMutation } from '@tanstack/react-query'
import { Link, useNavigate } from 'react-router'
import type { TResetPasswordRequest } from '../../shared/contracts/identity.ts'
import { resetPassword } from '../api/identity.ts'
import { AuthCard } from '../components/auth-card.tsx'
import { FormErrorAlert, useFormError } from '../components/form-error.tsx'
import { NewPasswordField } from '../components/password-field.tsx'
import { SmsCodeField } from '../components/sms-code-field.tsx'
import { useLang, useT } from '../i18n/use-t.ts'
import { phoneRules } from '../lib/form-rules.ts'
import { LOGIN_PATH } from '../nav-items.ts'
import { useApplySession } from '../queries/session.ts'

const RESET_FIELDS = { fields: ['phone', 'smsCode', 'newPassword'] } as const

type TResetValues = TResetPasswordRequest & { confirmPassword: string }

/**
 * 忘记密码: a code sent to the account's phone and a new password. Every session of the account ends,
 * this browser's included, so the person signs in again with the new password.
 * @returns the reset page
 */
export function ResetPasswordPage() {
  const t = useT()
  const { lang } = useLang()
  const navigate = useNavigate()
  const applySession = useApplySession()
  const [form] = Form.useForm<TResetValues>()
  const { formError, showError, clearError } = useFormError(form, RESET_FIELDS)
  const mutation = useMutation({
    mutationFn: ({ phone, smsCode, newPassword }: TResetValues) =>
      resetPassword({ phone, smsCode, newPassword }, { lang }),
    onSuccess: () => applySession(null),
    onError: showError,
  })

  if (mutation.isSuccess) {
    return (
      <Result
        status="success"
        title={t('reset.doneTitle')}
        subTitle={t('reset.doneLead')}
        extra={
          <Button type="primary" onClick={() => navigate(LOGIN_PATH)}>
            {t('login.submit')}
          </Button>
        }
        data-testid="reset-done"
      />
    )
  }

  return (
    <AuthCard title={t('reset.title')} lead={t('reset.lead')} testId="reset-page">
      <Form form={form} layout="vertical" requiredMark={false} onValuesChange={clearError} onFinish={mutation.mutate}>
        <FormErrorAlert message={formError} />
        <Form.Item name="phone" label={t('auth.phone')} rules={phoneRules(t)}>
          <Input inputMode="tel" autoComplete="username" maxLength={11} placeholder={t('auth.phonePlaceholder')} />
        </Form.Item>
        <SmsCodeField form={form} purpose="reset_password" />
        <NewPasswordField name="newPassword" label={t('reset.newPassword')} />
        <Form.Item
          name="confirmPassword"
          label={t('reset.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('reset.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: async (_rule, value) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(t('reset.confirmMismatch'))
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
          {t('reset.submit')}
        </Button>
      </Form>
      <div className="kx-auth-links">
        <Link to="/login">{t('reset.backToLogin')}</Link>
      </div>
    </AuthCard>
  )
}
