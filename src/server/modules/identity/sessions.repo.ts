import type { TDb } from '../../db/transaction.ts'

/** SQL of DB-backed sessions (user_session). Tokens never reach this layer, only their SHA-256. */

/** Why a session ended (user_session.revoked_reason). */
export type TRevokeReason = 'sign_out' | 'sign_out_all' | 'idle' | 'expired' | 'replaced' | 'password_reset' | 'closed'

/** Stores a new session and returns its id. */
export async function insertSession(
  db: TDb,
  row: {
    token_hash: string
    user_id: string
    current_org_id: string | null
    ip: string
    user_agent: string
    created_at: Date
    expires_at: Date
  },
): Promise<string> {
  const created = await db
    .insertInto('user_session')
    .values({ ...row, last_seen_at: row.created_at, mfa_passed: false })
    .returning('id')
    .executeTakeFirstOrThrow()
  return created.id
}

/** The live-or-not session with this token digest, with what resolving it needs to know about its user. */
export async function findSessionByTokenHash(db: TDb, tokenHash: string) {
  return db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.user_id',
      's.current_org_id',
      's.mfa_passed',
      's.created_at',
      's.last_seen_at',
      's.expires_at',
      's.revoked_at',
      'u.display_name',
      'u.status as user_status',
      'u.totp_enabled_at',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst()
}

/** Records activity (resolveSession calls this at most once a minute per session). */
export async function touchSession(db: TDb, sessionId: string, at: Date): Promise<void> {
  await db.updateTable('user_session').set({ last_seen_at: at }).where('id', '=', sessionId).execute()
}

/** Ends one session, unless it has already ended. */
export async function revokeSession(db: TDb, sessionId: string, at: Date, reason: TRevokeReason): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ revoked_at: at, revoked_reason: reason })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute()
}

/** Ends every live session of a user; returns how many there were. */
export async function revokeSessionsOfUser(db: TDb, userId: string, at: Date, reason: TRevokeReason): Promise<number> {
  const result = await db
    .updateTable('user_session')
    .set({ revoked_at: at, revoked_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Gives a live session a new token digest (rotation) and marks its second factor passed. */
export async function rotateSessionToken(
  db: TDb,
  sessionId: string,
  change: { tokenHash: string; at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('user_session')
    .set({ token_hash: change.tokenHash, mfa_passed: true, last_seen_at: change.at })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Sets the organisation a session acts for (切换单位). */
export async function updateSessionOrg(db: TDb, sessionId: string, orgId: string | null): Promise<void> {
  await db.updateTable('user_session').set({ current_org_id: orgId }).where('id', '=', sessionId).execute()
}

/** Every session of a user, newest first (data export; no token digests). */
export async function listSessionsOfUser(db: TDb, userId: string) {
  return db
    .selectFrom('user_session')
    .select(['id', 'ip', 'user_agent', 'created_at', 'last_seen_at', 'expires_at', 'revoked_at', 'revoked_reason'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute()
}
