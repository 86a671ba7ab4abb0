import { useState } from 'react'
import { App, Button, Form, Input, Modal, Popconfirm } from 'antd'
import { useNavigate } from 'react-router'
import type { TManagedResource } from '../../../shared/contracts/catalog-write.ts'
import type { TLifecycleAction } from '../../api/catalog.ts'
import { useT } from '../../i18n/use-t.ts'
import { useLifecycleAction } from '../../queries/catalog.ts'
import { describeError } from '../query-state.tsx'

const OFFLINE_REASON_MAX = 500
/** Buttons in the order they are shown; `edit` and `review` are links, the rest one POST each. */
const CONFIRMED: readonly Exclude<TLifecycleAction, 'offline'>[] = ['submit', 'withdraw', 'publish', 'online', 'delete']

function OfflineModal({
  open,
  isPending,
  onCancel,
  onConfirm,
}: {
  open: boolean
  isPending: boolean
  onCancel: () => void
  onConfirm: (reason: string) => void
}) {
  const t = useT()
  const [form] = Form.useForm<{ reason: string }>()
  return (
    <Modal
      open={open}
      title={t('cat.offline.title')}
      okText={t('cat.action.offline')}
      okButtonProps={{ danger: true, loading: isPending }}
      cancelText={t('common.cancel')}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={({ reason }) => onConfirm(reason.trim())}>
        <Form.Item
          name="reason"
          label={t('cat.offline.reason')}
          rules={[
            { required: true, whitespace: true, message: t('cat.offline.reasonRequired') },
            { max: OFFLINE_REASON_MAX },
          ]}
        >
          <Input.TextArea rows={3} maxLength={OFFLINE_REASON_MAX} showCount data-testid="offline-reason" />
        </Form.Item>
      </Form>
    </Modal>
  )
}

/**
 * The buttons a resource's `actions` allow, each with a confirmation: edit (a link), submit, withdraw,
 * publish, offline (with a required reason), online and delete; reviewers get a link to the review page.
 * @param resource the resource with its allowed actions
 * @param onDeleted called after a delete (the page then leaves)
 * @returns the button row, or nothing when no action is allowed
 */
export function LifecycleActions({ resource, onDeleted }: { resource: TManagedResource; onDeleted: () => void }) {
  const t = useT()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const lifecycle = useLifecycleAction()
  const [isOfflineOpen, setOfflineOpen] = useState(false)
  const allowed = new Set(resource.actions)
  if (allowed.size === 0) return null

  const run = (action: TLifecycleAction, reason?: string) =>
    lifecycle.mutate(
      { id: resource.id, action, reason },
      {
        onSuccess: () => {
          setOfflineOpen(false)
          void message.success(t(`cat.done.${action}`))
          if (action === 'delete') onDeleted()
        },
        onError: (error) => void message.error(describeError(error, t)),
      },
    )
  const isRunning = (action: TLifecycleAction) => lifecycle.isPending && lifecycle.variables?.action === action

  return (
    <div className="kx-row-actions" data-testid="resource-actions">
      {allowed.has('edit') && (
        <Button
          type="primary"
          onClick={() => navigate(`/console/resources/${resource.id}/edit`)}
          data-testid="action-edit"
        >
          {t('cat.action.edit')}
        </Button>
      )}
      {allowed.has('review') && (
        <Button type="primary" onClick={() => navigate(`/console/reviews/${resource.id}`)} data-testid="action-review">
          {t('cat.action.review')}
        </Button>
      )}
      {CONFIRMED.filter((action) => allowed.has(action)).map((action) => (
        <Popconfirm
          key={action}
          title={t(`cat.confirm.${action}`)}
          okText={t(`cat.action.${action}`)}
          okButtonProps={{ danger: action === 'delete' }}
          cancelText={t('common.cancel')}
          onConfirm={() => run(action)}
        >
          <Button
            danger={action === 'delete'}
            loading={isRunning(action)}
            disabled={lifecycle.isPending && !isRunning(action)}
            data-testid={`action-${action}`}
          >
            {t(`cat.action.${action}`)}
          </Button>
        </Popconfirm>
      ))}
      {allowed.has('offline') && (
        <Button danger onClick={() => setOfflineOpen(true)} disabled={lifecycle.isPending} data-testid="action-offline">
          {t('cat.action.offline')}
        </Button>
      )}
      <OfflineModal
        open={isOfflineOpen}
        isPending={isRunning('offline')}
        onCancel={() => setOfflineOpen(false)}
        onConfirm={(reason) => run('offline', reason)}
      />
    </div>
  )
}
