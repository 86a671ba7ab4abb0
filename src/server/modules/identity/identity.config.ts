import type { TEnv } from '../../env.ts'

/**
 * Settings of accounts, sessions, lockout and SMS codes. The defaults follow MLPS level 3 assessment practice
 * (../shared/reference/standards-and-conventions.md §2.1 身份鉴别, §2.3): 5 failures in 15 min lock, 30 min idle
 * timeout (15 for admins), 12 h absolute lifetime, 6-digit SMS codes valid 5 min.
 */
export type TIdentityConfig = {
  /** Send the session cookie with `Secure` (HTTPS only); true in production. */
  cookieSecure: boolean
  /** Serve GET /api/dev/sms (the development SMS gateway's outbox). Never in production. */
  devInbox: boolean
  session: {
    /** A session unused for this long is over. */
    idleMinutes: number
    /** The same for users who hold a role that needs the second factor (MLPS practice: 15 min for admins). */
    adminIdleMinutes: number
    /** A session is over this long after sign-in, however active. */
    absoluteHours: number
    /** last_seen_at is written at most this often (seconds), so reads do not all become writes. */
    touchIntervalSeconds: number
  }
  lockout: {
    /** Failed sign-ins of one account (phone) in the window that lock it. */
    accountMaxFailures: number
    /** Failed sign-ins from one IP address in the window that lock the address. */
    ipMaxFailures: number
    /** The window, and so the longest a lock lasts. */
    windowMinutes: number
  }
  sms: {
    codeTtlMinutes: number
    /** Wrong entries after which a code is dead. */
    maxWrongTries: number
    /** Per phone: at most one code per this many seconds… */
    resendSeconds: number
    /** …this many per hour… */
    perPhonePerHour: number
    /** …and this many per day. */
    perPhonePerDay: number
    /** Per IP address: codes per hour (anti SMS-bombing). */
    perIpPerHour: number
  }
  /** Version of the privacy policy and user agreement that sign-up must accept (PIPL Art. 17, 29). */
  privacyVersion: string
  /** Issuer shown in authenticator apps. */
  totpIssuer: string
}

export const DEFAULT_IDENTITY_CONFIG: TIdentityConfig = {
  cookieSecure: false,
  devInbox: true,
  session: { idleMinutes: 30, adminIdleMinutes: 15, absoluteHours: 12, touchIntervalSeconds: 60 },
  lockout: { accountMaxFailures: 5, ipMaxFailures: 5, windowMinutes: 15 },
  sms: {
    codeTtlMinutes: 5,
    maxWrongTries: 5,
    resendSeconds: 60,
    perPhonePerHour: 5,
    perPhonePerDay: 10,
    perIpPerHour: 20,
  },
  privacyVersion: '2026-11-01',
  totpIssuer: '科享 Kexiang',
}

/**
 * The identity settings from the parsed environment: defaults, overridden by the identity variables that
 * are set. Production turns the dev SMS inbox off and the Secure cookie on (unless COOKIE_SECURE=0).
 * @param env the parsed environment (src/server/env.ts)
 */
export function identityConfigFromEnv(env: TEnv): TIdentityConfig {
  const d = DEFAULT_IDENTITY_CONFIG
  const isProduction = env.NODE_ENV === 'production'
  return {
    ...d,
    cookieSecure: env.COOKIE_SECURE === undefined ? isProduction : env.COOKIE_SECURE === '1',
    devInbox: !isProduction,
    session: {
      ...d.session,
      idleMinutes: env.SESSION_IDLE_MINUTES ?? d.session.idleMinutes,
      adminIdleMinutes: env.SESSION_ADMIN_IDLE_MINUTES ?? d.session.adminIdleMinutes,
      absoluteHours: env.SESSION_ABSOLUTE_HOURS ?? d.session.absoluteHours,
    },
    lockout: {
      accountMaxFailures: env.LOCKOUT_ACCOUNT_MAX_FAILURES ?? d.lockout.accountMaxFailures,
      ipMaxFailures: env.LOCKOUT_IP_MAX_FAILURES ?? d.lockout.ipMaxFailures,
      windowMinutes: env.LOCKOUT_WINDOW_MINUTES ?? d.lockout.windowMinutes,
    },
    privacyVersion: env.PRIVACY_VERSION ?? d.privacyVersion,
  }
}
