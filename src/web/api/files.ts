import type { TFilePurpose, TStoredFile } from '../../shared/contracts/files.ts'
import { ApiError } from '../api-client.ts'
import type { TLang } from '../i18n/lang.ts'

export type TUploadOptions = {
  lang: TLang
  /** Called as bytes go out, with 0–100. */
  onProgress?: (percent: number) => void
  signal?: AbortSignal
}

type TErrorBody = { error?: { code?: unknown; message?: unknown; details?: unknown } }

function errorOf(xhr: XMLHttpRequest): ApiError {
  let body: TErrorBody | null = null
  try {
    body = JSON.parse(xhr.responseText) as TErrorBody
  } catch {
    // Not JSON (a proxy's error page): the status is all we know.
  }
  const error = body?.error
  const code = typeof error?.code === 'string' ? error.code : `HTTP_${xhr.status}`
  const message = typeof error?.message === 'string' ? error.message : xhr.statusText
  return new ApiError(xhr.status, code, message, error?.details)
}

/**
 * Uploads one file for a purpose (the server checks its type from the bytes and its size), reporting
 * progress. XMLHttpRequest rather than fetch: only it reports upload progress. The field `purpose` goes
 * before the file, as the server requires.
 * @returns POST /api/files (201): `{ id, name, mime, size, url }`
 * @throws ApiError with the server's message (VALIDATION, PAYLOAD_TOO_LARGE, UNAUTHENTICATED …) or NETWORK
 */
export function uploadFile(file: File, purpose: TFilePurpose, options: TUploadOptions): Promise<TStoredFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    const form = new FormData()
    form.append('purpose', purpose)
    form.append('file', file, file.name)
    xhr.open('POST', '/api/files')
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.setRequestHeader('Accept-Language', options.lang)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(Math.round((event.loaded / event.total) * 100))
    }
    xhr.onload = () => {
      if (xhr.status === 201) resolve(JSON.parse(xhr.responseText) as TStoredFile)
      else reject(errorOf(xhr))
    }
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'upload failed'))
    xhr.onabort = () => reject(new DOMException('upload aborted', 'AbortError'))
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true })
    xhr.send(form)
  })
}
