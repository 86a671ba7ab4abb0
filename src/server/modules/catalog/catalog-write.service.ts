import type {
  TCreateResourceBody,
  TManagedListResponse,
  TManagedResource,
  TManageListQuery,
  TResourceContent,
  TResourceVersionsResponse,
  TUpdateResourceBody,
} from '#shared/contracts/catalog-write.ts'
import type { TResourceKind } from '#shared/resource-kinds.ts'
import { requireActor, type TActor, type TRequestContext } from '../../context.ts'
import { inTransaction, type TDb } from '../../db/transaction.ts'
import { AppError, fieldError } from '../../errors.ts'
import { claimFiles } from '../files/index.ts'
import { checkContent, RESOURCE_FILE_PURPOSES } from './catalog-checks.ts'
import { contentColumns } from './catalog-content.ts'
import * as files from './catalog-files.repo.ts'
import * as lists from './catalog-lists.repo.ts'
import { presentManaged, presentSummary, presentVersion } from './catalog-present.ts'
import * as versions from './catalog-versions.repo.ts'
import { loadManaged, mayEverTake, runStep, stateOf, type TCatalogWriteContext } from './catalog-write.deps.ts'
import * as repo from './catalog-write.repo.ts'
import { canCreateResource, canListOrgResources, isAnyProviderOf, isProviderFor } from './catalog.policy.ts'
import { availableActions } from './lifecycle.ts'

/** Splits a create/update body into the content and the rest. */
function contentOf(body: TCreateResourceBody | TUpdateResourceBody): TResourceContent {
  const { title, summary, tags, regionCode, disciplineCode, industryCode, category, sharingLevel, audience } = body
  const { contact, attributes, attachments } = body
  return {
    title,
    summary,
    tags,
    regionCode,
    disciplineCode,
    industryCode,
    category,
    sharingLevel,
    audience,
    contact,
    attributes,
    attachments,
  }
}

/**
 * Claims the attachments' files for the resource through the files module (rows locked, so two records
 * cannot take one file).
 * @throws AppError VALIDATION (body.attachments.<i>.fileId) when one was claimed by another record since the check
 */
async function claimAttachments(trx: TDb, actor: TActor, resourceId: string, content: TResourceContent): Promise<void> {
  await claimFiles(
    trx,
    content.attachments.map((a) => a.fileId),
    {
      subjectType: 'resource',
      subjectId: resourceId,
      allowedPurposes: RESOURCE_FILE_PURPOSES,
      actor,
      fieldPath: (i) => `body.attachments.${i}.fileId`,
    },
  )
}

/**
 * Writing resources: drafts, edits (in place, or through a revision once published), deletion of drafts,
 * the managed view, the provider's list and the version history. Lifecycle steps are in
 * catalog-review.service.ts; both look steps up in lifecycle.ts.
 */
export function createCatalogWriteActions(ctx: TCatalogWriteContext) {
  const { db, clock, recorder } = ctx

  /** The managed view for an actor who may see it. */
  async function present(db2: TDb, actor: TActor, id: string): Promise<TManagedResource> {
    const { row, roles } = await loadManaged(db2, actor, id)
    return presentManaged(db2, row, availableActions(stateOf(row, row.revision_status), roles))
  }

  /**
   * A new draft of organisation `orgId`, operated by `nodeId` (default: the organisation's own node).
   * @throws AppError UNAUTHENTICATED | NOT_FOUND (organisation) | FORBIDDEN (not a provider of it for this
   *   kind) | STATE_INVALID (organisation not approved) | VALIDATION (node not joined: body.nodeId;
   *   attributes, codes, attachments: their paths)
   */
  async function createResource(request: TRequestContext, body: TCreateResourceBody): Promise<TManagedResource> {
    const actor = requireActor(request)
    const org = await repo.findOrganisation(db, body.orgId)
    if (!org)
      throw new AppError('NOT_FOUND', `organisation ${body.orgId} not found`, { messageKey: 'catalog.ORG_NOT_FOUND' })
    if (!canCreateResource(actor, org.id, body.kind))
      throw new AppError('FORBIDDEN', `may not create ${body.kind} of ${org.id}`)
    if (org.status !== 'approved') {
      throw new AppError('STATE_INVALID', `organisation ${org.id} is ${org.status}`, {
        messageKey: 'catalog.ORG_NOT_APPROVED',
      })
    }
    const nodeId = body.nodeId ?? org.node_id
    if (!(await repo.hasJoinedNode(db, org.id, nodeId))) {
      throw fieldError('VALIDATION', [{ path: 'body.nodeId', messageKey: 'catalog.NODE_NOT_JOINED' }])
    }
    const content = contentOf(body)
    const input = { kind: body.kind, orgId: org.id, actorId: actor.userId, resourceId: null, content }
    const { cityCode } = await checkContent(db, input)
    const id = await inTransaction(db, async (trx) => {
      const now = clock.now()
      const row = await repo.insertResource(trx, {
        ...contentColumns(content, cityCode),
        kind: body.kind,
        owner_org_id: org.id,
        node_id: nodeId,
        status: 'draft',
        created_by: actor.userId,
        updated_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      await claimAttachments(trx, actor, row.id, content)
      await files.replaceAttachments(trx, row.id, content.attachments)
      await recorder.recordVersions(trx, [{ resourceId: row.id, action: 'create', actorId: actor.userId }])
      return row.id
    })
    return present(db, actor, id)
  }

  /**
   * Saves the content of a draft, a returned or an offline resource in place; on a published resource it
   * opens or updates the revision, and the public keeps seeing the published content.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND | FORBIDDEN (not its provider) | CONFLICT (not at
   *   expectedVersion) | STATE_INVALID (submitted, approved, or a revision under review) | VALIDATION
   */
  async function updateResource(
    request: TRequestContext,
    id: string,
    body: TUpdateResourceBody,
  ): Promise<TManagedResource> {
    const actor = requireActor(request)
    const { row, roles } = await loadManaged(db, actor, id)
    if (!mayEverTake('edit', roles)) throw new AppError('FORBIDDEN', `may not edit resource ${id}`)
    const content = contentOf(body)
    const input = {
      kind: row.kind as TResourceKind,
      orgId: row.owner_org_id,
      actorId: actor.userId,
      resourceId: id,
      content,
    }
    const { cityCode } = await checkContent(db, input)
    await runStep(
      ctx,
      { actor, id, action: 'edit', expectedVersion: body.expectedVersion },
      async ({ trx, step, now }) => {
        await claimAttachments(trx, actor, id, content)
        if (step.revisionTo === undefined) {
          await repo.updateResource(trx, id, contentColumns(content, cityCode))
          await files.replaceAttachments(trx, id, content.attachments)
          await recorder.recordVersions(trx, [{ resourceId: id, action: 'edit', actorId: actor.userId }])
          return
        }
        const revision = await repo.saveRevisionContent(trx, {
          resourceId: id,
          content: JSON.stringify(content),
          actorId: actor.userId,
          now,
        })
        const entry = {
          resourceId: id,
          action: 'edit' as const,
          actorId: actor.userId,
          revision: { status: revision.status, content },
        }
        await recorder.recordVersions(trx, [entry])
      },
    )
    return present(db, actor, id)
  }

  /**
   * Deletes a draft that was never published (its files are let go for the clean-up).
   * @throws AppError UNAUTHENTICATED | NOT_FOUND | FORBIDDEN | STATE_INVALID (published once, or not a draft)
   */
  async function deleteResource(request: TRequestContext, id: string): Promise<void> {
    const actor = requireActor(request)
    const { roles } = await loadManaged(db, actor, id)
    if (!mayEverTake('delete', roles)) throw new AppError('FORBIDDEN', `may not delete resource ${id}`)
    await runStep(ctx, { actor, id, action: 'delete' }, async ({ trx }) => {
      await files.releaseFiles(trx, id)
      await repo.deleteResource(trx, id)
    })
  }

  /**
   * The managed view of a resource, for its providers and the node staff over it.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND (missing, or none of the caller's business)
   */
  async function getManagedResource(request: TRequestContext, id: string): Promise<TManagedResource> {
    return present(db, requireActor(request), id)
  }

  /**
   * A unit's resources in any status, for its providers (instrument managers: instruments) and the staff of
   * its node or above.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND (organisation) | FORBIDDEN
   */
  async function listOrgResources(request: TRequestContext, query: TManageListQuery): Promise<TManagedListResponse> {
    const actor = requireActor(request)
    const org = await repo.findOrganisation(db, query.orgId)
    if (!org)
      throw new AppError('NOT_FOUND', `organisation ${query.orgId} not found`, { messageKey: 'catalog.ORG_NOT_FOUND' })
    if (!canListOrgResources(actor, org.id, org.node_path))
      throw new AppError('FORBIDDEN', `may not list resources of ${org.id}`)
    // an instrument manager who is nothing else in the unit sees its instruments only
    const isInstrumentsOnly = isAnyProviderOf(actor, org.id) && !isProviderFor(actor, org.id, 'lab')
    const kinds = isInstrumentsOnly
      ? query.kind && query.kind !== 'instrument'
        ? []
        : ['instrument']
      : query.kind
        ? [query.kind]
        : null
    if (kinds?.length === 0) return { items: [], total: 0, page: query.page, pageSize: query.pageSize }
    const filter = {
      orgId: org.id,
      kinds,
      ...(query.status ? { status: query.status } : {}),
      ...(query.q ? { q: query.q } : {}),
    }
    const offset = (query.page - 1) * query.pageSize
    const rows = await lists.listOrgResources(db, filter, { limit: query.pageSize, offset })
    const total = await lists.countOrgResources(db, filter)
    return { items: rows.map(presentSummary), total, page: query.page, pageSize: query.pageSize }
  }

  /**
   * Every version of a resource, newest first, with who and when.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND (missing, or none of the caller's business)
   */
  async function listVersions(request: TRequestContext, id: string): Promise<TResourceVersionsResponse> {
    const actor = requireActor(request)
    await loadManaged(db, actor, id)
    return { items: (await versions.listVersions(db, id)).map(presentVersion) }
  }

  return { createResource, updateResource, deleteResource, getManagedResource, listOrgResources, listVersions, present }
}
