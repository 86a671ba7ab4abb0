import { useState } from 'react'
import { Alert, App, Button, Input, Modal } from 'antd'
import type { TOrganisationView } from '../../../shared/contracts/organisations.ts'
import { useT } from '../../i18n/use-t.ts'
import { useCreateJoinRequest } from '../../queries/organisations.ts'
import { describeError } from '../query-state.tsx'

/**
 * 申请加入 on a unit's page: an optional note to its admins, then the request.
 * @returns the button with its dialog, or the confirmation once sent
 */
export function JoinButton({ org }: { org: TOrganisationView }) {
  const t = useT()
  const { message } = App.useApp()
  const [isOpen, setOpen] = useState(false)
  const [note, setNote] = useState('')
  const join = useCreateJoinRequest()
  if (join.isSuccess)
    return <Alert type="success" showIcon title={t('me.joinSent', { name: org.name })} data-testid="join-sent" />
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="join-open">
        {t('org.join')}
      </Button>
      <Modal
        open={isOpen}
        title={t('org.joinTitle', { name: org.name })}
        okText={t('me.joinSubmit')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: join.isPending }}
        onCancel={() => setOpen(false)}
        onOk={() =>
          join.mutate(
            { orgId: org.id, message: note.trim() },
            { onSuccess: () => setOpen(false), onError: (error) => void message.error(describeError(error, t)) },
          )
        }
      >
        <Input.TextArea
          value={note}
          onChange={(event) => setNote(event.target.value)}
          maxLength={500}
          rows={3}
          placeholder={t('me.joinNotePlaceholder')}
          aria-label={t('me.joinNotePlaceholder')}
        />
      </Modal>
    </>
  )
}
