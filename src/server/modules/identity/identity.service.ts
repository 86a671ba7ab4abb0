// STUB — being replaced by the identity module.
import type { Kysely } from 'kysely'
import type { TSmsGateway } from '../../adapters/sms-gateway.ts'
import type { TClock } from '../../clock.ts'
import type { TActor, TRole } from '../../context.ts'
import type { TDb } from '../../db/transaction.ts'
import type { DB } from '../../db/schema.ts'
import type { TAuditService } from '../audit/audit.service.ts'
import type { TIdentityConfig } from './identity.config.ts'

export function createIdentityService(_deps: {
  db: Kysely<DB>
  clock: TClock
  sms: TSmsGateway
  audit: TAuditService
  config: TIdentityConfig
}) {
  async function resolveSession(_token: string, _meta: { ip: string; userAgent: string }): Promise<TActor | null> {
    return null
  }
  /** Grants a role in a scope (idempotent). Used by the organisations module when it approves people. */
  async function grantRole(
    input: { userId: string; role: TRole; orgId?: string | null; nodeId?: string | null },
    db: TDb = _deps.db,
  ): Promise<void> {
    await db
      .insertInto('role_grant')
      .values({ user_id: input.userId, role: input.role, org_id: input.orgId ?? null, node_id: input.nodeId ?? null })
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
  /** Display names and masked phones of users, for other modules' lists. */
  async function getUserSummaries(userIds: string[], db: TDb = _deps.db) {
    if (userIds.length === 0) return []
    return db.selectFrom('app_user').select(['id', 'display_name', 'phone']).where('id', 'in', userIds).execute()
  }
  return { resolveSession, grantRole, getUserSummaries }
}
export type TIdentityService = ReturnType<typeof createIdentityService>
