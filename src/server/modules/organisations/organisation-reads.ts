import type {
  TListNodeOrganisationsQuery,
  TListOrganisationsResponse,
  TOrganisationView,
} from '#shared/contracts/organisations.ts'
import { requireActor, type TRequestContext } from '../../context.ts'
import { AppError } from '../../errors.ts'
import { organisationNotFound, type TOrganisationDeps } from './organisations.deps.ts'
import {
  canListNodeOrganisations,
  canReadOrganisation,
  canReadOrganisationPrivate,
  canSeeFullContact,
} from './organisations.policy.ts'
import { loadPeople, presentOrganisation, scopeOf } from './organisations.presenters.ts'
import * as repo from './organisations.repo.ts'

/** Reading units: the profile page (public + private part) and the node's review queue. */
export function createOrganisationReads(deps: TOrganisationDeps) {
  const { db, identity } = deps

  /**
   * A unit's profile. Approved units are public; the private part (check flag, contact, review) is given
   * only to the unit's own people and the node staff over it, the contact phone masked for plain members.
   * A session still waiting for its second factor reads as anonymous.
   * @throws AppError NOT_FOUND (also for a unit that is not approved and not the reader's concern)
   */
  async function getOrganisation(ctx: TRequestContext, orgId: string): Promise<TOrganisationView> {
    const actor = ctx.actor && !ctx.actor.isSecondFactorPending ? ctx.actor : null
    const row = await repo.findOrganisation(db, orgId)
    if (!row || !canReadOrganisation(actor, scopeOf(row))) throw organisationNotFound(orgId)
    const scope = scopeOf(row)
    const access = canSeeFullContact(actor, scope)
      ? 'full'
      : canReadOrganisationPrivate(actor, scope)
        ? 'masked'
        : 'public'
    const people = access === 'public' ? new Map() : await loadPeople(identity, [row.registered_by, row.reviewed_by])
    return presentOrganisation(row, access, people)
  }

  /**
   * The units of a node (or of its whole subtree), e.g. `status=pending` for the review queue, oldest first.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND (node) | FORBIDDEN (not node staff over the node)
   */
  async function listNodeOrganisations(
    ctx: TRequestContext,
    nodeId: string,
    query: TListNodeOrganisationsQuery,
  ): Promise<TListOrganisationsResponse> {
    const actor = requireActor(ctx)
    const node = await repo.findNode(db, nodeId)
    if (!node)
      throw new AppError('NOT_FOUND', `node ${nodeId} not found`, { messageKey: 'organisations.NODE_NOT_FOUND' })
    if (!canListNodeOrganisations(actor, node.path)) throw new AppError('FORBIDDEN', `not staff over node ${nodeId}`)
    const filter = { nodeId, nodePath: node.path, isSubtree: query.subtree === 'true', status: query.status }
    const [rows, total] = await Promise.all([
      repo.listNodeOrganisations(db, filter, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
      repo.countNodeOrganisations(db, filter),
    ])
    const people = await loadPeople(
      identity,
      rows.flatMap((r) => [r.registered_by, r.reviewed_by]),
    )
    return {
      items: rows.map((row) => presentOrganisation(row, 'full', people)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    }
  }

  return { getOrganisation, listNodeOrganisations }
}
