import type {
  TManagedListResponse,
  TManagedResource,
  TOfflineBody,
  TReviewBody,
  TReviewQueueQuery,
} from '#shared/contracts/catalog-write.ts'
import { cityCodeOf } from '#shared/codes/index.ts'
import { requireActor, type TActor, type TRequestContext } from '../../context.ts'
import { AppError } from '../../errors.ts'
import { contentColumns, parseStoredContent } from './catalog-content.ts'
import * as files from './catalog-files.repo.ts'
import * as lists from './catalog-lists.repo.ts'
import { presentSummary } from './catalog-present.ts'
import {
  auditStep,
  loadManaged,
  mayEverTake,
  notifyProviders,
  runStep,
  type TCatalogWriteContext,
  type TStepContext,
} from './catalog-write.deps.ts'
import * as repo from './catalog-write.repo.ts'
import { canListReviews, isOwnSubmission } from './catalog.policy.ts'
import type { TLifecycleAction } from './lifecycle.ts'

/**
 * The lifecycle steps after writing (SPEC §3: draft → submitted → approved by the operating node →
 * published → offline): submit, withdraw, review, publish, take offline, bring back online, and the node's
 * review queue. Which step is allowed from which state, and for whom, is lifecycle.ts's TRANSITIONS.
 */
export function createCatalogReviewActions(
  ctx: TCatalogWriteContext,
  present: (db: TCatalogWriteContext['db'], actor: TActor, id: string) => Promise<TManagedResource>,
) {
  const { db, recorder } = ctx

  /** Loads the resource, answers 404/403 as the caller's roles say, then runs the step. */
  async function step(
    request: TRequestContext,
    id: string,
    action: TLifecycleAction,
    apply: (s: TStepContext, actor: TActor) => Promise<void>,
  ): Promise<TManagedResource> {
    const actor = requireActor(request)
    const { roles } = await loadManaged(db, actor, id)
    if (!mayEverTake(action, roles)) throw new AppError('FORBIDDEN', `may not ${action} resource ${id}`)
    await runStep(ctx, { actor, id, action }, (s) => apply(s, actor))
    return present(db, actor, id)
  }

  /**
   * Sends a draft or returned resource (or the revision of a published one) for review by its node.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND | FORBIDDEN (not its provider) | STATE_INVALID
   */
  async function submitResource(request: TRequestContext, id: string): Promise<TManagedResource> {
    return step(request, id, 'submit', async ({ trx, step: s, now, revision }, actor) => {
      const submitted = { submitted_at: now, submitted_by: actor.userId }
      if (s.revisionTo === undefined) {
        await repo.updateResource(trx, id, { status: 'submitted', ...submitted })
        return recorder.recordVersions(trx, [{ resourceId: id, action: 'submit', actorId: actor.userId }])
      }
      await repo.updateRevision(trx, id, { status: 'submitted', ...submitted })
      const content = parseStoredContent(revision?.content)
      await recorder.recordVersions(trx, [
        { resourceId: id, action: 'submit', actorId: actor.userId, revision: { status: 'submitted', content } },
      ])
    })
  }

  /**
   * Takes a submission back before it is reviewed: the resource (or its revision) is a draft again.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND | FORBIDDEN | STATE_INVALID
   */
  async function withdrawResource(request: TRequestContext, id: string): Promise<TManagedResource> {
    return step(request, id, 'withdraw', async ({ trx, step: s, revision }, actor) => {
      const cleared = { submitted_at: null, submitted_by: null }
      if (s.revisionTo === undefined) {
        await repo.updateResource(trx, id, { status: 'draft', ...cleared })
        return recorder.recordVersions(trx, [{ resourceId: id, action: 'withdraw', actorId: actor.userId }])
      }
      await repo.updateRevision(trx, id, { status: 'draft', ...cleared })
      const content = parseStoredContent(revision?.content)
      await recorder.recordVersions(trx, [
        { resourceId: id, action: 'withdraw', actorId: actor.userId, revision: { status: 'draft', content } },
      ])
    })
  }

  /** Publishes an approved resource inside a step: identifier at first publication, version, index. */
  async function publishInStep(s: TStepContext, actorId: string): Promise<void> {
    const { trx, row, now } = s
    await repo.updateResource(trx, row.id, {
      status: 'published',
      published_at: row.published_at ?? now,
      offline_reason: null,
    })
    await recorder.assignCstrs(trx, [row.id])
    await recorder.recordVersions(trx, [{ resourceId: row.id, action: 'publish', actorId }])
    await recorder.syncIndex(trx, [row.id])
  }

  /** Replaces the row's content with the revision's (attachments too) and closes the revision. */
  async function applyRevision(s: TStepContext): Promise<void> {
    const closed = await repo.deleteRevision(s.trx, s.row.id)
    if (!closed) return
    const content = parseStoredContent(closed.content)
    // the region was checked when the revision was saved
    const cityCode = cityCodeOf(content.regionCode) ?? s.row.city_code
    await repo.updateResource(s.trx, s.row.id, contentColumns(content, cityCode))
    await files.replaceAttachments(s.trx, s.row.id, content.attachments)
  }

  /**
   * The node's decision on a submission. Approving a new resource publishes it at once unless
   * `publish` is false; approving a revision puts its content live; returning needs a reason. The
   * decision is audited and the unit's resource managers are notified.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND | FORBIDDEN (not node staff over its node, or its own
   *   submitter) | STATE_INVALID (nothing waiting for review, e.g. another reviewer was first)
   */
  async function reviewResource(request: TRequestContext, id: string, body: TReviewBody): Promise<TManagedResource> {
    const actor = requireActor(request)
    const { row, roles } = await loadManaged(db, actor, id)
    const submittedBy = row.revision_status === 'submitted' ? row.revision_submitted_by : row.submitted_by
    if (!mayEverTake('approve', roles) || isOwnSubmission(actor, submittedBy)) {
      await auditStep(ctx, request, { action: 'resource.review', resourceId: id, result: 'denied' })
      const messageKey = roles.has('reviewer') ? 'catalog.OWN_SUBMISSION' : undefined
      throw new AppError('FORBIDDEN', `may not review resource ${id}`, messageKey ? { messageKey } : {})
    }
    const isApprove = body.decision === 'approve'
    await runStep(ctx, { actor, id, action: body.decision }, async (s) => {
      const isRevision = s.step.revisionTo !== undefined
      const note = isApprove ? null : body.reason
      if (isRevision && isApprove) {
        await applyRevision(s)
        await repo.updateResource(s.trx, id, { return_reason: null })
        await recorder.recordVersions(s.trx, [{ resourceId: id, action: 'approve', actorId: actor.userId }])
        await recorder.syncIndex(s.trx, [id])
      } else if (isRevision) {
        const revision = await repo.updateRevision(s.trx, id, { status: 'returned', return_reason: body.reason })
        const content = parseStoredContent(revision.content)
        await recorder.recordVersions(s.trx, [
          { resourceId: id, action: 'return', actorId: actor.userId, note, revision: { status: 'returned', content } },
        ])
      } else {
        await repo.updateResource(s.trx, id, { status: isApprove ? 'approved' : 'returned', return_reason: note })
        await recorder.recordVersions(s.trx, [{ resourceId: id, action: body.decision, actorId: actor.userId, note }])
        if (isApprove && body.publish)
          await publishInStep({ ...s, row: await repo.bumpVersion(s.trx, id) }, actor.userId)
      }
      const what = isRevision ? '资源修改' : '资源'
      const published = isApprove && (isRevision || body.publish) ? '，已在平台发布' : ''
      await notifyProviders(ctx, s.trx, s.row, {
        event: 'resource.reviewed',
        title: isApprove ? `${what}已通过审核` : `${what}未通过审核`,
        body: isApprove
          ? `“${s.row.title}”已通过${row.node_name}审核${published}。`
          : `“${s.row.title}”被${row.node_name}退回修改。原因：${body.reason}`,
        actorId: actor.userId,
      })
      const detail = {
        decision: body.decision,
        reason: note,
        revision: isRevision,
        publish: isApprove && !isRevision && body.publish,
      }
      await auditStep(ctx, request, { action: 'resource.review', resourceId: id, result: 'success', detail }, s.trx)
    })
    return present(db, actor, id)
  }

  /**
   * The provider publishes an approved resource (approved with publish=false).
   * @throws AppError UNAUTHENTICATED | NOT_FOUND | FORBIDDEN | STATE_INVALID
   */
  async function publishResource(request: TRequestContext, id: string): Promise<TManagedResource> {
    return step(request, id, 'publish', (s, actor) => publishInStep(s, actor.userId))
  }

  /**
   * Takes a published resource offline (provider or node staff), with a reason: out of the public catalogue
   * and the search index. An open revision is folded into the row, which must be reviewed again to return.
   * Audited; the unit's resource managers are notified.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND | FORBIDDEN | STATE_INVALID
   */
  async function takeOffline(request: TRequestContext, id: string, body: TOfflineBody): Promise<TManagedResource> {
    const actor = requireActor(request)
    const { row } = await loadManaged(db, actor, id)
    await runStep(ctx, { actor, id, action: 'offline' }, async (s) => {
      await applyRevision(s)
      await repo.updateResource(s.trx, id, { status: 'offline', offline_reason: body.reason })
      await recorder.recordVersions(s.trx, [
        { resourceId: id, action: 'offline', actorId: actor.userId, note: body.reason },
      ])
      await recorder.syncIndex(s.trx, [id])
      await notifyProviders(ctx, s.trx, s.row, {
        event: 'resource.offline',
        title: '资源已下线',
        body: `“${s.row.title}”已下线（${row.node_name}）。原因：${body.reason}`,
        actorId: actor.userId,
      })
      const detail = { reason: body.reason }
      await auditStep(ctx, request, { action: 'resource.offline', resourceId: id, result: 'success', detail }, s.trx)
    })
    return present(db, actor, id)
  }

  /**
   * Asks to bring an offline resource back: it goes to the node for a new review.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND | FORBIDDEN | STATE_INVALID
   */
  async function bringOnline(request: TRequestContext, id: string): Promise<TManagedResource> {
    return step(request, id, 'online', async ({ trx, now }, actor) => {
      await repo.updateResource(trx, id, { status: 'submitted', submitted_at: now, submitted_by: actor.userId })
      await recorder.recordVersions(trx, [{ resourceId: id, action: 'online', actorId: actor.userId }])
    })
  }

  /**
   * Submissions waiting for the staff of `nodeId` and the nodes below it (new resources and revisions of
   * published ones), oldest first.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND (node) | FORBIDDEN (not node staff over it)
   */
  async function listReviewQueue(request: TRequestContext, query: TReviewQueueQuery): Promise<TManagedListResponse> {
    const actor = requireActor(request)
    const node = await repo.findNode(db, query.nodeId)
    if (!node)
      throw new AppError('NOT_FOUND', `node ${query.nodeId} not found`, { messageKey: 'catalog.NODE_NOT_FOUND' })
    if (!canListReviews(actor, node.path)) throw new AppError('FORBIDDEN', `not node staff over ${node.id}`)
    const filter = { nodePath: node.path, ...(query.kind ? { kind: query.kind } : {}) }
    const offset = (query.page - 1) * query.pageSize
    const rows = await lists.listReviewQueue(db, filter, { limit: query.pageSize, offset })
    const total = await lists.countReviewQueue(db, filter)
    return { items: rows.map(presentSummary), total, page: query.page, pageSize: query.pageSize }
  }

  return {
    submitResource,
    withdrawResource,
    reviewResource,
    publishResource,
    takeOffline,
    bringOnline,
    listReviewQueue,
  }
}
