import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/

/**
 * Request ids: an incoming `x-request-id` from a trusted proxy is kept when it looks like an id,
 * otherwise a new UUID. The id is logged with every line and sent back in `x-request-id`.
 */
export function generateRequestId(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id']
  if (typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming)) return incoming
  return randomUUID()
}
