import type {
  TCreateJoinRequestRequest,
  TDecideJoinRequestRequest,
  TJoinRequest,
  TListJoinRequestsQuery,
  TListJoinRequestsResponse,
} from '#shared/contracts/organisations.ts'
import { requireActor, type TRequestContext } from '../../context.ts'
import { inTransaction } from '../../db/transaction.ts'
import { AppError } from '../../errors.ts'
import * as requests from './join-requests.repo.ts'
import {
  auditSuccess,
  loadOrganisation,
  organisationNotFound,
  refuse,
  type TOrganisationDeps,
} from './organisations.deps.ts'
import { canManageJoinRequests, canReadOrganisation, isPersonOf } from './organisations.policy.ts'
import { loadPeople, presentJoinRequest, scopeOf } from './organisations.presenters.ts'
import * as repo from './organisations.repo.ts'

/** Two-level registration, second level: people ask to join a unit and its admins decide. */
export function createJoinRequestActions(deps: TOrganisationDeps) {
  const { db, clock, identity, notify } = deps

  /**
   * A signed-in person asks to join an approved unit; its admins are told. A person may belong to
   * several units.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND | STATE_INVALID (unit not approved) |
   *   CONFLICT (already a member, or a request is already open)
   */
  async function requestToJoin(
    ctx: TRequestContext,
    orgId: string,
    input: TCreateJoinRequestRequest,
  ): Promise<TJoinRequest> {
    const actor = requireActor(ctx)
    const org = await repo.findOrganisation(db, orgId)
    if (!org || !canReadOrganisation(actor, scopeOf(org))) throw organisationNotFound(orgId)
    if (org.status !== 'approved') {
      throw new AppError('STATE_INVALID', `organisation ${orgId} is ${org.status}`, {
        messageKey: 'organisations.NOT_APPROVED',
      })
    }
    if (isPersonOf(actor, orgId)) {
      throw new AppError('CONFLICT', `already in organisation ${orgId}`, { messageKey: 'organisations.ALREADY_MEMBER' })
    }
    return inTransaction(db, async (trx) => {
      if (await requests.findOpenJoinRequest(trx, orgId, actor.userId)) {
        throw new AppError('CONFLICT', `open request to ${orgId}`, { messageKey: 'organisations.JOIN_REQUEST_OPEN' })
      }
      const row = await requests.insertJoinRequest(trx, {
        org_id: orgId,
        user_id: actor.userId,
        message: input.message,
        created_at: clock.now(),
      })
      const admins = await repo.listOrgAdminIds(trx, orgId)
      if (admins.length > 0) {
        await notify.notify(
          {
            userIds: admins,
            event: 'org.join_requested',
            title: '新的加入单位申请',
            body: `${actor.displayName} 申请加入“${org.name}”，请及时处理。`,
            link: `/orgs/${orgId}?tab=requests`,
          },
          trx,
        )
      }
      return presentJoinRequest(row, await loadPeople(identity, [actor.userId], trx))
    })
  }

  /**
   * The unit's join requests, oldest first, optionally of one status.
   * @throws AppError UNAUTHENTICATED | FORBIDDEN (not its org_admin) | NOT_FOUND
   */
  async function listJoinRequests(
    ctx: TRequestContext,
    orgId: string,
    query: TListJoinRequestsQuery,
  ): Promise<TListJoinRequestsResponse> {
    const actor = requireActor(ctx)
    if (!canManageJoinRequests(actor, orgId)) throw new AppError('FORBIDDEN', `not an admin of ${orgId}`)
    await loadOrganisation(db, orgId)
    const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }
    const [rows, total] = await Promise.all([
      requests.listJoinRequests(db, orgId, query.status, page),
      requests.countJoinRequests(db, orgId, query.status),
    ])
    const people = await loadPeople(
      identity,
      rows.flatMap((r) => [r.user_id, r.decided_by]),
    )
    return { items: rows.map((r) => presentJoinRequest(r, people)), total, page: query.page, pageSize: query.pageSize }
  }

  /**
   * The unit's admin approves (the person becomes a member) or rejects (with a reason) a request; the
   * person is told.
   * @throws AppError UNAUTHENTICATED | FORBIDDEN (not its org_admin) | NOT_FOUND | STATE_INVALID (decided)
   */
  async function decideJoinRequest(
    ctx: TRequestContext,
    orgId: string,
    requestId: string,
    input: TDecideJoinRequestRequest,
  ): Promise<TJoinRequest> {
    const actor = requireActor(ctx)
    if (!canManageJoinRequests(actor, orgId)) {
      return refuse(deps, ctx, actor, 'organisation.join_decide', { type: 'organisation_join_request', id: requestId })
    }
    const org = await loadOrganisation(db, orgId)
    const current = await requests.findJoinRequest(db, orgId, requestId)
    if (!current) {
      throw new AppError('NOT_FOUND', `join request ${requestId} not found`, {
        messageKey: 'organisations.JOIN_REQUEST_NOT_FOUND',
      })
    }
    const decided = new AppError('STATE_INVALID', `join request ${requestId} is not pending`, {
      messageKey: 'organisations.JOIN_REQUEST_DECIDED',
    })
    if (current.status !== 'pending') throw decided
    const isApproved = input.decision === 'approve'
    const reason = input.reason || null
    return inTransaction(db, async (trx) => {
      const status = isApproved ? 'approved' : 'rejected'
      const row = await requests.markDecided(trx, requestId, {
        status,
        decidedBy: actor.userId,
        decidedAt: clock.now(),
        reason,
      })
      if (!row) throw decided
      if (isApproved) await identity.grantRole({ userId: row.user_id, role: 'member', orgId }, trx)
      const notification = {
        userIds: [row.user_id],
        event: 'org.join_decided' as const,
        title: isApproved ? '加入单位申请已通过' : '加入单位申请未通过',
        body: isApproved ? `您已成为“${org.name}”的成员。` : `您加入“${org.name}”的申请未通过。原因：${reason}`,
        link: `/orgs/${orgId}`,
      }
      await notify.notify(notification, trx)
      const target = { type: 'organisation_join_request', id: requestId }
      const detail = { orgId, userId: row.user_id, decision: input.decision, reason }
      await auditSuccess(deps, ctx, actor, { action: 'organisation.join_decide', target, detail }, trx)
      return presentJoinRequest(row, await loadPeople(identity, [row.user_id, actor.userId], trx))
    })
  }

  return { requestToJoin, listJoinRequests, decideJoinRequest }
}
