import { useState } from 'react'
import { Alert, Checkbox, Progress, Typography, Upload } from 'antd'
import { InboxOutlined } from '@ant-design/icons'
import { useMutation } from '@tanstack/react-query'
import { IMPORT_MAX_BYTES, type TImportJob } from '../../../shared/contracts/catalog-import.ts'
import type { TResourceKind } from '../../../shared/resource-kinds.ts'
import { formatOfFile, uploadImport } from '../../api/catalog-import.ts'
import { useLang, useT } from '../../i18n/use-t.ts'

type TImportUploadProps = {
  orgId: string
  kind: TResourceKind
  /** True while a job runs: no second upload until it ends. */
  isDisabled: boolean
  onUploaded: (job: TImportJob) => void
}

/**
 * 上传: the submit-for-review choice and a drop zone that sends the chosen .xlsx or .csv file as the raw
 * request body, with the upload's own progress (a 50 MB file takes a while on a slow line).
 * @returns the upload block
 */
export function ImportUpload({ orgId, kind, isDisabled, onUploaded }: TImportUploadProps) {
  const t = useT()
  const { lang } = useLang()
  const [submit, setSubmit] = useState(false)
  const [percent, setPercent] = useState(0)
  const [localError, setLocalError] = useState<string | null>(null)
  const upload = useMutation({
    mutationFn: (file: File) => uploadImport({ orgId, kind, submit, file }, { lang, onProgress: setPercent }),
    onSuccess: onUploaded,
  })

  const start = (file: File) => {
    setLocalError(null)
    upload.reset()
    if (!formatOfFile(file.name)) return setLocalError(t('catImport.wrongFile'))
    if (file.size > IMPORT_MAX_BYTES) return setLocalError(t('catImport.tooLarge'))
    setPercent(0)
    upload.mutate(file)
  }

  const error = localError ?? (upload.error ? upload.error.message : null)
  return (
    <div className="kx-stack">
      <div>
        <Checkbox checked={submit} onChange={(e) => setSubmit(e.target.checked)} data-testid="import-submit">
          {t('catImport.submit')}
        </Checkbox>
        <div>
          <Typography.Text type="secondary">{t('catImport.submitHelp')}</Typography.Text>
        </div>
      </div>
      <Upload.Dragger
        accept=".xlsx,.csv"
        multiple={false}
        showUploadList={false}
        disabled={isDisabled || upload.isPending}
        beforeUpload={(file) => {
          start(file)
          return false
        }}
        data-testid="import-dropzone"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('catImport.dropTitle')}</p>
        <p className="ant-upload-hint">{t('catImport.dropHint')}</p>
      </Upload.Dragger>
      {upload.isPending && (
        <div data-testid="import-uploading">
          <Typography.Text>{t('catImport.uploading', { percent })}</Typography.Text>
          <Progress percent={percent} status="active" showInfo={false} />
        </div>
      )}
      {error && <Alert type="error" showIcon title={error} data-testid="import-upload-error" />}
    </div>
  )
}
