// STUB — being replaced by the organisations module.
import type { Kysely } from 'kysely'
import type { TClock } from '../../clock.ts'
import type { DB } from '../../db/schema.ts'
import type { TAuditService } from '../audit/audit.service.ts'
import type { TNotifyService } from '../notify/notify.service.ts'

export function createOrganisationService(_deps: { db: Kysely<DB>; clock: TClock; audit: TAuditService; notify: TNotifyService }) {
  return {}
}
export type TOrganisationService = ReturnType<typeof createOrganisationService>
