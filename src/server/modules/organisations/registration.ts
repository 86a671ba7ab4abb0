import { cityCodeOf, findRegion } from '#shared/codes/index.ts'
import type { TFileRef } from '#shared/contracts/files.ts'
import {
  LICENCE_REQUIRED_KINDS,
  type TOrganisationView,
  type TRegisterOrganisationRequest,
  type TReviewOrganisationRequest,
} from '#shared/contracts/organisations.ts'
import { checkUSCC, type TUsccCheck } from '#shared/validators/index.ts'
import { requireActor, type TActor, type TRequestContext } from '../../context.ts'
import { inTransaction, type TDb } from '../../db/transaction.ts'
import { AppError } from '../../errors.ts'
import { fieldError } from '../../errors.ts'
import { claimFiles } from '../files/index.ts'
import { ancestorIdsOfPath } from '../network/node-path.ts'
import { auditSuccess, loadOrganisation, refuse, type TOrganisationDeps } from './organisations.deps.ts'
import { canRegisterOrganisation, canReviewOrganisation } from './organisations.policy.ts'
import { loadLicences, loadPeople, presentOrganisation, scopeOf } from './organisations.presenters.ts'
import * as repo from './organisations.repo.ts'

type TCheckedRegistration = {
  cityCode: string
  check: Exclude<TUsccCheck, 'format'>
  node: { id: string; name: string; path: string }
}

/**
 * Claims the uploaded business licence for the new unit, in the registration's transaction: it must be the
 * registrant's own upload for purpose org_licence, not used elsewhere (files module rules).
 * @throws AppError VALIDATION on body.licenceFileId
 */
async function claimLicence(trx: TDb, actor: TActor, orgId: string, fileId: string | undefined) {
  if (!fileId) return null
  const options = { subjectType: 'organisation', subjectId: orgId, allowedPurposes: ['org_licence'], actor } as const
  const [licence] = await claimFiles(trx, [fileId], { ...options, fieldPath: () => 'body.licenceFileId' })
  return licence ?? null
}

/** 单位注册 and its review by the node (two-level registration, seed 000; org accounts, conventions §2.3). */
export function createRegistrationActions(deps: TOrganisationDeps) {
  const { db, clock, identity, notify } = deps

  /** The checks a registration passes before anything is written (field errors name the field). */
  async function checkRegistration(input: TRegisterOrganisationRequest): Promise<TCheckedRegistration> {
    // Units that hold a 营业执照 upload it; universities, institutes and government bodies may (issue 3).
    if (!input.licenceFileId && LICENCE_REQUIRED_KINDS.includes(input.kind)) {
      throw fieldError('VALIDATION', [{ path: 'body.licenceFileId', messageKey: 'files.LICENCE_REQUIRED' }])
    }
    const cityCode = findRegion(input.regionCode) ? cityCodeOf(input.regionCode) : null
    if (!cityCode) {
      const vars = { code: input.regionCode }
      throw fieldError('VALIDATION', [{ path: 'body.regionCode', messageKey: 'organisations.REGION_UNKNOWN', vars }])
    }
    const check = checkUSCC(input.creditCode)
    if (check === 'format') {
      throw fieldError('VALIDATION', [{ path: 'body.creditCode', messageKey: 'organisations.CREDIT_CODE_FORMAT' }])
    }
    const node = await repo.findNode(db, input.nodeId)
    if (!node) throw fieldError('VALIDATION', [{ path: 'body.nodeId', messageKey: 'organisations.NODE_UNKNOWN' }])
    return { cityCode, check, node }
  }

  /** Writes the unit (pending) and its joining agreement; returns the unit's id. */
  async function insertRegistration(
    trx: TDb,
    actor: TActor,
    input: TRegisterOrganisationRequest,
    checked: TCheckedRegistration,
  ): Promise<string> {
    if (await repo.isCreditCodeTaken(trx, input.creditCode)) {
      const issue = { path: 'body.creditCode', messageKey: 'organisations.CREDIT_CODE_TAKEN' }
      throw fieldError('CONFLICT', [issue], 'organisations.CREDIT_CODE_TAKEN')
    }
    const now = clock.now()
    const id = await repo.insertOrganisation(trx, {
      name: input.name,
      credit_code: input.creditCode,
      credit_code_check: checked.check,
      kind: input.kind,
      region_code: input.regionCode,
      city_code: checked.cityCode,
      address: input.address,
      node_id: checked.node.id,
      status: 'pending',
      contact_name: input.contactName,
      contact_phone: input.contactPhone,
      registered_by: actor.userId,
      created_at: now,
      updated_at: now,
    })
    await repo.insertMembership(trx, {
      org_id: id,
      node_id: checked.node.id,
      agreement_version: input.agreementVersion,
      accepted_at: now,
      accepted_by: actor.userId,
    })
    return id
  }

  /**
   * Tells the node operators and admins whose subtree holds the unit's node that it waits for review (the
   * registrant is left out should they be node staff themselves). The link opens the node console on that
   * node's queue.
   */
  async function notifyNodeStaff(
    trx: TDb,
    actor: TActor,
    org: { id: string; name: string },
    node: TCheckedRegistration['node'],
  ): Promise<void> {
    const staff = (await repo.listNodeStaffIds(trx, ancestorIdsOfPath(node.path))).filter((id) => id !== actor.userId)
    if (staff.length === 0) return
    const notification = {
      userIds: staff,
      event: 'org.registered' as const,
      title: '新的单位入驻申请',
      body: `“${org.name}”申请加入${node.name}，请及时审核。`,
      link: `/console/nodes?node=${node.id}`,
    }
    await notify.notify(notification, trx)
  }

  /**
   * Registers a unit for review by the node it applies to join. The registrant becomes its org_admin and
   * the joining agreement is recorded (the unit keeps ownership; the node operates the service, SPEC §2).
   * A credit code with a wrong check character is accepted but flagged ('checksum') for the reviewer.
   * The node staff over the node are told (org.registered).
   * @throws AppError UNAUTHENTICATED | FORBIDDEN | VALIDATION (region: body.regionCode; node: body.nodeId;
   *   format: body.creditCode; licence missing or not claimable: body.licenceFileId) | CONFLICT (credit code already registered: body.creditCode)
   */
  async function registerOrganisation(
    ctx: TRequestContext,
    input: TRegisterOrganisationRequest,
  ): Promise<TOrganisationView> {
    const actor = requireActor(ctx)
    if (!canRegisterOrganisation(actor)) throw new AppError('FORBIDDEN', 'may not register organisations')
    const checked = await checkRegistration(input)
    return inTransaction(db, async (trx) => {
      const id = await insertRegistration(trx, actor, input, checked)
      const licence: TFileRef | null = await claimLicence(trx, actor, id, input.licenceFileId)
      await identity.grantRole({ userId: actor.userId, role: 'org_admin', orgId: id }, trx)
      const detail = {
        nodeId: checked.node.id,
        creditCodeCheck: checked.check,
        agreementVersion: input.agreementVersion,
        licenceFileId: licence?.id ?? null,
      }
      await auditSuccess(
        deps,
        ctx,
        actor,
        { action: 'organisation.register', target: { type: 'organisation', id }, detail },
        trx,
      )
      await notifyNodeStaff(trx, actor, { id, name: input.name }, checked.node)
      const row = await loadOrganisation(trx, id)
      return presentOrganisation(row, 'full', await loadPeople(identity, [actor.userId], trx), licence)
    })
  }

  /**
   * The node's decision on a pending unit: approved, or rejected with a reason. The registrant is told.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND | FORBIDDEN (not node staff over its node, or its own
   *   registrant) | STATE_INVALID (already reviewed)
   */
  async function reviewOrganisation(
    ctx: TRequestContext,
    orgId: string,
    input: TReviewOrganisationRequest,
  ): Promise<TOrganisationView> {
    const actor = requireActor(ctx)
    const current = await loadOrganisation(db, orgId)
    if (!canReviewOrganisation(actor, scopeOf(current))) {
      return refuse(deps, ctx, actor, 'organisation.review', { type: 'organisation', id: orgId })
    }
    const alreadyReviewed = new AppError('STATE_INVALID', `organisation ${orgId} is not pending`, {
      messageKey: 'organisations.ALREADY_REVIEWED',
    })
    if (current.status !== 'pending') throw alreadyReviewed
    const isApproved = input.decision === 'approve'
    const reason = input.reason || null
    return inTransaction(db, async (trx) => {
      const status = isApproved ? 'approved' : 'rejected'
      const review = { status, reviewedBy: actor.userId, reviewedAt: clock.now(), reason } as const
      if (!(await repo.markReviewed(trx, orgId, review))) throw alreadyReviewed
      if (current.registered_by) {
        const where = `“${current.name}”${isApproved ? '已通过' : '未通过'}${current.node_name}审核`
        const notification = {
          userIds: [current.registered_by],
          event: 'org.review_decided' as const,
          title: isApproved ? '单位注册已通过审核' : '单位注册未通过审核',
          body: isApproved ? `您注册的单位${where}。` : `您注册的单位${where}。原因：${reason}`,
          link: `/orgs/${orgId}`,
        }
        await notify.notify(notification, trx)
      }
      const detail = { decision: input.decision, reason }
      await auditSuccess(
        deps,
        ctx,
        actor,
        { action: 'organisation.review', target: { type: 'organisation', id: orgId }, detail },
        trx,
      )
      const row = await loadOrganisation(trx, orgId)
      const people = await loadPeople(identity, [row.registered_by, row.reviewed_by], trx)
      return presentOrganisation(row, 'full', people, (await loadLicences(trx, [orgId])).get(orgId) ?? null)
    })
  }

  return { registerOrganisation, reviewOrganisation }
}
