import { Button, Checkbox, Form, Input } from 'antd'
import { useMutation } from '@tanstack/react-query'
import { Link } from 'react-router'
import type { TMe, TSignUpRequest } from '../../shared/contracts/identity.ts'
import { signUp } from '../api/identity.ts'
import { useLang, useT } from '../i18n/use-t.ts'
import { PRIVACY_VERSION } from '../legal.ts'
import { phoneRules } from '../lib/form-rules.ts'
import { useApplySession } from '../queries/session.ts'
import { FormErrorAlert, useFormError } from './form-error.tsx'
import { NewPasswordField } from './password-field.tsx'
import { SmsCodeField } from './sms-code-field.tsx'

const SIGN_UP_FIELDS = {
  fields: ['phone', 'smsCode', 'password', 'displayName', 'acceptPrivacy'],
  // An outdated privacy version is the consent's problem: show it under the checkbox.
  aliases: { privacyVersion: 'acceptPrivacy' },
} as const

type TSignUpValues = Omit<TSignUpRequest, 'privacyVersion'>

/**
 * 个人用户注册: phone with an SMS code, password (rules shown), display name, and the unticked consent to
 * 《用户协议》《隐私政策》 (links open in a new tab so the form keeps what was typed). Signs the person in.
 * @param onSignedUp called with the new person once the session is set
 * @returns the form
 */
export function PersonSignUpForm({ onSignedUp }: { onSignedUp?: (me: TMe) => void }) {
  const t = useT()
  const { lang } = useLang()
  const applySession = useApplySession()
  const [form] = Form.useForm<TSignUpValues>()
  const { formError, showError, clearError } = useFormError(form, SIGN_UP_FIELDS)
  const mutation = useMutation({
    mutationFn: (values: TSignUpValues) => signUp({ ...values, privacyVersion: PRIVACY_VERSION }, { lang }),
    onSuccess: ({ user }) => {
      applySession(user)
      onSignedUp?.(user)
    },
    onError: showError,
  })

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      onValuesChange={clearError}
      onFinish={mutation.mutate}
      initialValues={{ acceptPrivacy: false }}
      data-testid="sign-up-form"
    >
      <FormErrorAlert message={formError} />
      <Form.Item name="phone" label={t('auth.phone')} rules={phoneRules(t)}>
        <Input inputMode="tel" autoComplete="tel" maxLength={11} placeholder={t('auth.phonePlaceholder')} />
      </Form.Item>
      <SmsCodeField form={form} purpose="sign_up" />
      <NewPasswordField name="password" label={t('auth.password')} testId="sign-up-password" />
      <Form.Item
        name="displayName"
        label={t('register.displayName')}
        rules={[{ required: true, whitespace: true, max: 50, message: t('register.displayNameRequired') }]}
        extra={t('register.displayNameHint')}
      >
        <Input autoComplete="name" maxLength={50} />
      </Form.Item>
      <Form.Item
        name="acceptPrivacy"
        valuePropName="checked"
        rules={[
          {
            validator: async (_rule, value) => {
              if (value !== true) throw new Error(t('register.consentRequired'))
            },
          },
        ]}
      >
        <Checkbox data-testid="consent-checkbox">
          {t('register.consentPrefix')}
          <Link to="/legal/terms" target="_blank">
            {t('register.termsLink')}
          </Link>
          {t('register.consentJoin')}
          <Link to="/legal/privacy" target="_blank">
            {t('register.privacyLink')}
          </Link>
        </Checkbox>
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={mutation.isPending} data-testid="sign-up-submit">
        {t('register.submitPerson')}
      </Button>
    </Form>
  )
}
