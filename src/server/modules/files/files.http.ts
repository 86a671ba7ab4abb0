import type { Multipart } from '@fastify/multipart'
import type { TUploadPart } from './files.service.ts'

/** Types a browser may show in place: images and PDF. Everything else is offered as a download. */
const INLINE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/webp'])

/**
 * The Content-Disposition of a download: `inline` for images and PDF, `attachment` otherwise, with an
 * ASCII fallback name and the real one in RFC 5987 form (`filename*=UTF-8''…`) for Chinese names.
 * @param name the name the file was uploaded with
 * @param mime the detected type
 */
export function contentDisposition(name: string, mime: string): string {
  const type = INLINE_TYPES.has(mime) ? 'inline' : 'attachment'
  // Every character outside printable ASCII, and the ones that would end or escape the quoted value.
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_')
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`
}

/**
 * Adapts @fastify/multipart's parts to the service's upload parts, so the service knows no HTTP types.
 * Nothing is read before the service starts iterating (it checks the session first).
 */
export async function* toUploadParts(parts: () => AsyncIterable<Multipart>): AsyncGenerator<TUploadPart> {
  for await (const part of parts()) {
    if (part.type === 'field') {
      yield { kind: 'field', name: part.fieldname, value: typeof part.value === 'string' ? part.value : '' }
    } else {
      const file = part.file
      yield {
        kind: 'file',
        name: part.fieldname,
        filename: part.filename,
        stream: file,
        isTruncated: () => file.truncated,
      }
    }
  }
}
