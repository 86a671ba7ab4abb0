import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { TRole } from '../../src/server/context.ts'
import type { DB } from '../../src/server/db/schema.ts'

/** One role to hold: on the platform (no scope), on a node, or in an organisation. */
export type TTestGrant = { role: TRole; nodeId?: string | null; orgId?: string | null }

export type TSignInOptions = {
  grants?: TTestGrant[]
  displayName?: string
  /** A mainland mobile number; a unique one is made up when absent. */
  phone?: string
  /** False leaves an admin's session waiting for its second factor. Default true. */
  mfaPassed?: boolean
}

/** A signed-in test user: send `cookie` as the Cookie header. */
export type TTestSession = { userId: string; token: string; cookie: string; displayName: string; phone: string }

let sequence = 0

/**
 * Signs a new user in without the sign-in flow: inserts app_user, a user_session (token_hash = SHA-256 hex
 * of the token, expiring in a day, second factor passed) and the given role_grant rows. The server's own
 * session resolver then reads them like any other session.
 * @param db the test database
 * @param options grants, name, phone, second-factor state
 */
export async function signInAs(db: Kysely<DB>, options: TSignInOptions = {}): Promise<TTestSession> {
  sequence += 1
  const phone =
    options.phone ?? `139${String(process.pid % 10_000).padStart(4, '0')}${String(sequence).padStart(4, '0')}`
  const displayName = options.displayName ?? `测试用户${sequence}`
  const user = await db
    .insertInto('app_user')
    .values({ display_name: displayName, phone, status: 'active' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const token = randomBytes(32).toString('base64url')
  await db
    .insertInto('user_session')
    .values({
      token_hash: createHash('sha256').update(token, 'utf8').digest('hex'),
      user_id: user.id,
      mfa_passed: options.mfaPassed ?? true,
      expires_at: new Date(Date.now() + 24 * 60 * 60 * 1000),
    })
    .execute()
  await addGrants(db, user.id, options.grants ?? [])
  return { userId: user.id, token, cookie: `kx_session=${token}`, displayName, phone }
}

/**
 * Gives an existing user more roles (e.g. org_admin of an organisation created after they signed in).
 * Grants are read on every request, so the next request sees them.
 */
export async function addGrants(db: Kysely<DB>, userId: string, grants: TTestGrant[]): Promise<void> {
  if (grants.length === 0) return
  await db
    .insertInto('role_grant')
    .values(grants.map((g) => ({ user_id: userId, role: g.role, node_id: g.nodeId ?? null, org_id: g.orgId ?? null })))
    .execute()
}
