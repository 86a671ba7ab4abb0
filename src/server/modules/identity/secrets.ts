import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'

/**
 * The secrets of the identity module and how they are kept: session tokens and SMS codes are random and
 * stored only as SHA-256 digests; passwords as argon2id hashes (@node-rs/argon2 defaults: m=19 MiB, t=2).
 */

/** A new session token: 32 random bytes, base64url (43 characters), for the cookie only. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url')
}

/** SHA-256 hex of a session token: what user_session.token_hash holds. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** A new one-time SMS code: 6 digits from the CSPRNG, leading zeros kept. */
export function newSmsCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0')
}

/** Digest of an SMS code, bound to its number and purpose so a digest is useless for any other. */
export function hashSmsCode(code: string, phone: string, purpose: string): string {
  return createHash('sha256').update(`${phone}:${purpose}:${code}`, 'utf8').digest('hex')
}

/** Constant-time equality of two hex digests. */
export function isSameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex')
  const right = Buffer.from(b, 'hex')
  return left.length === right.length && timingSafeEqual(left, right)
}

/** argon2id hash of a password (PHC string). */
export function hashPassword(password: string): Promise<string> {
  return hash(password)
}

// Verified against when the account does not exist, so an unknown phone costs the same time as a wrong password.
const DUMMY_HASH = hash('kexiang-no-such-account')

/**
 * True when `password` matches `passwordHash`. With no hash (unknown account, or an account without a
 * password) it still spends one verification and returns false, so timing does not reveal the difference.
 */
export async function isPasswordCorrect(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    await verify(await DUMMY_HASH, password)
    return false
  }
  return verify(passwordHash, password)
}
