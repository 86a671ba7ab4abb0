import { ORG_ROLES, type TMember, type TSetMemberRolesRequest } from '#shared/contracts/organisations.ts'
import { maskMobile } from '#shared/validators/index.ts'
import { requireActor, type TActor, type TRequestContext } from '../../context.ts'
import { inTransaction, type TDb } from '../../db/transaction.ts'
import { AppError } from '../../errors.ts'
import {
  auditSuccess,
  loadOrganisation,
  organisationNotFound,
  refuse,
  type TOrganisationDeps,
} from './organisations.deps.ts'
import { canManageMembers } from './organisations.policy.ts'
import { loadPeople } from './organisations.presenters.ts'
import * as repo from './organisations.repo.ts'

type TOrgRole = (typeof ORG_ROLES)[number]

/** Role names as the notification (stored in Chinese, like every inbox text) shows them. */
const ROLE_NAMES_ZH: Record<TOrgRole, string> = {
  member: '单位成员',
  org_admin: '单位管理员',
  resource_manager: '资源管理员',
  instrument_manager: '仪器管理员',
  expert: '专家',
}

const isOrgRole = (role: string): role is TOrgRole => (ORG_ROLES as readonly string[]).includes(role)

/** The roles in `from` that are not in `to`. */
function minus(from: readonly TOrgRole[], to: readonly TOrgRole[]): TOrgRole[] {
  return from.filter((role) => !to.includes(role))
}

type TRoleChange = { orgId: string; orgName: string; userId: string; from: TOrgRole[]; to: TOrgRole[] }

/** Setting a person's roles in a unit (单位角色管理: 资源管理员, 仪器管理员, 专家, 单位管理员 …). */
export function createMemberRoleActions(deps: TOrganisationDeps) {
  const { db, identity, notify } = deps

  /** Grants and revokes the difference, audits it and tells the person (unless they changed their own). */
  async function applyRoleChange(trx: TDb, ctx: TRequestContext, actor: TActor, change: TRoleChange) {
    const { orgId, userId, from, to } = change
    for (const role of minus(to, from)) await identity.grantRole({ userId, role, orgId }, trx)
    for (const role of minus(from, to)) await identity.revokeRole({ userId, role, orgId }, trx)
    const target = { type: 'organisation', id: orgId }
    await auditSuccess(
      deps,
      ctx,
      actor,
      { action: 'organisation.member_roles', target, detail: { userId, from, to } },
      trx,
    )
    if (userId === actor.userId) return
    const names = to.map((role) => ROLE_NAMES_ZH[role]).join('、')
    const notification = {
      userIds: [userId],
      event: 'org.roles_changed' as const,
      title: '您在单位的角色已调整',
      body: `您在“${change.orgName}”的角色已调整为：${names}。`,
      link: `/orgs/${orgId}`,
    }
    await notify.notify(notification, trx)
  }

  /**
   * Replaces the roles a person holds in the unit with `input.roles`: missing ones are granted, the others
   * revoked, in one transaction with the unit's row locked (as removeMember), so two admins demoting each
   * other at once cannot leave the unit without an admin. The change is audited and the person is told in
   * the inbox. Only people already in the unit: joining goes through a join request. An unchanged set
   * answers as it is, without audit or notification.
   * @returns the person as the members list shows them, with the new roles
   * @throws AppError UNAUTHENTICATED | FORBIDDEN (neither its org_admin nor platform_admin) |
   *   NOT_FOUND (unit, or the person is not in it) | STATE_INVALID (would drop the unit's last admin)
   */
  async function setMemberRoles(
    ctx: TRequestContext,
    orgId: string,
    userId: string,
    input: TSetMemberRolesRequest,
  ): Promise<TMember> {
    const actor = requireActor(ctx)
    if (!canManageMembers(actor, orgId)) {
      return refuse(deps, ctx, actor, 'organisation.member_roles', { type: 'organisation', id: orgId })
    }
    return inTransaction(db, async (trx) => {
      if (!(await repo.lockOrganisation(trx, orgId))) throw organisationNotFound(orgId)
      const person = await repo.findOrgPerson(trx, orgId, userId)
      if (!person) {
        throw new AppError('NOT_FOUND', `${userId} is not in ${orgId}`, {
          messageKey: 'organisations.MEMBER_NOT_FOUND',
        })
      }
      const from = person.roles.filter(isOrgRole)
      const to = input.roles
      if (minus(from, to).includes('org_admin') && (await repo.listOrgAdminIds(trx, orgId)).length <= 1) {
        throw new AppError('STATE_INVALID', `${userId} is the last admin of ${orgId}`, {
          messageKey: 'organisations.LAST_ADMIN_ROLE',
        })
      }
      const isChanged = minus(from, to).length > 0 || minus(to, from).length > 0
      if (isChanged) {
        const org = await loadOrganisation(trx, orgId)
        await applyRoleChange(trx, ctx, actor, { orgId, orgName: org.name, userId, from, to })
      }
      const summary = (await loadPeople(identity, [userId], trx)).get(userId)
      return {
        userId,
        displayName: summary?.displayName ?? '—',
        phone: summary?.phone ? maskMobile(summary.phone) : null,
        roles: to,
        since: new Date(person.since).toISOString(),
      }
    })
  }

  return { setMemberRoles }
}
