import { z } from 'zod'
import { ZAuditFilter, ZListAuditQuery, ZListAuditResponse, ZVerifyAuditResponse } from '#shared/contracts/audit.ts'
import type { TApp } from '../../http/app-type.ts'
import type { TAuditService } from './audit.service.ts'

/** Audit log reads for auditors (审计管理员): search, CSV export, hash-chain check. */
export function registerAuditRoutes(app: TApp, deps: { audit: TAuditService }): void {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志查询 Search the audit log (auditors only), newest first',
        querystring: ZListAuditQuery,
        response: { 200: ZListAuditResponse },
      },
    },
    (request) => deps.audit.listRecords(request.ctx, request.query),
  )
  app.get(
    '/api/audit/export',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志导出 The same search as CSV (auditors only, at most 50 000 rows)',
        querystring: ZAuditFilter,
        response: { 200: z.string().describe('text/csv; UTF-8 with BOM; header x-export-truncated: true|false') },
      },
    },
    async (request, reply) => {
      const { csv, isTruncated } = await deps.audit.exportCsv(request.ctx, request.query)
      const day = new Date().toISOString().slice(0, 10).replaceAll('-', '')
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-${day}.csv"`)
        .header('x-export-truncated', String(isTruncated))
        .header('cache-control', 'no-store')
        .send(csv)
    },
  )
  app.get(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志完整性校验 Recompute the hash chain (auditors only)',
        response: { 200: ZVerifyAuditResponse },
      },
    },
    (request) => deps.audit.verifyChain(request.ctx),
  )
}
