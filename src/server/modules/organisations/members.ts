import { ORG_ROLES, type TListMembersQuery, type TListMembersResponse } from '#shared/contracts/organisations.ts'
import { maskMobile } from '#shared/validators/index.ts'
import { requireActor, type TRequestContext, type TRole } from '../../context.ts'
import { inTransaction } from '../../db/transaction.ts'
import { AppError } from '../../errors.ts'
import {
  auditSuccess,
  loadOrganisation,
  organisationNotFound,
  refuse,
  type TOrganisationDeps,
} from './organisations.deps.ts'
import { canListMembers, canManageMembers } from './organisations.policy.ts'
import { loadPeople, scopeOf } from './organisations.presenters.ts'
import * as repo from './organisations.repo.ts'

type TOrgRole = (typeof ORG_ROLES)[number]
const isOrgRole = (role: string): role is TOrgRole => (ORG_ROLES as readonly string[]).includes(role)

/** The people of a unit: listing them, and removing one (the unit's admins, or the platform admin). */
export function createMemberActions(deps: TOrganisationDeps) {
  const { db, identity } = deps

  /**
   * The unit's people with their roles in it, in the order they joined; phones masked.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND | FORBIDDEN (neither one of its people nor node staff over it)
   */
  async function listMembers(
    ctx: TRequestContext,
    orgId: string,
    query: TListMembersQuery,
  ): Promise<TListMembersResponse> {
    const actor = requireActor(ctx)
    const org = await loadOrganisation(db, orgId)
    if (!canListMembers(actor, scopeOf(org))) throw new AppError('FORBIDDEN', `may not list members of ${orgId}`)
    const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }
    const [rows, total] = await Promise.all([repo.listOrgPeople(db, orgId, page), repo.countOrgPeople(db, orgId)])
    const people = await loadPeople(
      identity,
      rows.map((r) => r.user_id),
    )
    return {
      items: rows.map((row) => {
        const person = people.get(row.user_id)
        return {
          userId: row.user_id,
          displayName: person?.displayName ?? '—',
          phone: person?.phone ? maskMobile(person.phone) : null,
          roles: row.roles.filter(isOrgRole),
          since: new Date(row.since).toISOString(),
        }
      }),
      total,
      page: query.page,
      pageSize: query.pageSize,
    }
  }

  /**
   * Removes a person from the unit: every role they hold in it is revoked. The last admin cannot be
   * removed (the unit would be left without anyone to manage it). The unit's row is locked for the
   * check, so two admins removing each other at once cannot both succeed.
   * @throws AppError UNAUTHENTICATED | FORBIDDEN (neither its org_admin nor platform_admin) |
   *   NOT_FOUND (unit, or not a member) | STATE_INVALID (last admin)
   */
  async function removeMember(ctx: TRequestContext, orgId: string, userId: string): Promise<void> {
    const actor = requireActor(ctx)
    if (!canManageMembers(actor, orgId)) {
      return refuse(deps, ctx, actor, 'organisation.member_remove', { type: 'organisation', id: orgId })
    }
    await inTransaction(db, async (trx) => {
      if (!(await repo.lockOrganisation(trx, orgId))) throw organisationNotFound(orgId)
      const roles = await repo.listRolesInOrg(trx, orgId, userId)
      if (roles.length === 0) {
        throw new AppError('NOT_FOUND', `${userId} is not in ${orgId}`, {
          messageKey: 'organisations.MEMBER_NOT_FOUND',
        })
      }
      if (roles.includes('org_admin') && (await repo.listOrgAdminIds(trx, orgId)).length <= 1) {
        throw new AppError('STATE_INVALID', `${userId} is the last admin of ${orgId}`, {
          messageKey: 'organisations.LAST_ADMIN',
        })
      }
      for (const role of roles) await identity.revokeRole({ userId, role: role as TRole, orgId }, trx)
      const target = { type: 'organisation', id: orgId }
      await auditSuccess(
        deps,
        ctx,
        actor,
        { action: 'organisation.member_remove', target, detail: { userId, roles } },
        trx,
      )
    })
  }

  return { listMembers, removeMember }
}
