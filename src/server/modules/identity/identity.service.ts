import type { Kysely } from 'kysely'
import type { TAuthOptionsResponse, USER_ROLES } from '#shared/contracts/identity.ts'
import { maskMobile } from '#shared/validators/index.ts'
import type { TSmsGateway } from '../../adapters/sms-gateway.ts'
import type { TClock } from '../../clock.ts'
import type { ROLES, TActor, TRole } from '../../context.ts'
import type { DB } from '../../db/schema.ts'
import type { TDb } from '../../db/transaction.ts'
import type { TAuditService } from '../audit/audit.service.ts'
import { createAccount } from './account.ts'
import type { TIdentityConfig } from './identity.config.ts'
import { createLockout } from './lockout.ts'
import { PASSWORD_MIN_LENGTH } from './password-policy.ts'
import { createSecondFactor } from './second-factor.ts'
import { createSessions } from './sessions.ts'
import { createSignIn } from './sign-in.ts'
import { createSignUp } from './sign-up.ts'
import { createSmsCodes } from './sms-codes.ts'
import * as usersRepo from './users.repo.ts'
import './identity.messages.ts'

// The shared contract lists the roles for the web client; it must list exactly the server's.
type TSameRoles = [TRole, (typeof USER_ROLES)[number]] extends [(typeof USER_ROLES)[number], (typeof ROLES)[number]]
  ? true
  : never
const ROLES_AGREE: TSameRoles = true
void ROLES_AGREE

/** A user as other modules list them: id, display name, phone (full, for notifications) and masked. */
export type TUserSummary = { id: string; display_name: string; phone: string | null; phone_masked: string | null }

/**
 * The identity module: accounts, SMS codes, sign-in with lockout, DB-backed sessions, the second factor and
 * "me". Every function that acts for a request takes its context first and checks access before anything
 * else. Other modules use `resolveSession` (through the session hook), `grantRole` and `getUserSummaries`.
 */
export function createIdentityService(deps: {
  db: Kysely<DB>
  clock: TClock
  sms: TSmsGateway
  audit: TAuditService
  config: TIdentityConfig
}) {
  const { db, clock, audit, config } = deps
  const sessions = createSessions({ db, clock, config })
  const lockout = createLockout({ db, clock, audit, config })
  const smsCodes = createSmsCodes({ db, clock, sms: deps.sms, config })
  const signInPart = createSignIn({ db, clock, audit, sessions, lockout, smsCodes })
  const signUpPart = createSignUp({ db, clock, audit, config, sessions, smsCodes })
  const secondFactor = createSecondFactor({ db, clock, audit, config, sessions, lockout })
  const account = createAccount({ db, clock, audit, lockout })

  /** The actor of a session cookie's token, or null (see sessions.ts for the rules). */
  function resolveSession(token: string, meta: { ip: string; userAgent: string }): Promise<TActor | null> {
    return sessions.resolveSession(token, meta)
  }

  /**
   * Grants a role in a scope (idempotent). Used by the organisations module when it approves people.
   * @param db a transaction handle when the caller is inside one
   */
  async function grantRole(
    input: { userId: string; role: TRole; orgId?: string | null; nodeId?: string | null },
    db: TDb = deps.db,
  ): Promise<void> {
    await usersRepo.insertGrant(db, {
      user_id: input.userId,
      role: input.role,
      org_id: input.orgId ?? null,
      node_id: input.nodeId ?? null,
    })
  }

  /**
   * Removes a role in a scope (idempotent): the counterpart of grantRole. The holder's sessions see the change
   * on their next request (grants are read on every request).
   * @param db a transaction handle when the caller is inside one
   */
  async function revokeRole(
    input: { userId: string; role: TRole; orgId?: string | null; nodeId?: string | null },
    db: TDb = deps.db,
  ): Promise<void> {
    await usersRepo.deleteGrant(db, {
      user_id: input.userId,
      role: input.role,
      org_id: input.orgId ?? null,
      node_id: input.nodeId ?? null,
    })
  }

  /**
   * Display names and phones of users, for other modules' lists; show `phone_masked` (PIPL), keep `phone`
   * for sending notifications.
   * @param db a transaction handle when the caller is inside one
   */
  async function getUserSummaries(userIds: string[], db: TDb = deps.db): Promise<TUserSummary[]> {
    if (userIds.length === 0) return []
    const rows = await usersRepo.listUserSummaries(db, userIds)
    return rows.map((r) => ({ ...r, phone_masked: r.phone ? maskMobile(r.phone) : null }))
  }

  /** What the sign-in and sign-up pages need: privacy policy version, password length, resend countdown. */
  function getAuthOptions(): TAuthOptionsResponse {
    return {
      privacyVersion: config.privacyVersion,
      passwordMinLength: PASSWORD_MIN_LENGTH,
      smsResendSeconds: config.sms.resendSeconds,
      hasDevSmsInbox: config.devInbox,
    }
  }

  return {
    resolveSession,
    grantRole,
    revokeRole,
    getUserSummaries,
    getAuthOptions,
    requestSmsCode: smsCodes.requestCode,
    listDevSmsInbox: smsCodes.listDevInbox,
    ...signInPart,
    ...signUpPart,
    ...secondFactor,
    ...account,
  }
}

export type TIdentityService = ReturnType<typeof createIdentityService>
