// STUB — being replaced by the audit module's real implementation in this change.
import type { Kysely } from 'kysely'
import type { TClock } from '../../clock.ts'
import type { DB } from '../../db/schema.ts'
import type { TDb } from '../../db/transaction.ts'

export type TAuditEntry = {
  actorId: string | null
  action: string
  targetType: string
  targetId: string | null
  ip: string
  result: 'success' | 'failure' | 'denied'
  detail?: Record<string, unknown>
}

export function createAuditService(_deps: { db: Kysely<DB>; clock: TClock }) {
  async function record(_entry: TAuditEntry, _db?: TDb): Promise<void> {}
  return { record }
}
export type TAuditService = ReturnType<typeof createAuditService>
