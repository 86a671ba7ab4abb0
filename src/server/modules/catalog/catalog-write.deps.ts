import type { Kysely, Transaction } from 'kysely'
import type { TClock } from '../../clock.ts'
import type { TActor, TRequestContext } from '../../context.ts'
import type { DB } from '../../db/schema.ts'
import { inTransaction, type TDb } from '../../db/transaction.ts'
import { AppError } from '../../errors.ts'
import type { TAuditService } from '../audit/audit.service.ts'
import type { TNotifyService } from '../notify/notify.service.ts'
import type { TSearchService } from '../search/index.ts'
import type { TCatalogRecorder } from './catalog-recorder.ts'
import * as repo from './catalog-write.repo.ts'
import { lifecycleRolesOf } from './catalog.policy.ts'
import './catalog.messages.ts'
import {
  findTransition,
  fromStatuses,
  type TLifecycleAction,
  type TLifecycleActor,
  type TLifecycleState,
  type TRevisionStatus,
  TRANSITIONS,
  type TTransition,
} from './lifecycle.ts'

/** What the catalogue's write side is built from (passed by app.ts). */
export type TCatalogWriteDeps = {
  db: Kysely<DB>
  clock: TClock
  audit: TAuditService
  notify: TNotifyService
  /** The search index: published public resources are indexed in the writer's transaction. */
  search: Pick<TSearchService, 'indexResources' | 'removeFromIndex'>
  /** 5-character prefix of the CSTR-shaped identifiers (default DEFAULT_CSTR_PREFIX). */
  cstrPrefix?: string
}

/** The deps with the recorder the steps share. */
export type TCatalogWriteContext = TCatalogWriteDeps & { recorder: TCatalogRecorder }

/** NOT_FOUND for a resource that does not exist or that the caller may not manage (never reveal which). */
export function resourceNotFound(id: string): AppError {
  return new AppError('NOT_FOUND', `resource ${id} not found`, { messageKey: 'catalog.NOT_FOUND' })
}

/** STATE_INVALID: the resource's state does not allow the step. */
export function stateInvalid(id: string, status: string, action: string): AppError {
  return new AppError('STATE_INVALID', `resource ${id} is ${status}: cannot ${action}`, {
    messageKey: 'catalog.STATE_INVALID',
    details: { status },
  })
}

/** The lifecycle state of a row and its revision. */
export function stateOf(
  row: { status: string; published_at: Date | null; cstr: string | null },
  revisionStatus: string | null,
): TLifecycleState {
  return {
    status: row.status as TLifecycleState['status'],
    revisionStatus: revisionStatus as TRevisionStatus | null,
    isEverPublished: row.published_at !== null || row.cstr !== null,
  }
}

/**
 * A resource as the caller may manage it, with the roles they play for it.
 * @throws AppError NOT_FOUND (missing, or the caller is neither its provider nor node staff over it)
 */
export async function loadManaged(
  db: TDb,
  actor: TActor,
  id: string,
): Promise<{ row: repo.TManagedRow; roles: Set<TLifecycleActor> }> {
  const row = await repo.findManagedResource(db, id)
  if (!row) throw resourceNotFound(id)
  const roles = lifecycleRolesOf(actor, { orgId: row.owner_org_id, kind: row.kind, nodePath: row.node_path })
  if (roles.size === 0) throw resourceNotFound(id)
  return { row, roles }
}

/** True when one of the roles may take `action` in some state (decides 403 before the state is looked at). */
export function mayEverTake(action: TLifecycleAction, roles: ReadonlySet<TLifecycleActor>): boolean {
  return TRANSITIONS.some((t) => t.action === action && t.actors.some((a) => roles.has(a)))
}

/** What a step's body receives: the transaction, the row after its version bump, its revision, the step. */
export type TStepContext = {
  trx: Transaction<DB>
  row: repo.TResourceFullRow
  revision: repo.TRevisionRow | undefined
  step: TTransition
  now: Date
}

/**
 * Runs one lifecycle step in a transaction: takes the row (bumping its version) only in a status the
 * action can start from (and at `expectedVersion` when given), looks the step up in the lifecycle table
 * with the revision as it is now, then runs `apply`. Two concurrent steps on one resource queue on the row
 * lock; the second finds the state the first left and usually fails with STATE_INVALID.
 * @throws AppError NOT_FOUND (deleted meanwhile) | CONFLICT (not at expectedVersion) | STATE_INVALID
 */
export async function runStep<T>(
  ctx: TCatalogWriteContext,
  input: { actor: TActor; id: string; action: TLifecycleAction; expectedVersion?: number },
  apply: (step: TStepContext) => Promise<T>,
): Promise<T> {
  const { id, action, expectedVersion } = input
  return inTransaction(ctx.db, async (trx) => {
    const now = ctx.clock.now()
    const guard = { statuses: fromStatuses(action), actorId: input.actor.userId, now }
    const row = await repo.lockForStep(trx, id, expectedVersion === undefined ? guard : { ...guard, expectedVersion })
    if (!row) {
      const current = await repo.findVersionAndStatus(trx, id)
      if (!current) throw resourceNotFound(id)
      if (expectedVersion !== undefined && current.version !== expectedVersion) {
        throw new AppError('CONFLICT', `resource ${id} is at version ${current.version}`, {
          messageKey: 'catalog.VERSION_CONFLICT',
          vars: { current: current.version },
          details: { currentVersion: current.version },
        })
      }
      throw stateInvalid(id, current.status, action)
    }
    const revision = await repo.findRevision(trx, id)
    const step = findTransition(action, stateOf(row, revision?.status ?? null))
    if (!step) throw stateInvalid(id, row.status, action)
    return apply({ trx, row, revision, step, now })
  })
}

/** Records a privileged step (review, take-down) in the audit log, last in its transaction. */
export async function auditStep(
  ctx: TCatalogWriteContext,
  request: TRequestContext,
  entry: { action: string; resourceId: string; result: 'success' | 'denied'; detail?: Record<string, unknown> },
  trx?: TDb,
): Promise<void> {
  await ctx.audit.recordFor(
    request,
    {
      action: entry.action,
      targetType: 'resource',
      targetId: entry.resourceId,
      result: entry.result,
      detail: entry.detail ?? {},
    },
    trx,
  )
}

/**
 * Tells the unit's resource managers (not the actor) about a review decision or a take-down, in the
 * step's transaction.
 */
export async function notifyProviders(
  ctx: TCatalogWriteContext,
  trx: TDb,
  resource: { id: string; owner_org_id: string; kind: string },
  message: { event: 'resource.reviewed' | 'resource.offline'; title: string; body: string; actorId: string },
): Promise<void> {
  const userIds = (await repo.findProviderUserIds(trx, resource.owner_org_id, resource.kind)).filter(
    (u) => u !== message.actorId,
  )
  await ctx.notify.notify(
    {
      userIds,
      event: message.event,
      title: message.title,
      body: message.body,
      link: `/console/resources/${resource.id}`,
    },
    trx,
  )
}
