import { Form, Input } from 'antd'
import { useT } from '../i18n/use-t.ts'
import { newPasswordRules, PASSWORD_MIN_CLASSES, PASSWORD_MIN_LENGTH } from '../lib/form-rules.ts'

type TPasswordFieldProps = { name: string; label: string; testId?: string }

/**
 * A new password with its rules written under it (≥ 8 characters, 3 of the 4 classes) and checked as
 * the person types; the server checks again and may add more (not the phone number, not a common one).
 * @returns the form item
 */
export function NewPasswordField({ name, label, testId }: TPasswordFieldProps) {
  const t = useT()
  return (
    <Form.Item
      name={name}
      label={label}
      rules={newPasswordRules(t)}
      extra={t('auth.passwordRules', { min: PASSWORD_MIN_LENGTH, classes: PASSWORD_MIN_CLASSES })}
    >
      <Input.Password autoComplete="new-password" data-testid={testId} />
    </Form.Item>
  )
}
