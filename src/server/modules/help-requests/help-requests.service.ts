import type { Kysely } from 'kysely'
import type {
  TAnswerHelpRequestRequest,
  TCreateHelpRequestRequest,
  THelpRequest,
  TListHelpRequestsResponse,
  TListMyHelpRequestsQuery,
  TListNodeHelpRequestsQuery,
} from '#shared/contracts/help-requests.ts'
import type { TClock } from '../../clock.ts'
import { requireActor, type TActor, type TRequestContext } from '../../context.ts'
import type { DB } from '../../db/schema.ts'
import { inTransaction, type TDb } from '../../db/transaction.ts'
import { AppError, fieldError, type TFieldIssue } from '../../errors.ts'
import type { TAuditService } from '../audit/audit.service.ts'
import type { TIdentityService } from '../identity/identity.service.ts'
import type { TNotifyService } from '../notify/notify.service.ts'
import './help-requests.messages.ts'
import { canWorkHelpRequests } from './help-requests.policy.ts'
import { loadNames, presentHelpRequest } from './help-requests.presenters.ts'
import * as repo from './help-requests.repo.ts'

/** What the help-requests module is built from (passed by app.ts). */
export type THelpRequestDeps = {
  db: Kysely<DB>
  clock: TClock
  audit: TAuditService
  notify: TNotifyService
  /** People's names and phones belong to the identity module. */
  identity: Pick<TIdentityService, 'getUserSummaries'>
}

/** The notify service takes bodies up to 2 000 characters; a long answer is cut (the full one is on /me). */
const NOTIFICATION_BODY_MAX = 2000

/** Deadlines are calendar days in China Standard Time (UTC+8, no daylight saving). */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000

function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `help request ${id} not found`, { messageKey: 'help_requests.NOT_FOUND' })
}

function closed(id: string): AppError {
  return new AppError('STATE_INVALID', `help request ${id} is closed`, { messageKey: 'help_requests.CLOSED' })
}

/**
 * 帮我找 (SPEC §3): a signed-in person who found nothing asks the operators of their node, who answer in
 * the platform. Requests go to the node of the person's current organisation, or to the node they pick
 * (default: the national root) when they act for none. Staff over a node's subtree work its queue.
 */
export function createHelpRequestService(deps: THelpRequestDeps) {
  const { db, clock, audit, notify, identity } = deps

  /** The node a new request goes to, by the rule above. */
  async function chooseNode(trx: TDb, actor: TActor, nodeId: string | undefined) {
    const orgNodeId = actor.currentOrgId ? await repo.findOrganisationNodeId(trx, actor.currentOrgId) : undefined
    const wantedId = orgNodeId ?? nodeId
    if (wantedId) {
      const node = await repo.findNode(trx, wantedId)
      if (node) return node
      throw fieldError('VALIDATION', [{ path: 'body.nodeId', messageKey: 'help_requests.NODE_UNKNOWN' }])
    }
    const root = await repo.findRootNode(trx)
    if (!root) throw new AppError('STATE_INVALID', 'no root node', { messageKey: 'help_requests.NO_ROOT_NODE' })
    return root
  }

  /** The contact phone (given, or the account's) and the deadline, checked together. */
  async function checkContactAndDeadline(actor: TActor, input: TCreateHelpRequestRequest) {
    const issues: TFieldIssue[] = []
    let phone = input.contactPhone ?? null
    if (phone === null) {
      const [self] = await identity.getUserSummaries([actor.userId])
      phone = self?.phone ?? null
      if (phone === null) issues.push({ path: 'body.contactPhone', messageKey: 'help_requests.PHONE_REQUIRED' })
    }
    const today = new Date(clock.now().getTime() + CST_OFFSET_MS).toISOString().slice(0, 10)
    if (input.deadline !== undefined && input.deadline < today) {
      issues.push({ path: 'body.deadline', messageKey: 'help_requests.DEADLINE_PAST' })
    }
    if (issues.length > 0 || phone === null) throw fieldError('VALIDATION', issues)
    return phone
  }

  /** The request as stored, with its names. */
  async function load(trx: TDb, id: string): Promise<THelpRequest> {
    const row = await repo.findHelpRequest(trx, id)
    if (!row) throw notFound(id)
    return presentHelpRequest(row, await loadNames(identity, [row], trx))
  }

  /**
   * A signed-in person asks for help; the staff nearest to the node (its own, else those of the closest
   * node above with any) get an in-site notification.
   * @throws AppError UNAUTHENTICATED | VALIDATION (unknown node, no phone, deadline past) |
   *   STATE_INVALID (the platform has no root node)
   */
  async function createHelpRequest(ctx: TRequestContext, input: TCreateHelpRequestRequest): Promise<THelpRequest> {
    const actor = requireActor(ctx)
    const phone = await checkContactAndDeadline(actor, input)
    return inTransaction(db, async (trx) => {
      const node = await chooseNode(trx, actor, input.nodeId)
      const id = await repo.insertHelpRequest(trx, {
        requester_user_id: actor.userId,
        requester_org_id: actor.currentOrgId,
        node_id: node.id,
        query: input.query,
        details: input.details,
        contact_phone: phone,
        contact_preference: input.contactPreference,
        deadline: input.deadline ?? null,
        created_at: clock.now(),
      })
      const staff = (await repo.listNearestStaffIds(trx, node.path)).filter((userId) => userId !== actor.userId)
      await notify.notify(
        {
          userIds: staff,
          event: 'help_request.created',
          title: '新的“帮我找”求助',
          body: `${actor.displayName} 向“${node.name}”求助：${input.query}`,
          link: `/console/help-requests?node=${node.id}`,
        },
        trx,
      )
      return load(trx, id)
    })
  }

  /**
   * The signed-in person's own requests, newest first, with the answers.
   * @throws AppError UNAUTHENTICATED
   */
  async function listMyHelpRequests(
    ctx: TRequestContext,
    query: TListMyHelpRequestsQuery,
  ): Promise<TListHelpRequestsResponse> {
    const actor = requireActor(ctx)
    const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }
    const [rows, total] = await Promise.all([
      repo.listRequesterHelpRequests(db, actor.userId, page),
      repo.countRequesterHelpRequests(db, actor.userId),
    ])
    const names = await loadNames(identity, rows)
    return { items: rows.map((r) => presentHelpRequest(r, names)), total, page: query.page, pageSize: query.pageSize }
  }

  /**
   * A node's queue (by default with the nodes below it), for its staff.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND (node) | FORBIDDEN (not staff over the node)
   */
  async function listNodeHelpRequests(
    ctx: TRequestContext,
    nodeId: string,
    query: TListNodeHelpRequestsQuery,
  ): Promise<TListHelpRequestsResponse> {
    const actor = requireActor(ctx)
    const node = await repo.findNode(db, nodeId)
    if (!node) {
      throw new AppError('NOT_FOUND', `node ${nodeId} not found`, { messageKey: 'help_requests.NODE_NOT_FOUND' })
    }
    if (!canWorkHelpRequests(actor, node.path)) throw new AppError('FORBIDDEN', `not staff over node ${nodeId}`)
    const filter = { nodeId, nodePath: node.path, isSubtree: query.subtree === 'true', status: query.status }
    const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }
    const [rows, total] = await Promise.all([
      repo.listNodeHelpRequests(db, filter, page),
      repo.countNodeHelpRequests(db, filter),
    ])
    const names = await loadNames(identity, rows)
    return { items: rows.map((r) => presentHelpRequest(r, names)), total, page: query.page, pageSize: query.pageSize }
  }

  /** Records a refused answer in the audit log, then throws FORBIDDEN. */
  async function refuse(ctx: TRequestContext, actor: TActor, id: string): Promise<never> {
    await audit.record({
      actorId: actor.userId,
      action: 'help_request.answer',
      targetType: 'help_request',
      targetId: id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      result: 'denied',
    })
    throw new AppError('FORBIDDEN', `help_request.answer on ${id} refused`)
  }

  /**
   * Staff over the request's node answer it (again, while it is not closed), or close it with a last
   * word; the requester is notified and the answer is audited.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND | FORBIDDEN (not staff over its node) | STATE_INVALID (closed)
   */
  async function answerHelpRequest(
    ctx: TRequestContext,
    id: string,
    input: TAnswerHelpRequestRequest,
  ): Promise<THelpRequest> {
    const actor = requireActor(ctx)
    const current = await repo.findHelpRequest(db, id)
    if (!current) throw notFound(id)
    if (!canWorkHelpRequests(actor, current.node_path)) return refuse(ctx, actor, id)
    if (current.status === 'closed') throw closed(id)
    return inTransaction(db, async (trx) => {
      const answeredAt = clock.now()
      const isDone = await repo.markAnswered(trx, id, {
        status: input.status,
        text: input.answer,
        answeredBy: actor.userId,
        answeredAt,
      })
      if (!isDone) throw closed(id)
      await notify.notify(
        {
          userIds: [current.requester_user_id],
          event: 'help_request.answered',
          title: '您的“帮我找”求助有了答复',
          body: `“${current.query}”：${input.answer}`.slice(0, NOTIFICATION_BODY_MAX),
          link: '/me#help-requests',
        },
        trx,
      )
      await audit.record(
        {
          actorId: actor.userId,
          action: 'help_request.answer',
          targetType: 'help_request',
          targetId: id,
          ip: ctx.ip,
          userAgent: ctx.userAgent,
          result: 'success',
          detail: { nodeId: current.node_id, status: input.status },
        },
        trx,
      )
      return load(trx, id)
    })
  }

  return { createHelpRequest, listMyHelpRequests, listNodeHelpRequests, answerHelpRequest }
}

export type THelpRequestService = ReturnType<typeof createHelpRequestService>
