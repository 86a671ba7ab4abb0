import type { TMe, TSecondFactorState } from '#shared/contracts/identity.ts'
import { maskMobile } from '#shared/validators/index.ts'
import type { TDb } from '../../db/transaction.ts'
import { AppError } from '../../errors.ts'
import { needsSecondFactor, orgIdsOf } from './sessions.ts'
import * as usersRepo from './users.repo.ts'

/** Where a session stands with the second factor, from the user's needs and the session's state. */
export function secondFactorStateOf(input: {
  isNeeded: boolean
  isPending: boolean
  isTotpEnabled: boolean
}): TSecondFactorState {
  if (!input.isNeeded) return 'none'
  if (!input.isPending) return 'passed'
  return input.isTotpEnabled ? 'required' : 'enrol'
}

/**
 * The "me" answer of a user in a session: masked phone, roles with the names of their scopes, the
 * organisations they belong to (those they hold a role in), and the second-factor state.
 * @param session the session's current organisation and whether its second factor is still pending
 * @throws AppError UNAUTHENTICATED when the account no longer exists
 */
export async function presentMe(
  db: TDb,
  userId: string,
  session: { currentOrgId: string | null; isSecondFactorPending: boolean },
): Promise<TMe> {
  const user = await usersRepo.findUserById(db, userId)
  if (!user) throw new AppError('UNAUTHENTICATED', `user ${userId} is gone`)
  const grants = await usersRepo.listGrantsOfUser(db, userId)
  const organisations = orgIdsOf(grants.map((g) => ({ orgId: g.org_id }))).map((id) => ({
    id,
    name: grants.find((g) => g.org_id === id)?.org_name ?? '',
  }))
  const isNeeded = needsSecondFactor(grants, user.totp_enabled_at)
  return {
    id: user.id,
    displayName: user.display_name,
    phoneMasked: user.phone ? maskMobile(user.phone) : null,
    roles: grants.map((g) => ({
      role: g.role as TMe['roles'][number]['role'],
      orgId: g.org_id,
      orgName: g.org_name,
      nodeId: g.node_id,
      nodeName: g.node_name,
    })),
    currentOrgId: session.currentOrgId,
    organisations,
    secondFactor: secondFactorStateOf({
      isNeeded,
      isPending: isNeeded && session.isSecondFactorPending,
      isTotpEnabled: user.totp_enabled_at !== null,
    }),
    totpEnabled: user.totp_enabled_at !== null,
  }
}
