import { useEffect, useState } from 'react'
import { Button, Form, Input, Space, Typography, type FormInstance } from 'antd'
import { useMutation } from '@tanstack/react-query'
import { Link } from 'react-router'
import type { SMS_PURPOSES } from '../../shared/contracts/identity.ts'
import { ApiError } from '../api-client.ts'
import { requestSmsCode } from '../api/identity.ts'
import { useLang, useT } from '../i18n/use-t.ts'
import { fieldIssuesOf } from '../lib/form-errors.ts'
import { smsCodeRule } from '../lib/form-rules.ts'
import { useAuthOptions } from '../queries/session.ts'
import { describeError } from './query-state.tsx'

type TSmsCodeFieldProps = {
  form: FormInstance
  purpose: (typeof SMS_PURPOSES)[number]
  /** Name of the phone field the code is sent to. */
  phoneField?: string
}

type TNotice = { type: 'success' | 'danger'; text: string }

function SmsNotice({ notice, hasDevInbox }: { notice: TNotice; hasDevInbox: boolean }) {
  const t = useT()
  return (
    <Typography.Text type={notice.type} data-testid="sms-notice">
      {notice.text}
      {notice.type === 'success' && hasDevInbox && (
        <>
          {' '}
          <Link to="/dev/sms" target="_blank">
            {t('auth.smsDevInboxLink')}
          </Link>
        </>
      )}
    </Typography.Text>
  )
}

function retryAfterOf(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.code !== 'RATE_LIMITED') return null
  const seconds = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds
  return typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds) : null
}

/**
 * The 验证码 field with its 获取验证码 button: sends a code to the phone in the form, then counts down
 * the seconds the server asks to wait (resendAfterSeconds, or retryAfterSeconds when rate-limited).
 * In development it links to the dev SMS inbox, since nothing is really sent.
 * @returns a form item named `smsCode`
 */
export function SmsCodeField({ form, purpose, phoneField = 'phone' }: TSmsCodeFieldProps) {
  const t = useT()
  const { lang } = useLang()
  const options = useAuthOptions()
  const [secondsLeft, setSecondsLeft] = useState(0)
  const [notice, setNotice] = useState<TNotice | null>(null)

  useEffect(() => {
    if (secondsLeft <= 0) return
    const timer = window.setTimeout(() => setSecondsLeft((s) => s - 1), 1000)
    return () => window.clearTimeout(timer)
  }, [secondsLeft])

  const send = useMutation({
    mutationFn: (phone: string) => requestSmsCode({ phone, purpose }, { lang }),
    onSuccess: (answer) => {
      setSecondsLeft(answer.resendAfterSeconds)
      setNotice({ type: 'success', text: t('auth.smsSent') })
    },
    onError: (error) => {
      const wait = retryAfterOf(error)
      if (wait) setSecondsLeft(wait)
      const phoneIssue = fieldIssuesOf(error).find((issue) => issue.path === 'body.phone')
      if (phoneIssue) {
        form.setFields([{ name: phoneField, errors: [phoneIssue.message] }])
        setNotice(null)
        return
      }
      setNotice({ type: 'danger', text: describeError(error, t) })
    },
  })

  const onSend = async () => {
    try {
      await form.validateFields([phoneField])
    } catch {
      return // the phone field shows what is wrong
    }
    send.mutate(String(form.getFieldValue(phoneField)))
  }

  const isWaiting = secondsLeft > 0
  return (
    <Form.Item
      label={t('auth.smsCode')}
      required
      extra={notice && <SmsNotice notice={notice} hasDevInbox={options.data?.hasDevSmsInbox === true} />}
    >
      <Space.Compact block>
        <Form.Item name="smsCode" noStyle rules={[smsCodeRule(t)]}>
          <Input
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            placeholder={t('auth.smsCodePlaceholder')}
            aria-label={t('auth.smsCode')}
            data-testid="sms-code-input"
          />
        </Form.Item>
        <Button onClick={onSend} disabled={isWaiting} loading={send.isPending} data-testid="sms-send-button">
          {isWaiting ? t('auth.smsResendIn', { seconds: secondsLeft }) : t('auth.smsSend')}
        </Button>
      </Space.Compact>
    </Form.Item>
  )
}
