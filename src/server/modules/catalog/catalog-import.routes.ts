import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  IMPORT_CONTENT_TYPES,
  IMPORT_MAX_BYTES,
  type TImportFormat,
  ZCreateImportQuery,
  ZExportQuery,
  ZImportIdParams,
  ZImportJob,
  ZListImportsQuery,
  ZListImportsResponse,
  ZTemplateParams,
  ZTemplateQuery,
} from '#shared/contracts/catalog-import.ts'
import { requireActor } from '../../context.ts'
import type { TClock } from '../../clock.ts'
import { AppError } from '../../errors.ts'
import type { TApp } from '../../http/app-type.ts'
import { languageOf } from '../../http/messages.ts'
import type { TExportService } from './export-service.ts'
import { presentImportJob } from './import-present.ts'
import type { TImportService, TUpload } from './import-service.ts'
import { buildTemplate, type TDownload } from './template-build.ts'

/** Content types an upload may declare, and the format each means. */
const FORMAT_OF_TYPE: Record<string, TImportFormat> = {
  [IMPORT_CONTENT_TYPES.xlsx]: 'xlsx',
  [IMPORT_CONTENT_TYPES.csv]: 'csv',
  'application/csv': 'csv',
}

const ZFileResponse = z.string().describe('the file (xlsx or UTF-8 CSV with BOM) as an attachment')

function sendDownload(reply: FastifyReply, download: TDownload) {
  return reply
    .type(download.contentType)
    .header('content-disposition', `attachment; filename="${download.fileName}"`)
    .header('cache-control', 'no-store')
    .send(download.stream)
}

/**
 * Streams the request body into a file of the upload folder, refusing more than IMPORT_MAX_BYTES. The
 * body never sits in memory whole.
 */
async function saveUpload(payload: NodeJS.ReadableStream, dir: string, format: TImportFormat): Promise<TUpload> {
  // the folder may have been cleaned away under a long-running server (tmp cleaners)
  await mkdir(dir, { recursive: true })
  const file = path.join(dir, `upload-${randomUUID()}.${format}`)
  let bytes = 0
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length
      if (bytes > IMPORT_MAX_BYTES) return callback(new AppError('PAYLOAD_TOO_LARGE', 'upload over 50 MB'))
      return callback(null, chunk)
    },
  })
  try {
    await pipeline(payload, counter, createWriteStream(file))
  } catch (err) {
    await rm(file, { force: true })
    throw err
  }
  return { path: file, bytes, format }
}

function isUpload(body: unknown): body is TUpload {
  return typeof body === 'object' && body !== null && 'path' in body && 'format' in body
}

/** POST /api/catalog/imports in its own scope: only here are request bodies files, parsed to disk. */
function registerUploadRoute(app: TApp, deps: { imports: TImportService; clock: TClock }): void {
  app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>()
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser('*', (request, payload, done) => {
      const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
      const format = FORMAT_OF_TYPE[type]
      if (!format) {
        payload.resume()
        const vars = { type: type || '-' }
        return done(
          new AppError('VALIDATION', `unsupported upload type ${type}`, {
            messageKey: 'catalogImport.WRONG_CONTENT_TYPE',
            vars,
          }),
        )
      }
      saveUpload(payload, deps.imports.uploadDir, format).then(
        (upload) => done(null, upload),
        (err: Error) => done(err),
      )
      return undefined
    })
    // refuse anonymous callers before their body is written to disk
    scope.addHook('preParsing', async (request: FastifyRequest) => {
      requireActor(request.ctx)
    })
    // a request refused before the service took the file (bad query) leaves no file behind
    scope.addHook('onResponse', async (request: FastifyRequest) => {
      if (isUpload(request.body)) await rm(request.body.path, { force: true })
    })
    scope.post(
      '/api/catalog/imports',
      {
        bodyLimit: IMPORT_MAX_BYTES,
        schema: {
          tags: ['catalog'],
          summary: '批量导入 Upload an xlsx or CSV file of one kind; answers 202 with the job (poll GET …/:id)',
          consumes: [IMPORT_CONTENT_TYPES.xlsx, IMPORT_CONTENT_TYPES.csv],
          querystring: ZCreateImportQuery,
          response: { 202: ZImportJob },
        },
      },
      async (request, reply) => {
        if (!isUpload(request.body)) {
          throw new AppError('VALIDATION', 'no file in the body', { messageKey: 'catalogImport.EMPTY_UPLOAD' })
        }
        const row = await deps.imports.createImport(request.ctx, request.query, request.body)
        const lang = languageOf(request.headers['accept-language'])
        return reply.status(202).send(presentImportJob(row, lang, deps.clock.now()))
      },
    )
  })
}

/**
 * Bulk import and export of the catalogue (issue 4 item 4): templates, uploads, job status and error
 * reports, exports.
 */
export function registerCatalogImportRoutes(
  app: TApp,
  deps: { imports: TImportService; exports: TExportService; clock: TClock },
): void {
  app.addHook('onClose', async () => deps.imports.stop())
  app.get(
    '/api/catalog/templates/:kind',
    {
      schema: {
        tags: ['catalog'],
        summary: '导入模板 The import template of a kind (xlsx with instructions and code tables, or CSV)',
        params: ZTemplateParams,
        querystring: ZTemplateQuery,
        response: { 200: ZFileResponse },
      },
    },
    async (request, reply) => sendDownload(reply, buildTemplate(request.params.kind, request.query.format)),
  )
  registerUploadRoute(app, deps)
  app.get(
    '/api/catalog/imports',
    {
      schema: {
        tags: ['catalog'],
        summary: '导入记录 The latest imports of an organisation',
        querystring: ZListImportsQuery,
        response: { 200: ZListImportsResponse },
      },
    },
    async (request) => {
      const rows = await deps.imports.listImports(request.ctx, request.query.orgId)
      const lang = languageOf(request.headers['accept-language'])
      const now = deps.clock.now()
      return {
        items: rows.map((row) => {
          const { errors: _errors, ...job } = presentImportJob(row, lang, now)
          return job
        }),
      }
    },
  )
  app.get(
    '/api/catalog/imports/:id',
    {
      schema: {
        tags: ['catalog'],
        summary: '导入进度 Status, progress and error report of an import',
        params: ZImportIdParams,
        response: { 200: ZImportJob },
      },
    },
    async (request) => {
      const row = await deps.imports.getImport(request.ctx, request.params.id)
      return presentImportJob(row, languageOf(request.headers['accept-language']), deps.clock.now())
    },
  )
  app.get(
    '/api/catalog/imports/:id/errors.xlsx',
    {
      schema: {
        tags: ['catalog'],
        summary: '错误报告 The rejected file with a 错误说明 column and the bad cells marked, plus the error list',
        params: ZImportIdParams,
        response: { 200: ZFileResponse },
      },
    },
    async (request, reply) => {
      const lang = languageOf(request.headers['accept-language'])
      return sendDownload(reply, await deps.imports.getErrorReport(request.ctx, request.params.id, lang))
    },
  )
  app.get(
    '/api/catalog/exports',
    {
      schema: {
        tags: ['catalog'],
        summary: '批量导出 An organisation’s resources of a kind in the template’s columns (xlsx or CSV)',
        querystring: ZExportQuery,
        response: { 200: ZFileResponse },
      },
    },
    async (request, reply) => sendDownload(reply, await deps.exports.exportResources(request.ctx, request.query)),
  )
}
