import { useRef, useState } from 'react'
import { Alert, App, Button, Form, Modal } from 'antd'
import type { TManagedResource } from '../../../shared/contracts/catalog-write.ts'
import type { TResourceKind } from '../../../shared/resource-kinds.ts'
import { ApiError } from '../../api-client.ts'
import { useT } from '../../i18n/use-t.ts'
import { useLifecycleAction, useSaveResource } from '../../queries/catalog.ts'
import { describeError } from '../query-state.tsx'
import { EMPTY_FORM_VALUES, toContent, toFormValues, type TResourceFormValues } from './form-values.ts'
import { ResourceFormFields } from './resource-form-fields.tsx'
import { applyContentErrors } from './server-errors.ts'

type TIntent = 'draft' | 'submit'

type TResourceEditorProps = {
  kind: TResourceKind
  /** The organisation a new resource belongs to (create mode). */
  orgId: string
  /** The resource being edited; absent for a new one. */
  resource?: TManagedResource
  /** Called once saved (and submitted, for "save and submit"), with the resource id. */
  onDone: (id: string, intent: TIntent) => void
  /** Reload the resource from the server (after a conflict). */
  onReload?: () => void
}

function toError(cause: unknown): Error {
  return cause instanceof Error ? cause : new Error(String(cause))
}

/**
 * The resource editor: every field of the content, "save draft" and "save and submit". Field errors from
 * the server land under their fields (kind fields included); a 409 CONFLICT says someone else saved a
 * newer version meanwhile and offers to reload it. After the first save of a new resource further saves
 * update that draft rather than creating another.
 * @returns the form
 */
export function ResourceEditor({ kind, orgId, resource, onDone, onReload }: TResourceEditorProps) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<TResourceFormValues>()
  const save = useSaveResource()
  const lifecycle = useLifecycleAction()
  const [saved, setSaved] = useState(resource ? { id: resource.id, version: resource.version } : null)
  const [formError, setFormError] = useState<string | null>(null)
  const [conflict, setConflict] = useState<string | null>(null)
  // The button pressed: a ref for onFinish (which runs after validation), state for the spinner.
  const intentRef = useRef<TIntent>('draft')
  const [intent, setIntent] = useState<TIntent>('draft')
  const choose = (next: TIntent) => {
    intentRef.current = next
    setIntent(next)
  }
  const baseAttributes = resource?.content.attributes ?? {}
  const isRevision = resource !== undefined && (resource.status === 'published' || resource.revisionStatus !== null)

  const showError = (cause: unknown) => {
    if (cause instanceof ApiError && cause.code === 'CONFLICT') {
      setConflict(describeError(cause, t))
      return
    }
    const leftover = applyContentErrors(form, kind, cause)
    if (leftover === null) setFormError(describeError(toError(cause), t))
    else setFormError(leftover.length > 0 ? leftover.join(' ') : t('cat.form.fixErrors'))
  }

  const onFinish = async (values: TResourceFormValues) => {
    setFormError(null)
    const content = toContent(kind, values, baseAttributes)
    let current = saved
    try {
      const result = current
        ? await save.mutateAsync({
            mode: 'update',
            id: current.id,
            body: { ...content, expectedVersion: current.version },
          })
        : await save.mutateAsync({ mode: 'create', body: { ...content, kind, orgId } })
      current = { id: result.id, version: result.version }
      setSaved(current)
    } catch (cause) {
      showError(cause)
      return
    }
    if (intentRef.current === 'draft') {
      void message.success(t('cat.form.saved'))
      onDone(current.id, 'draft')
      return
    }
    try {
      await lifecycle.mutateAsync({ id: current.id, action: 'submit' })
      void message.success(t('cat.done.submit'))
      onDone(current.id, 'submit')
    } catch (cause) {
      // Saved but not submitted: the draft exists now, so stay here and show why.
      showError(cause)
    }
  }

  const isBusy = save.isPending || lifecycle.isPending
  return (
    <Form<TResourceFormValues>
      form={form}
      layout="vertical"
      initialValues={resource ? toFormValues(resource.content) : EMPTY_FORM_VALUES}
      onFinish={(values) => void onFinish(values)}
      onFinishFailed={() => setFormError(t('cat.form.fixErrors'))}
      onValuesChange={() => setFormError(null)}
      scrollToFirstError={{ block: 'center' }}
      data-testid="resource-form"
    >
      {isRevision && <Alert type="info" showIcon title={t('cat.form.revisionNote')} style={{ marginBottom: 16 }} />}
      <ResourceFormFields kind={kind} />
      {formError && (
        <Alert type="error" showIcon title={formError} style={{ marginTop: 16 }} data-testid="form-error" />
      )}
      <div className="kx-row-actions kx-cat-form-actions">
        <Button
          htmlType="submit"
          loading={isBusy && intent === 'draft'}
          disabled={isBusy}
          onClick={() => choose('draft')}
          data-testid="save-draft"
        >
          {t('cat.form.saveDraft')}
        </Button>
        <Button
          type="primary"
          htmlType="submit"
          loading={isBusy && intent === 'submit'}
          disabled={isBusy}
          onClick={() => choose('submit')}
          data-testid="save-submit"
        >
          {t('cat.form.saveSubmit')}
        </Button>
      </div>
      <Modal
        open={conflict !== null}
        title={t('cat.form.conflictTitle')}
        okText={t('cat.form.reload')}
        cancelText={t('cat.form.keepEditing')}
        onOk={() => {
          setConflict(null)
          onReload?.()
        }}
        onCancel={() => setConflict(null)}
        data-testid="conflict-modal"
      >
        <p>{t('cat.form.conflict')}</p>
        {conflict && <p className="kx-cat-muted">{conflict}</p>}
      </Modal>
    </Form>
  )
}
