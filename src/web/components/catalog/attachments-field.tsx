import { useEffect, useRef, useState } from 'react'
import { Alert, Button, Image, Input, Upload } from 'antd'
import { DeleteOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons'
import { acceptFor, FILE_RULES } from '../../../shared/contracts/files.ts'
import { uploadFile } from '../../api/catalog.ts'
import { useLang, useT } from '../../i18n/use-t.ts'
import { describeError } from '../query-state.tsx'
import type { TAttachmentItem } from './form-values.ts'

const CAPTION_MAX = 100
/** The contract allows 20 attachments in all; each list takes at most this many. */
const MAX_PER_ROLE = 10

type TAttachmentsFieldProps = {
  role: 'image' | 'document'
  value?: TAttachmentItem[]
  onChange?: (items: TAttachmentItem[]) => void
  id?: string
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

function AttachmentRow({
  item,
  role,
  onCaption,
  onRemove,
}: {
  item: TAttachmentItem
  role: 'image' | 'document'
  onCaption: (caption: string) => void
  onRemove: () => void
}) {
  const t = useT()
  return (
    <li className="kx-cat-attachment" data-testid="attachment-row">
      {role === 'image' ? (
        <Image src={item.url} alt={item.caption || item.name} width={64} height={64} className="kx-cat-thumb" />
      ) : (
        <FileOutlined className="kx-cat-file-icon" />
      )}
      <div className="kx-cat-attachment-main">
        <a href={item.url} target="_blank" rel="noreferrer" className="kx-wrap-anywhere">
          {item.name}
        </a>
        <span className="kx-cat-muted">{formatSize(item.size)}</span>
        <Input
          size="small"
          value={item.caption}
          maxLength={CAPTION_MAX}
          placeholder={t('cat.upload.caption')}
          onChange={(event) => onCaption(event.target.value)}
        />
      </div>
      <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('cat.upload.remove')} />
    </li>
  )
}

/**
 * Images or documents of a resource: uploads each file to POST /api/files at once, lists what is attached
 * with a caption box and a remove button, and shows the server's reason when an upload is refused (type,
 * size). The value is the list of uploaded files, in display order.
 * @returns the upload control
 */
export function AttachmentsField({ role, value = [], onChange, id }: TAttachmentsFieldProps) {
  const t = useT()
  const { lang } = useLang()
  const [error, setError] = useState<string | null>(null)
  const [uploading, setUploading] = useState(0)
  const purpose = role === 'image' ? 'resource_image' : 'resource_document'
  // Files finish in any order: each one is added to the newest list, not the one of the render it started in.
  const latest = useRef(value)
  useEffect(() => {
    latest.current = value
  }, [value])
  const update = (items: TAttachmentItem[]) => {
    latest.current = items
    onChange?.(items)
  }

  return (
    <div id={id} className="kx-stack" style={{ gap: 8 }}>
      <Upload
        accept={acceptFor(purpose)}
        multiple
        showUploadList={false}
        disabled={value.length >= MAX_PER_ROLE}
        beforeUpload={(file) => {
          // The server refuses larger files anyway; saying so here saves the upload.
          const maxBytes = FILE_RULES[purpose].maxBytes
          if (file.size <= maxBytes) return true
          setError(t('cat.upload.tooLarge', { name: file.name, max: formatSize(maxBytes) }))
          return Upload.LIST_IGNORE
        }}
        customRequest={({ file, onSuccess, onError }) => {
          setError(null)
          setUploading((n) => n + 1)
          uploadFile(file as File, purpose, { lang })
            .then((stored) => {
              const item = {
                fileId: stored.id,
                name: stored.name,
                url: stored.url,
                mime: stored.mime,
                size: stored.size,
                caption: '',
              }
              update([...latest.current, item].slice(0, MAX_PER_ROLE))
              onSuccess?.(stored)
            })
            .catch((cause: unknown) => {
              const reason = describeError(cause instanceof Error ? cause : new Error(String(cause)), t)
              setError(t('cat.upload.failed', { name: (file as File).name, reason }))
              onError?.(cause instanceof Error ? cause : new Error(reason))
            })
            .finally(() => setUploading((n) => n - 1))
        }}
      >
        <Button icon={<UploadOutlined />} loading={uploading > 0} data-testid={`upload-${role}`}>
          {t(role === 'image' ? 'cat.upload.addImages' : 'cat.upload.addDocuments')}
        </Button>
      </Upload>
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          closable={{ onClose: () => setError(null) }}
          data-testid="upload-error"
        />
      )}
      {value.length > 0 && (
        <ul className="kx-plain-list kx-stack" style={{ gap: 8 }}>
          {value.map((item, index) => (
            <AttachmentRow
              key={item.fileId}
              item={item}
              role={role}
              onCaption={(caption) => update(value.map((a, i) => (i === index ? { ...a, caption } : a)))}
              onRemove={() => update(value.filter((_, i) => i !== index))}
            />
          ))}
        </ul>
      )}
    </div>
  )
}
