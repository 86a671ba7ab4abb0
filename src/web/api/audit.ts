import type { TAuditFilter, TListAuditResponse } from '../../shared/contracts/audit.ts'
import { apiGet, type TRequestOptions } from '../api-client.ts'

/**
 * The audit filters as a query string, leaving out the empty ones.
 * @param filter actor, action, target, result, time range
 * @returns e.g. `action=identity.sign_in&result=failure`
 */
export function auditFilterQuery(filter: TAuditFilter): URLSearchParams {
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(filter)) {
    if (typeof value === 'string' && value !== '') query.set(name, value)
  }
  return query
}

/** @returns GET /api/audit: newest first (auditors only) */
export function listAuditRecords(
  filter: TAuditFilter,
  paging: { page: number; pageSize: number },
  options: TRequestOptions,
): Promise<TListAuditResponse> {
  const query = auditFilterQuery(filter)
  query.set('page', String(paging.page))
  query.set('pageSize', String(paging.pageSize))
  return apiGet(`/api/audit?${query.toString()}`, options)
}

/**
 * The CSV download address of the same search (the server names the file and caps it at 50 000 rows).
 * @returns GET /api/audit/export?…
 */
export function auditExportUrl(filter: TAuditFilter): string {
  const query = auditFilterQuery(filter).toString()
  return query ? `/api/audit/export?${query}` : '/api/audit/export'
}
