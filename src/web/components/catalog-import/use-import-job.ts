import { useQuery } from '@tanstack/react-query'
import type { TImportJob } from '../../../shared/contracts/catalog-import.ts'
import { getImportJob } from '../../api/catalog-import.ts'
import { useLang } from '../../i18n/use-t.ts'
import { USER_QUERY_ROOT } from '../../queries/session.ts'

/** How often a running import is asked for its progress. */
const POLL_MS = 1000

/** True once a job will not change any more. */
export function isFinished(job: Pick<TImportJob, 'status'>): boolean {
  return job.status === 'done' || job.status === 'rejected' || job.status === 'failed'
}

/**
 * An import job, polled every second until it ends (done, rejected or failed).
 * @param id the job, or null for none
 * @returns the TanStack query of GET /api/catalog/imports/:id
 */
export function useImportJob(id: string | null) {
  const { lang } = useLang()
  return useQuery({
    queryKey: [...USER_QUERY_ROOT, 'catalog-import', id, lang],
    queryFn: ({ signal }) => getImportJob(id as string, { lang, signal }),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data) ? false : POLL_MS),
  })
}
