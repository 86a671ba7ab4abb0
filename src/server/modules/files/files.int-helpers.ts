import { randomBytes } from 'node:crypto'
import { crc32 } from 'node:zlib'
import type { TApp } from '../../http/app-type.ts'

/**
 * Test helpers for uploads: the smallest real files of every accepted type, and a multipart body builder
 * for `app.inject()` (integration tests and the licence tests of the organisations module).
 */

/** A 1×1 transparent PNG. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

/** A minimal PDF (header, one empty page, trailer). `salt` makes its content (and hash) unique. */
export function tinyPdf(salt = randomBytes(6).toString('hex')): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% ${salt}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n` +
      '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  )
}

/** JPEG start-of-image and JFIF header, then filler: enough for the magic-number check. */
export const TINY_JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01]),
  Buffer.alloc(64, 0x20),
  Buffer.from([0xff, 0xd9]),
])

/** A Windows executable's header ("MZ…PE"): what a renamed .exe starts with. */
export const EXE_BYTES = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(58),
  Buffer.from([0x40, 0, 0, 0]),
  Buffer.from('PE\0\0'),
  Buffer.alloc(64),
])

/** A stored (uncompressed) zip of the given entries, in order. */
export function makeZip(entries: { name: string; data: string }[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name)
    const data = Buffer.from(entry.data)
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, data)
    centrals.push(central, name)
    offset += local.length + name.length + data.length
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(centralSize, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, ...centrals, end])
}

const OOXML = 'application/vnd.openxmlformats-officedocument'

function contentTypes(part: string, type: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    `<Override PartName="${part}" ContentType="${type}"/></Types>`
  )
}

/** A skeleton Word document: a zip with [Content_Types].xml naming the main document part. */
export function tinyDocx(): Buffer {
  return makeZip([
    {
      name: '[Content_Types].xml',
      data: contentTypes('/word/document.xml', `${OOXML}.wordprocessingml.document.main+xml`),
    },
    { name: 'word/document.xml', data: '<w:document/>' },
  ])
}

/** A skeleton Excel workbook. */
export function tinyXlsx(): Buffer {
  return makeZip([
    { name: '[Content_Types].xml', data: contentTypes('/xl/workbook.xml', `${OOXML}.spreadsheetml.sheet.main+xml`) },
    { name: 'xl/workbook.xml', data: '<workbook/>' },
  ])
}

/** One file of a multipart body. */
export type TTestUpload = { name: string; bytes: Buffer; contentType?: string }

/**
 * A multipart/form-data body: the text fields first, then the file as field `file` (as browsers send it).
 * @returns payload and headers for `app.inject()`
 */
export function multipartBody(fields: Record<string, string>, file?: TTestUpload, fileField = 'file') {
  const boundary = `----kx${randomBytes(8).toString('hex')}`
  const chunks: Buffer[] = []
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`))
  }
  if (file) {
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="${file.name}"\r\n` +
      `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`
    chunks.push(Buffer.from(head), file.bytes, Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

/**
 * POSTs a file to /api/files.
 * @param cookie the session cookie, or null for anonymous
 */
export function uploadTestFile(app: TApp, cookie: string | null, purpose: string, file: TTestUpload, lang?: string) {
  const body = multipartBody({ purpose }, file)
  return app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { ...body.headers, ...(cookie ? { cookie } : {}), ...(lang ? { 'accept-language': lang } : {}) },
    payload: body.payload,
  })
}

/**
 * Uploads a business licence (a fresh PDF) as the given user and returns its id.
 * @throws Error when the upload is refused
 */
export async function uploadTestLicence(app: TApp, cookie: string): Promise<string> {
  const res = await uploadTestFile(app, cookie, 'org_licence', { name: '营业执照.pdf', bytes: tinyPdf() })
  if (res.statusCode !== 201) throw new Error(`licence upload failed: ${res.statusCode} ${res.body}`)
  return (res.json() as { id: string }).id
}

/**
 * A registration body with a business licence uploaded by `cookie`'s user, unless the body already says
 * something about `licenceFileId` (tests of the licence rule set it, or set it to undefined to leave it out).
 */
export async function withTestLicence(app: TApp, cookie: string, payload: object): Promise<object> {
  if ('licenceFileId' in payload) return payload
  return { ...payload, licenceFileId: await uploadTestLicence(app, cookie) }
}
