import { IMPORT_CONTENT_TYPES, type TImportFormat, type TImportJob } from '../../shared/contracts/catalog-import.ts'
import type { TResourceStatus } from '../../shared/contracts/catalog-write.ts'
import type { TResourceKind } from '../../shared/resource-kinds.ts'
import { ApiError, apiGet, type TRequestOptions } from '../api-client.ts'

/** Bulk import and export of the catalogue (issue 4 item 4): download addresses, the upload, the job. */

/** @returns GET /api/catalog/templates/:kind?format= (a download) */
export function templateUrl(kind: TResourceKind, format: TImportFormat): string {
  return `/api/catalog/templates/${kind}?format=${format}`
}

/** @returns GET /api/catalog/exports?… (a download of the unit's resources of a kind) */
export function exportUrl(params: {
  orgId: string
  kind: TResourceKind
  format: TImportFormat
  status?: TResourceStatus
}): string {
  const query = new URLSearchParams({ orgId: params.orgId, kind: params.kind, format: params.format })
  if (params.status) query.set('status', params.status)
  return `/api/catalog/exports?${query.toString()}`
}

/** @returns GET /api/catalog/imports/:id/errors.xlsx (the error report of a rejected import) */
export function errorReportUrl(jobId: string): string {
  return `/api/catalog/imports/${jobId}/errors.xlsx`
}

/**
 * The format of a chosen file, from its name.
 * @returns xlsx, csv, or null for anything else
 */
export function formatOfFile(name: string): TImportFormat | null {
  const lower = name.toLowerCase()
  if (lower.endsWith('.xlsx')) return 'xlsx'
  if (lower.endsWith('.csv')) return 'csv'
  return null
}

function errorOf(xhr: XMLHttpRequest): ApiError {
  try {
    const body = JSON.parse(xhr.responseText) as { error?: { code?: string; message?: string; details?: unknown } }
    if (body.error?.code) return new ApiError(xhr.status, body.error.code, body.error.message ?? '', body.error.details)
  } catch {
    // not JSON: a proxy page or an aborted connection
  }
  return new ApiError(xhr.status, xhr.status === 0 ? 'NETWORK' : `HTTP_${xhr.status}`, xhr.statusText)
}

/**
 * Uploads a file as the raw request body (POST /api/catalog/imports) and reports the upload's progress:
 * XMLHttpRequest, because fetch cannot tell how much of a 50 MB body has gone.
 * @param params organisation, kind, submit-for-review flag, the file
 * @param options language; `onProgress` receives 0–100
 * @returns the new job (202)
 * @throws ApiError with the server's error, or code NETWORK
 */
export function uploadImport(
  params: { orgId: string; kind: TResourceKind; submit: boolean; file: File },
  options: TRequestOptions & { onProgress?: (percent: number) => void },
): Promise<TImportJob> {
  const format = formatOfFile(params.file.name) ?? 'xlsx'
  const query = new URLSearchParams({
    orgId: params.orgId,
    kind: params.kind,
    submit: String(params.submit),
    fileName: params.file.name.slice(0, 255),
  })
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `/api/catalog/imports?${query.toString()}`)
    xhr.setRequestHeader('Content-Type', IMPORT_CONTENT_TYPES[format])
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.setRequestHeader('Accept-Language', options.lang)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(Math.round((100 * event.loaded) / event.total))
    }
    xhr.onload = () => (xhr.status === 202 ? resolve(JSON.parse(xhr.responseText) as TImportJob) : reject(errorOf(xhr)))
    xhr.onerror = () => reject(errorOf(xhr))
    options.signal?.addEventListener('abort', () => xhr.abort())
    xhr.send(params.file)
  })
}

/** @returns GET /api/catalog/imports/:id — status, progress and the error list */
export function getImportJob(id: string, options: TRequestOptions): Promise<TImportJob> {
  return apiGet(`/api/catalog/imports/${id}`, options)
}
