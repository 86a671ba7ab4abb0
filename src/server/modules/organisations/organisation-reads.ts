import { regionPath } from '#shared/codes/index.ts'
import type {
  TListNodeOrganisationsQuery,
  TListOrganisationsResponse,
  TOrganisationView,
  TSearchOrganisationsQuery,
  TSearchOrganisationsResponse,
} from '#shared/contracts/organisations.ts'
import type { TOrgKind } from '#shared/resource-kinds.ts'
import { requireActor, type TRequestContext } from '../../context.ts'
import { AppError } from '../../errors.ts'
import { organisationNotFound, type TOrganisationDeps } from './organisations.deps.ts'
import {
  canListNodeOrganisations,
  canReadOrganisation,
  canReadOrganisationPrivate,
  canSeeFullContact,
} from './organisations.policy.ts'
import * as search from './organisation-search.repo.ts'
import { loadLicences, loadPeople, presentOrganisation, scopeOf } from './organisations.presenters.ts'
import * as repo from './organisations.repo.ts'

/** Reading units: the profile page (public + private part), the search for joining, the node's review queue. */
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
    const licence = access === 'full' ? ((await loadLicences(db, [row.id])).get(row.id) ?? null) : null
    return presentOrganisation(row, access, people, licence)
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
    // The reviewer opens each unit's business licence from the queue.
    const orgIds = rows.map((r) => r.id)
    const licences = await loadLicences(db, orgIds)
    return {
      items: rows.map((row) => presentOrganisation(row, 'full', people, licences.get(row.id) ?? null)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    }
  }

  /**
   * Approved units by a name fragment or an exact credit code, for finding the unit to join. Public: only
   * what the profile page shows anyone (name, kind, city, node).
   */
  async function searchOrganisations(query: TSearchOrganisationsQuery): Promise<TSearchOrganisationsResponse> {
    const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }
    const [rows, total] = await Promise.all([
      search.searchApprovedOrganisations(db, query.q, page),
      search.countApprovedOrganisations(db, query.q),
    ])
    return {
      items: rows.map((row) => ({
        id: row.id,
        name: row.name,
        kind: row.kind as TOrgKind,
        city: regionPath(row.city_code),
        nodeName: row.node_name,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    }
  }

  return { getOrganisation, listNodeOrganisations, searchOrganisations }
}
