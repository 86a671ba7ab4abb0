import { useState } from 'react'
import { App, Button, Form, Input, Modal, Popconfirm, Switch } from 'antd'
import { useT } from '../../i18n/use-t.ts'
import { useReviewResource } from '../../queries/catalog.ts'
import { describeError } from '../query-state.tsx'

const REASON_MAX = 1000

function ReturnModal({
  open,
  isPending,
  onCancel,
  onReturn,
}: {
  open: boolean
  isPending: boolean
  onCancel: () => void
  onReturn: (reason: string) => void
}) {
  const t = useT()
  const [form] = Form.useForm<{ reason: string }>()
  return (
    <Modal
      open={open}
      title={t('cat.review.returnTitle')}
      okText={t('cat.review.return')}
      okButtonProps={{ danger: true, loading: isPending }}
      cancelText={t('common.cancel')}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={({ reason }) => onReturn(reason.trim())}>
        <Form.Item
          name="reason"
          label={t('cat.review.reason')}
          extra={t('cat.review.reasonHint')}
          rules={[{ required: true, whitespace: true, message: t('cat.review.reasonRequired') }, { max: REASON_MAX }]}
        >
          <Input.TextArea rows={4} maxLength={REASON_MAX} showCount data-testid="return-reason" />
        </Form.Item>
      </Form>
    </Modal>
  )
}

/**
 * The reviewer's decision on a submission: approve (publishing at once unless switched off) or return it
 * to the provider with a required reason.
 * @param resourceId the submitted resource
 * @param title its title, for the confirmation
 * @param onDecided called after a decision was recorded
 * @returns the decision row
 */
export function ReviewPanel({
  resourceId,
  title,
  onDecided,
}: {
  resourceId: string
  title: string
  onDecided: () => void
}) {
  const t = useT()
  const { message } = App.useApp()
  const review = useReviewResource()
  const [isPublishNow, setPublishNow] = useState(true)
  const [isReturnOpen, setReturnOpen] = useState(false)

  const decide = (decision: 'approve' | 'return', reason = '') =>
    review.mutate(
      { id: resourceId, body: { decision, reason, publish: isPublishNow } },
      {
        onSuccess: () => {
          setReturnOpen(false)
          void message.success(t(decision === 'approve' ? 'cat.review.approved' : 'cat.review.returned', { title }))
          onDecided()
        },
        onError: (error) => void message.error(describeError(error, t)),
      },
    )

  return (
    <div className="kx-row-actions" style={{ alignItems: 'center' }} data-testid="review-panel">
      <label className="kx-inline-switch">
        <Switch size="small" checked={isPublishNow} onChange={setPublishNow} data-testid="publish-now" />{' '}
        {t('cat.review.publishNow')}
      </label>
      <Popconfirm
        title={t('cat.review.approveConfirm', { title })}
        okText={t('cat.review.approve')}
        cancelText={t('common.cancel')}
        onConfirm={() => decide('approve')}
      >
        <Button
          type="primary"
          loading={review.isPending && review.variables?.body.decision === 'approve'}
          data-testid="approve-resource"
        >
          {t('cat.review.approve')}
        </Button>
      </Popconfirm>
      <Button danger disabled={review.isPending} onClick={() => setReturnOpen(true)} data-testid="return-resource">
        {t('cat.review.return')}
      </Button>
      <ReturnModal
        open={isReturnOpen}
        isPending={review.isPending}
        onCancel={() => setReturnOpen(false)}
        onReturn={(reason) => decide('return', reason)}
      />
    </div>
  )
}
