import type { Kysely } from 'kysely'
import type { TClock } from '../../clock.ts'
import type { TActor, TRequestContext } from '../../context.ts'
import type { DB } from '../../db/schema.ts'
import type { TDb } from '../../db/transaction.ts'
import { AppError } from '../../errors.ts'
import type { TAuditService } from '../audit/audit.service.ts'
import type { TIdentityService } from '../identity/identity.service.ts'
import type { TNotifyService } from '../notify/notify.service.ts'
import * as repo from './organisations.repo.ts'

/** What the organisations module is built from (passed by app.ts). */
export type TOrganisationDeps = {
  db: Kysely<DB>
  clock: TClock
  audit: TAuditService
  notify: TNotifyService
  /** Role grants and people belong to the identity module: granted, revoked and named through it. */
  identity: Pick<TIdentityService, 'grantRole' | 'revokeRole' | 'getUserSummaries'>
}

/**
 * The unit with its node and agreement.
 * @throws AppError NOT_FOUND
 */
export async function loadOrganisation(db: TDb, id: string): Promise<repo.TOrganisationRow> {
  const row = await repo.findOrganisation(db, id)
  if (!row) throw organisationNotFound(id)
  return row
}

/** NOT_FOUND for a unit that does not exist or that the reader may not see. */
export function organisationNotFound(id: string): AppError {
  return new AppError('NOT_FOUND', `organisation ${id} not found`, { messageKey: 'organisations.NOT_FOUND' })
}

/**
 * Records a refused privileged action in the audit log, then throws FORBIDDEN.
 * @throws AppError FORBIDDEN, always
 */
export async function refuse(
  deps: Pick<TOrganisationDeps, 'audit'>,
  ctx: TRequestContext,
  actor: TActor,
  action: string,
  target: { type: string; id: string },
): Promise<never> {
  await deps.audit.record({
    actorId: actor.userId,
    action,
    targetType: target.type,
    targetId: target.id,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    result: 'denied',
  })
  throw new AppError('FORBIDDEN', `${action} on ${target.type} ${target.id} refused`)
}

/**
 * Records a privileged action that succeeded, inside the caller's transaction so the record commits with
 * the change it describes.
 */
export async function auditSuccess(
  deps: Pick<TOrganisationDeps, 'audit'>,
  ctx: TRequestContext,
  actor: TActor,
  entry: { action: string; target: { type: string; id: string }; detail: Record<string, unknown> },
  trx: TDb,
): Promise<void> {
  await deps.audit.record(
    {
      actorId: actor.userId,
      action: entry.action,
      targetType: entry.target.type,
      targetId: entry.target.id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      result: 'success',
      detail: entry.detail,
    },
    trx,
  )
}
