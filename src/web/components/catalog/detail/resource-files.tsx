import { Image } from 'antd'
import { FileOutlined } from '@ant-design/icons'
import type { TAttachment } from '../../../api/catalog.ts'

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/**
 * The resource's images as a gallery that opens a full-size preview.
 * @param images attachments with role 'image'
 * @returns the gallery, or nothing without images
 */
export function ImageGallery({ images }: { images: readonly TAttachment[] }) {
  if (images.length === 0) return null
  return (
    <Image.PreviewGroup>
      <div className="kx-cat-gallery" data-testid="image-gallery">
        {images.map((image) => (
          <figure key={image.fileId} className="kx-cat-figure">
            <Image src={image.url} alt={image.caption || image.name} className="kx-cat-gallery-image" />
            {image.caption && <figcaption className="kx-cat-muted">{image.caption}</figcaption>}
          </figure>
        ))}
      </div>
    </Image.PreviewGroup>
  )
}

/**
 * The resource's documents as download links with their sizes.
 * @param documents attachments with role 'document'
 * @returns the list
 */
export function DocumentList({ documents }: { documents: readonly TAttachment[] }) {
  return (
    <ul className="kx-plain-list" data-testid="document-list">
      {documents.map((doc) => (
        <li key={doc.fileId}>
          <FileOutlined />
          <a href={doc.url} target="_blank" rel="noreferrer" className="kx-wrap-anywhere">
            {doc.caption || doc.name}
          </a>
          <span className="kx-cat-muted">{formatSize(doc.size)}</span>
        </li>
      ))}
    </ul>
  )
}
