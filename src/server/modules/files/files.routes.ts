import multipart from '@fastify/multipart'
import { MAX_FILE_BYTES, ZFileIdParams, ZStoredFile } from '#shared/contracts/files.ts'
import { AppError } from '../../errors.ts'
import type { TApp } from '../../http/app-type.ts'
import { contentDisposition, toUploadParts } from './files.http.ts'
import type { TFileService } from './files.service.ts'

const TAGS = ['files']

/**
 * POST /api/files (multipart upload) and GET /api/files/:id (download). The multipart parser is
 * registered in this plugin's own scope, so every other route still accepts JSON only.
 */
export async function registerFileRoutes(app: TApp, deps: { files: TFileService }): Promise<void> {
  await app.register(async (scope: TApp) => {
    await scope.register(multipart, {
      // The largest file of any purpose; the service applies each purpose's own limit.
      limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5, fieldSize: 1000, parts: 6 },
      throwFileSizeLimit: false,
    })
    registerUpload(scope, deps.files)
  })
  registerDownload(app, deps.files)
}

function registerUpload(app: TApp, files: TFileService): void {
  app.post(
    '/api/files',
    {
      schema: {
        tags: TAGS,
        summary: '上传文件 Upload a file (signed in; multipart: field purpose, then file)',
        description:
          'multipart/form-data with a text field `purpose` (resource_image, resource_document, org_licence, ' +
          'work_order_result, other) FIRST and then one file field `file`. The type is detected from the ' +
          'bytes. Limits: resource_image PNG/JPEG/WebP ≤ 5 MB; resource_document PDF/DOCX/XLSX ≤ 20 MB; ' +
          'org_licence PDF/PNG/JPEG ≤ 10 MB. The file stays unattached until a record claims it; ' +
          'unattached files are removed after 24 hours.',
        consumes: ['multipart/form-data'],
        response: { 201: ZStoredFile },
      },
    },
    async (request, reply) => {
      const parts = () => {
        if (!request.isMultipart()) {
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'not multipart/form-data', { messageKey: 'files.NOT_MULTIPART' })
        }
        return request.parts()
      }
      return reply.status(201).send(await files.uploadFile(request.ctx, toUploadParts(parts)))
    },
  )
}

function registerDownload(app: TApp, files: TFileService): void {
  app.get(
    '/api/files/:id',
    {
      schema: {
        tags: TAGS,
        summary:
          '下载文件 Download a file (its uploader; anyone for a published public resource; licences for the unit’s admins and node staff)',
        params: ZFileIdParams,
      },
    },
    async (request, reply) => {
      const file = await files.getFileDownload(request.ctx, request.params.id)
      // The id's content never changes (files are immutable); who may read it can, so private files are
      // revalidated on every use while public ones may be cached for an hour.
      const etag = `"${file.sha256}"`
      reply
        .header('etag', etag)
        .header('cache-control', file.isPublic ? 'public, max-age=3600' : 'private, no-cache')
        .header('x-content-type-options', 'nosniff')
      if (request.headers['if-none-match'] === etag) return reply.status(304).send()
      const stream = await file.open()
      return reply
        .header('content-type', file.mime)
        .header('content-length', file.size)
        .header('content-disposition', contentDisposition(file.name, file.mime))
        .send(stream)
    },
  )
}
