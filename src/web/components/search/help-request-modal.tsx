import { useState } from 'react'
import { Alert, Button, DatePicker, Form, Input, Modal, Radio, Result, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { Link, useLocation } from 'react-router'
import { HELP_CONTACT_PREFERENCES, type THelpContactPreference } from '../../../shared/contracts/help-requests.ts'
import type { TMe } from '../../../shared/contracts/identity.ts'
import { useT } from '../../i18n/use-t.ts'
import { applyFieldErrors } from '../../lib/form-errors.ts'
import { withNext } from '../../lib/next-path.ts'
import { LOGIN_PATH } from '../../nav-items.ts'
import { useCreateHelpRequest } from '../../queries/help-requests.ts'
import { useNodeList } from '../../queries/organisations.ts'
import { useMe } from '../../queries/session.ts'
import { NodeSelect } from '../node-select.tsx'
import { describeError } from '../query-state.tsx'

type TValues = {
  query: string
  details?: string
  contactPhone?: string
  contactPreference: THelpContactPreference
  deadline?: Dayjs | null
  nodeId?: string
}

const FIELDS = ['query', 'details', 'contactPhone', 'contactPreference', 'deadline', 'nodeId'] as const
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/

function HelpRequestForm({ me, query, onDone }: { me: TMe; query: string; onDone: () => void }) {
  const t = useT()
  const [form] = Form.useForm<TValues>()
  const create = useCreateHelpRequest()
  const nodes = useNodeList()
  const [formError, setFormError] = useState<string | null>(null)
  const org = me.organisations.find((o) => o.id === me.currentOrgId)

  if (create.isSuccess) {
    return (
      <Result
        status="success"
        title={t('help.sent')}
        data-testid="help-sent"
        extra={[
          <Link key="mine" to="/me#help-requests">
            {t('help.viewMine')}
          </Link>,
          <Button key="close" onClick={onDone}>
            {t('help.close')}
          </Button>,
        ]}
      />
    )
  }

  const submit = (values: TValues) => {
    setFormError(null)
    const input = {
      query: values.query.trim(),
      details: values.details?.trim() ?? '',
      contactPhone: values.contactPhone?.trim() || undefined,
      contactPreference: values.contactPreference,
      deadline: values.deadline ? values.deadline.format('YYYY-MM-DD') : undefined,
      nodeId: org ? undefined : values.nodeId,
    }
    create.mutate(input, {
      onError: (error) => {
        const leftover = applyFieldErrors(form, error, { fields: FIELDS })
        if (leftover !== null) setFormError(leftover.length > 0 ? leftover.join('；') : describeError(error, t))
      },
    })
  }

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ query, contactPreference: 'phone' }}
      onFinish={submit}
      data-testid="help-form"
    >
      <Typography.Paragraph type="secondary">{t('help.lead')}</Typography.Paragraph>
      <Form.Item
        name="query"
        label={t('help.query')}
        rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('help.queryRequired') }]}
      >
        <Input maxLength={100} data-testid="help-query" />
      </Form.Item>
      <Form.Item name="details" label={t('help.details')}>
        <Input.TextArea
          rows={3}
          maxLength={2000}
          showCount
          placeholder={t('help.detailsPlaceholder')}
          data-testid="help-details"
        />
      </Form.Item>
      <Form.Item
        name="contactPhone"
        label={t('help.contactPhone')}
        extra={me.phoneMasked ? t('help.contactPhoneDefault', { phone: me.phoneMasked }) : undefined}
        rules={[{ required: !me.phoneMasked, pattern: PHONE, message: t('help.phoneInvalid') }]}
      >
        <Input inputMode="tel" maxLength={20} data-testid="help-phone" />
      </Form.Item>
      <Form.Item name="contactPreference" label={t('help.contactPreference')}>
        <Radio.Group
          options={HELP_CONTACT_PREFERENCES.map((value) => ({ value, label: t(`helpPreference.${value}`) }))}
        />
      </Form.Item>
      <Form.Item name="deadline" label={t('help.deadline')}>
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(day) => day.isBefore(dayjs(), 'day')}
          data-testid="help-deadline"
        />
      </Form.Item>
      {org ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('help.nodeOfOrg', { org: org.name })} />
      ) : (
        <Form.Item name="nodeId" label={t('help.node')} extra={t('help.nodeHint')}>
          <NodeSelect nodes={nodes} />
        </Form.Item>
      )}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" block loading={create.isPending} data-testid="help-submit">
        {t('help.submit')}
      </Button>
    </Form>
  )
}

/**
 * 帮我找: the request form in a modal, for signed-in people; visitors are offered to sign in and come
 * back to the same search.
 * @param props.query the words searched for, prefilled as "what I need"
 * @returns the modal, open while `isOpen`
 */
export function HelpRequestModal({ isOpen, query, onClose }: { isOpen: boolean; query: string; onClose: () => void }) {
  const t = useT()
  const me = useMe().data ?? null
  const { pathname, search } = useLocation()
  return (
    <Modal open={isOpen} title={t('help.title')} footer={null} onCancel={onClose} destroyOnHidden>
      {me ? (
        <HelpRequestForm me={me} query={query} onDone={onClose} />
      ) : (
        <Result
          status="info"
          title={t('help.signInFirst')}
          extra={
            <Link to={withNext(LOGIN_PATH, `${pathname}${search}`)} data-testid="help-sign-in">
              {t('help.signIn')}
            </Link>
          }
        />
      )}
    </Modal>
  )
}
