import { useState } from 'react'
import { Alert, App, Button, Card, Form, Input, Modal, Typography } from 'antd'
import { useMutation } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import { closeAccount, MY_DATA_EXPORT_URL } from '../../api/identity.ts'
import { useLang, useT } from '../../i18n/use-t.ts'
import { useApplySession } from '../../queries/session.ts'
import { FormErrorAlert, useFormError } from '../form-error.tsx'

const CLOSE_FIELDS = { fields: ['password'] } as const

function CloseAccountModal({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const t = useT()
  const { lang } = useLang()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const applySession = useApplySession()
  const [form] = Form.useForm<{ password: string }>()
  const { formError, showError, clearError } = useFormError(form, CLOSE_FIELDS)
  const mutation = useMutation({
    mutationFn: (password: string) => closeAccount({ password }, { lang }),
    onSuccess: () => {
      applySession(null)
      void message.success(t('me.closeDone'))
      navigate('/')
    },
    onError: showError,
  })
  return (
    <Modal
      open={isOpen}
      title={t('me.closeTitle')}
      onCancel={onClose}
      okText={t('me.closeSubmit')}
      okButtonProps={{ danger: true, loading: mutation.isPending }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('me.closeWarning')} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onValuesChange={clearError}
        onFinish={(v) => mutation.mutate(v.password)}
      >
        <FormErrorAlert message={formError} />
        <Form.Item
          name="password"
          label={t('me.closePassword')}
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
      </Form>
    </Modal>
  )
}

/**
 * 隐私与数据: download everything the platform keeps about me (JSON; PIPL Art. 45) and close the account
 * (PIPL Art. 47), confirmed by the password after a plain warning of what closing means.
 * @returns the card
 */
export function PrivacyCard() {
  const t = useT()
  const [isClosing, setClosing] = useState(false)
  return (
    <Card title={t('me.privacyTitle')} size="small">
      <div className="kx-setting-row">
        <div>
          <Typography.Text strong>{t('me.export')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('me.exportLead')}
          </Typography.Paragraph>
        </div>
        <Button href={MY_DATA_EXPORT_URL} download data-testid="export-my-data">
          {t('me.exportButton')}
        </Button>
      </div>
      <div className="kx-setting-row">
        <div>
          <Typography.Text strong>{t('me.close')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('me.closeLead')}
          </Typography.Paragraph>
        </div>
        <Button danger onClick={() => setClosing(true)} data-testid="close-account">
          {t('me.closeButton')}
        </Button>
      </div>
      <CloseAccountModal isOpen={isClosing} onClose={() => setClosing(false)} />
    </Card>
  )
}
