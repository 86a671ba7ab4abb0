import { z } from 'zod'

/**
 * Uploaded files (POST /api/files, GET /api/files/:id). A file is uploaded first, unattached, and then
 * claimed by the record that uses it (a resource's images and documents, an organisation's business
 * licence); unclaimed files are removed after a day.
 */

/** What a file is uploaded for; each purpose accepts its own types and size (FILE_RULES). */
export const FILE_PURPOSES = [
  'resource_image',
  'resource_document',
  'org_licence',
  'work_order_result',
  'other',
] as const
export const ZFilePurpose = z.enum(FILE_PURPOSES)
export type TFilePurpose = z.infer<typeof ZFilePurpose>

/** The types we accept at all, as detected from the bytes (never from the name or the client's header). */
export const FILE_MIME = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  text: 'text/plain',
} as const
export type TFileMime = (typeof FILE_MIME)[keyof typeof FILE_MIME]

const MB = 1024 * 1024

/** Allowed types and the largest size per purpose; the web uses them for `accept` and a size check. */
export const FILE_RULES: Record<TFilePurpose, { mimes: readonly TFileMime[]; maxBytes: number }> = {
  resource_image: { mimes: [FILE_MIME.png, FILE_MIME.jpeg, FILE_MIME.webp], maxBytes: 5 * MB },
  resource_document: { mimes: [FILE_MIME.pdf, FILE_MIME.docx, FILE_MIME.xlsx], maxBytes: 20 * MB },
  org_licence: { mimes: [FILE_MIME.pdf, FILE_MIME.png, FILE_MIME.jpeg], maxBytes: 10 * MB },
  // 服务成果 of a work order: reports, tables, photos and measured data (CSV/text).
  work_order_result: {
    mimes: [
      FILE_MIME.pdf,
      FILE_MIME.docx,
      FILE_MIME.xlsx,
      FILE_MIME.png,
      FILE_MIME.jpeg,
      FILE_MIME.csv,
      FILE_MIME.text,
    ],
    maxBytes: 20 * MB,
  },
  other: {
    mimes: [FILE_MIME.pdf, FILE_MIME.png, FILE_MIME.jpeg, FILE_MIME.webp, FILE_MIME.csv, FILE_MIME.text],
    maxBytes: 10 * MB,
  },
}

/** The largest file any purpose accepts: the multipart parser's hard limit. */
export const MAX_FILE_BYTES = Math.max(...Object.values(FILE_RULES).map((r) => r.maxBytes))

/** File-name extensions per type, for the browser's file picker (`accept`). */
export const FILE_EXTENSIONS: Record<TFileMime, string> = {
  [FILE_MIME.pdf]: '.pdf',
  [FILE_MIME.png]: '.png',
  [FILE_MIME.jpeg]: '.jpg,.jpeg',
  [FILE_MIME.webp]: '.webp',
  [FILE_MIME.docx]: '.docx',
  [FILE_MIME.xlsx]: '.xlsx',
  [FILE_MIME.csv]: '.csv',
  [FILE_MIME.text]: '.txt',
}

/** The `accept` attribute for a purpose's file picker, e.g. '.pdf,.png,.jpg,.jpeg'. */
export function acceptFor(purpose: TFilePurpose): string {
  return FILE_RULES[purpose].mimes.map((mime) => FILE_EXTENSIONS[mime]).join(',')
}

/** The address a file is downloaded from. */
export function fileUrl(id: string): string {
  return `/api/files/${id}`
}

/** A file as other records show it (e.g. an organisation's licence for its reviewer). */
export const ZFileRef = z.object({
  id: z.uuid(),
  /** The name it was uploaded with. */
  name: z.string(),
  /** Detected from its bytes. */
  mime: z.string(),
  /** GET /api/files/:id */
  url: z.string(),
})
export type TFileRef = z.infer<typeof ZFileRef>

/** POST /api/files (201): the stored file. The multipart body has a field `purpose` and then a file `file`. */
export const ZStoredFile = ZFileRef.extend({
  /** Bytes. */
  size: z.number().int().positive(),
})
export type TStoredFile = z.infer<typeof ZStoredFile>

export const ZFileIdParams = z.object({ id: z.uuid() })
