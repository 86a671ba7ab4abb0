import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { TAuditFilter } from '../../shared/contracts/audit.ts'
import { listAuditRecords } from '../api/audit.ts'
import { useLang } from '../i18n/use-t.ts'
import { USER_QUERY_ROOT } from './session.ts'

/**
 * One page of the audit log for the filters (auditors only).
 * @returns the TanStack query of GET /api/audit
 */
export function useAuditRecords(filter: TAuditFilter, paging: { page: number; pageSize: number }) {
  const { lang } = useLang()
  return useQuery({
    queryKey: [...USER_QUERY_ROOT, 'audit', lang, filter, paging],
    queryFn: ({ signal }) => listAuditRecords(filter, paging, { lang, signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  })
}
