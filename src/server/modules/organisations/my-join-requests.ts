import type { TListMyJoinRequestsQuery, TListMyJoinRequestsResponse } from '#shared/contracts/organisations.ts'
import { requireActor, type TRequestContext } from '../../context.ts'
import { AppError } from '../../errors.ts'
import * as requests from './join-requests.repo.ts'
import type { TOrganisationDeps } from './organisations.deps.ts'

/** A person's own requests to join units (个人中心 → 我的加入申请): listing them and withdrawing one. */
export function createMyJoinRequestActions(deps: Pick<TOrganisationDeps, 'db'>) {
  const { db } = deps

  /**
   * The signed-in person's requests, newest first, with each unit's name and the decision.
   * @throws AppError UNAUTHENTICATED
   */
  async function listMyJoinRequests(
    ctx: TRequestContext,
    query: TListMyJoinRequestsQuery,
  ): Promise<TListMyJoinRequestsResponse> {
    const actor = requireActor(ctx)
    const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }
    const [rows, total] = await Promise.all([
      requests.listRequestsOfUser(db, actor.userId, page),
      requests.countRequestsOfUser(db, actor.userId),
    ])
    return {
      items: rows.map((row) => ({
        id: row.id,
        org: { id: row.org_id, name: row.org_name },
        message: row.message,
        status: row.status as TListMyJoinRequestsResponse['items'][number]['status'],
        reason: row.reason,
        decidedAt: row.decided_at?.toISOString() ?? null,
        createdAt: row.created_at.toISOString(),
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    }
  }

  /**
   * Withdraws one of the person's own pending requests (the row is deleted: nothing was decided, and the
   * unit's admins no longer see it). Someone else's request answers NOT_FOUND, as an unknown id does, so
   * ids cannot be probed.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND | STATE_INVALID (already decided)
   */
  async function cancelJoinRequest(ctx: TRequestContext, requestId: string): Promise<void> {
    const actor = requireActor(ctx)
    const row = await requests.findRequestOfUser(db, actor.userId, requestId)
    if (!row) {
      throw new AppError('NOT_FOUND', `join request ${requestId} not found`, {
        messageKey: 'organisations.JOIN_REQUEST_NOT_FOUND',
      })
    }
    const decided = new AppError('STATE_INVALID', `join request ${requestId} is ${row.status}`, {
      messageKey: 'organisations.JOIN_REQUEST_NOT_CANCELLABLE',
    })
    if (row.status !== 'pending') throw decided
    if (!(await requests.deletePendingRequest(db, requestId))) throw decided
  }

  return { listMyJoinRequests, cancelJoinRequest }
}
