import { Form, Input, Modal } from 'antd'
import { useT } from '../i18n/use-t.ts'

type TDecisionModalProps = {
  /** What is decided on, shown in the title (the unit or the person). */
  subject: string | null
  isPending: boolean
  onCancel: () => void
  onReject: (reason: string) => void
}

const REASON_MIN = 2
const REASON_MAX = 500

/**
 * 驳回 with a reason (required, 2–500 characters): the applicant is told it, so it has to say something.
 * @returns the modal, open while `subject` is set
 */
export function RejectModal({ subject, isPending, onCancel, onReject }: TDecisionModalProps) {
  const t = useT()
  const [form] = Form.useForm<{ reason: string }>()
  return (
    <Modal
      open={subject !== null}
      title={t('review.rejectTitle', { name: subject ?? '' })}
      okText={t('review.reject')}
      okButtonProps={{ danger: true, loading: isPending }}
      cancelText={t('common.cancel')}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false} onFinish={({ reason }) => onReject(reason.trim())}>
        <Form.Item
          name="reason"
          label={t('review.reason')}
          extra={t('review.reasonHint')}
          rules={[
            { required: true, whitespace: true, message: t('review.reasonRequired') },
            {
              min: REASON_MIN,
              max: REASON_MAX,
              message: t('review.reasonLength', { min: REASON_MIN, max: REASON_MAX }),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={REASON_MAX} showCount data-testid="reject-reason" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
