import { sql } from 'kysely'
import type { TDb } from '../../db/transaction.ts'

/** SQL of sign-in attempts (lockout), one-time SMS codes and the development SMS outbox. */

export type TAttemptMethod = 'password' | 'sms' | 'totp' | 'close_account'
export type TFailureReason = 'bad_credentials' | 'bad_second_factor' | 'locked' | 'disabled'

/** Records one sign-in attempt (failure_reason null for a success). */
export async function insertAttempt(
  db: TDb,
  row: {
    account_key: string
    ip: string
    method: TAttemptMethod
    failure_reason: TFailureReason | null
    created_at: Date
  },
): Promise<void> {
  await db
    .insertInto('sign_in_attempt')
    .values({ ...row, succeeded: row.failure_reason === null })
    .execute()
}

const COUNTED_FAILURES: TFailureReason[] = ['bad_credentials', 'bad_second_factor']

/**
 * The attempts on one account that decide its lock, since `since`, newest first: successes and the failures
 * that count (refusals because of the lock are left out, so hammering a locked account cannot hide them).
 */
export async function listLockoutEventsOfAccount(db: TDb, accountKey: string, since: Date, limit: number) {
  return db
    .selectFrom('sign_in_attempt')
    .select(['created_at', 'succeeded', 'failure_reason'])
    .where('account_key', '=', accountKey)
    .where('created_at', '>', since)
    .where((eb) => eb.or([eb('succeeded', '=', true), eb('failure_reason', 'in', COUNTED_FAILURES)]))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

/** The failures from one address that count towards its lock, since `since`, newest first. */
export async function listLockoutEventsOfIp(db: TDb, ip: string, since: Date, limit: number) {
  return db
    .selectFrom('sign_in_attempt')
    .select(['created_at', 'succeeded', 'failure_reason'])
    .where('ip', '=', ip)
    .where('created_at', '>', since)
    .where('failure_reason', 'in', COUNTED_FAILURES)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

/** Every attempt on one account since `since`, newest first (data export). */
export async function listAttemptsOfAccount(db: TDb, accountKey: string, since: Date) {
  return db
    .selectFrom('sign_in_attempt')
    .select(['created_at', 'succeeded', 'failure_reason', 'ip', 'method'])
    .where('account_key', '=', accountKey)
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
}

/**
 * Serialises code requests for one phone number until the transaction ends, so two concurrent requests
 * cannot both pass the rate limit (on PostgreSQL; PGlite has one connection anyway).
 */
export async function lockPhoneForSms(trx: TDb, phone: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`kx-sms:${phone}`}))`.execute(trx)
}

/** When codes were sent to this number since `since`, newest first. */
export async function listSmsTimesOfPhone(db: TDb, phone: string, since: Date): Promise<Date[]> {
  const rows = await db
    .selectFrom('sms_code')
    .select('created_at')
    .where('phone', '=', phone)
    .where('created_at', '>', since)
    .orderBy('created_at', 'desc')
    .execute()
  return rows.map((r) => r.created_at)
}

/** When codes were requested from this address since `since`, newest first. */
export async function listSmsTimesOfIp(db: TDb, ip: string, since: Date): Promise<Date[]> {
  const rows = await db
    .selectFrom('sms_code')
    .select('created_at')
    .where('ip', '=', ip)
    .where('created_at', '>', since)
    .orderBy('created_at', 'desc')
    .execute()
  return rows.map((r) => r.created_at)
}

/** Stores a new code (its digest only). */
export async function insertSmsCode(
  db: TDb,
  row: { phone: string; purpose: string; code_hash: string; ip: string; created_at: Date; expires_at: Date },
): Promise<void> {
  await db.insertInto('sms_code').values(row).execute()
}

/** The newest code for this number and purpose (only the newest counts), locked for the check. */
export async function findLatestSmsCodeForUpdate(db: TDb, phone: string, purpose: string) {
  return db
    .selectFrom('sms_code')
    .select(['id', 'code_hash', 'attempts', 'expires_at', 'consumed_at'])
    .where('phone', '=', phone)
    .where('purpose', '=', purpose)
    .orderBy('created_at', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst()
}

/** Counts one wrong entry of a code. */
export async function incrementSmsCodeAttempts(db: TDb, codeId: string): Promise<void> {
  await db
    .updateTable('sms_code')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', codeId)
    .execute()
}

/** Uses a code up; false when it was already used (a concurrent request won). */
export async function consumeSmsCode(db: TDb, codeId: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('sms_code')
    .set({ consumed_at: at })
    .where('id', '=', codeId)
    .where('consumed_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** The newest messages of the development SMS gateway. */
export async function listDevSms(db: TDb, limit: number) {
  return db
    .selectFrom('dev_sms_outbox')
    .select(['id', 'phone', 'body', 'created_at'])
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}
