import { useState } from 'react'
import { UploadOutlined } from '@ant-design/icons'
import { Button, Typography, Upload, type UploadFile } from 'antd'
import { acceptFor, FILE_RULES, type TFilePurpose, type TStoredFile } from '../../shared/contracts/files.ts'
import { uploadFile } from '../api/files.ts'
import { useLang, useT } from '../i18n/use-t.ts'
import { describeError } from './query-state.tsx'

const MB = 1024 * 1024

type TFileUploadFieldProps = {
  purpose: TFilePurpose
  /** The uploaded file's id (a form field's value). */
  value?: string
  onChange?: (fileId: string | undefined) => void
  /** The button's text. */
  label: string
  testId?: string
}

/**
 * One file uploaded to POST /api/files as soon as it is chosen, for use as a form field whose value is the
 * file's id. Shows the upload's progress, checks the size before sending, and shows the server's refusal
 * (wrong type, too large) in the current language. The picker offers the purpose's file types.
 * @returns the upload button, the file with its progress, and an error line
 */
export function FileUploadField({ purpose, onChange, label, testId = 'file-upload' }: TFileUploadFieldProps) {
  const t = useT()
  const { lang } = useLang()
  const [fileList, setFileList] = useState<UploadFile<TStoredFile>[]>([])
  const [error, setError] = useState<string | null>(null)
  const { maxBytes } = FILE_RULES[purpose]

  return (
    <div data-testid={testId}>
      <Upload<TStoredFile>
        accept={acceptFor(purpose)}
        maxCount={1}
        fileList={fileList}
        // Once stored, the file's name links to its download.
        onChange={({ fileList: next }) =>
          setFileList(next.map((f) => (f.response ? { ...f, url: f.response.url } : f)))
        }
        beforeUpload={(file) => {
          if (file.size <= maxBytes) return true
          setError(t('upload.tooLarge', { limit: maxBytes / MB }))
          return Upload.LIST_IGNORE
        }}
        customRequest={({ file, onProgress, onSuccess, onError }) => {
          setError(null)
          onChange?.(undefined)
          uploadFile(file as File, purpose, { lang, onProgress: (percent) => onProgress?.({ percent }) })
            .then((stored) => {
              onSuccess?.(stored)
              onChange?.(stored.id)
            })
            .catch((cause: unknown) => {
              const err = cause instanceof Error ? cause : new Error(String(cause))
              setError(describeError(err, t))
              onError?.(err)
            })
        }}
        onRemove={() => {
          setError(null)
          onChange?.(undefined)
        }}
      >
        <Button icon={<UploadOutlined />}>{label}</Button>
      </Upload>
      {error && (
        <Typography.Text type="danger" data-testid={`${testId}-error`}>
          {error}
        </Typography.Text>
      )}
    </div>
  )
}
