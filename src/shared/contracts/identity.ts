import { z } from 'zod'

/**
 * Accounts, sessions and sign-in (issue 3). Field errors of sign-up and the account pages come back like
 * validation errors: `{ error: { code, message, details: { issues: [{ path: 'body.password', message }] } } }`.
 */

/** Every role (mirrors ROLES in src/server/context.ts; the server checks at compile time that they agree). */
export const USER_ROLES = [
  'member',
  'org_admin',
  'resource_manager',
  'instrument_manager',
  'expert',
  'node_operator',
  'node_admin',
  'platform_admin',
  'gov_manager',
  'auditor',
  'security_admin',
  'system_admin',
] as const
export const ZUserRole = z.enum(USER_ROLES)

/** A mainland mobile number, 11 digits, no +86. */
export const ZPhone = z.string().regex(/^1[3-9]\d{9}$/)
export const ZSmsCode = z.string().regex(/^\d{6}$/)
/** Any password up to 128 characters; the strength rules answer as field errors of `body.password`. */
export const ZPassword = z.string().min(1).max(128)

export const SMS_PURPOSES = ['sign_in', 'sign_up', 'reset_password'] as const

/** POST /api/auth/sms-codes → 202, the same answer whether or not the number has an account. */
export const ZRequestSmsCodeRequest = z.object({ phone: ZPhone, purpose: z.enum(SMS_PURPOSES) })
export type TRequestSmsCodeRequest = z.infer<typeof ZRequestSmsCodeRequest>
export const ZRequestSmsCodeResponse = z.object({
  /** The UI's resend countdown. */
  resendAfterSeconds: z.number().int(),
  expiresInSeconds: z.number().int(),
})
export type TRequestSmsCodeResponse = z.infer<typeof ZRequestSmsCodeResponse>

/** POST /api/auth/sign-up → 201 (signed in). `acceptPrivacy` must be true and `privacyVersion` the current one. */
export const ZSignUpRequest = z.object({
  phone: ZPhone,
  smsCode: ZSmsCode,
  password: ZPassword,
  displayName: z.string().trim().min(1).max(50),
  acceptPrivacy: z.boolean(),
  privacyVersion: z.string().min(1).max(40),
})
export type TSignUpRequest = z.infer<typeof ZSignUpRequest>

/** POST /api/auth/sign-in: 账号密码登录 or 短信验证码登录. */
export const ZSignInRequest = z.discriminatedUnion('method', [
  z.object({ method: z.literal('password'), phone: ZPhone, password: ZPassword }),
  z.object({ method: z.literal('sms'), phone: ZPhone, smsCode: ZSmsCode }),
])
export type TSignInRequest = z.infer<typeof ZSignInRequest>

/** POST /api/auth/reset-password (忘记密码) → 204; every session of the account ends. */
export const ZResetPasswordRequest = z.object({ phone: ZPhone, smsCode: ZSmsCode, newPassword: ZPassword })
export type TResetPasswordRequest = z.infer<typeof ZResetPasswordRequest>

/**
 * Where the session stands with the second factor: 'none' (not needed), 'passed', 'required' (enter the
 * authenticator code: POST /api/auth/totp/verify), 'enrol' (set one up: /api/auth/totp/setup then /enable).
 */
export const ZSecondFactorState = z.enum(['none', 'passed', 'required', 'enrol'])
export type TSecondFactorState = z.infer<typeof ZSecondFactorState>

/** One role of mine, with the names of its scope. */
export const ZMyRole = z.object({
  role: ZUserRole,
  orgId: z.uuid().nullable(),
  orgName: z.string().nullable(),
  nodeId: z.uuid().nullable(),
  nodeName: z.string().nullable(),
})

/** GET /api/me — the signed-in person (also the `user` of sign-in and sign-up). */
export const ZMe = z.object({
  id: z.uuid(),
  displayName: z.string(),
  /** 138****5678 */
  phoneMasked: z.string().nullable(),
  roles: z.array(ZMyRole),
  currentOrgId: z.uuid().nullable(),
  organisations: z.array(z.object({ id: z.uuid(), name: z.string() })),
  secondFactor: ZSecondFactorState,
  totpEnabled: z.boolean(),
})
export type TMe = z.infer<typeof ZMe>

/** Answer of sign-in and sign-up; `secondFactor` says whether the next page is the authenticator step. */
export const ZSignInResponse = z.object({
  user: ZMe,
  secondFactor: z.enum(['none', 'required', 'enrol']),
})
export type TSignInResponse = z.infer<typeof ZSignInResponse>

/** POST /api/auth/totp/setup: the secret to add to an authenticator app (QR code of `otpauthUri`). */
export const ZTotpSetupResponse = z.object({ secret: z.string(), otpauthUri: z.string() })
export type TTotpSetupResponse = z.infer<typeof ZTotpSetupResponse>

/** POST /api/auth/totp/enable and /verify. */
export const ZTotpCodeRequest = z.object({ code: ZSmsCode })
export type TTotpCodeRequest = z.infer<typeof ZTotpCodeRequest>

/** PUT /api/me/current-org → 200 ZMe (切换单位). */
export const ZSetCurrentOrgRequest = z.object({ orgId: z.uuid() })
export type TSetCurrentOrgRequest = z.infer<typeof ZSetCurrentOrgRequest>

/** POST /api/me/close → 204 (注销账号, PIPL Art. 47); the password confirms it. */
export const ZCloseAccountRequest = z.object({ password: ZPassword })
export type TCloseAccountRequest = z.infer<typeof ZCloseAccountRequest>

/** GET /api/me/export — a JSON download of everything the platform keeps about me (PIPL Art. 45). */
export const ZMyDataExport = z.object({
  exportedAt: z.string(),
  profile: z.object({
    id: z.uuid(),
    displayName: z.string(),
    /** In full: this file goes only to its owner. */
    phone: z.string().nullable(),
    email: z.string().nullable(),
    status: z.string(),
    createdAt: z.string(),
    lastSignInAt: z.string().nullable(),
    passwordChangedAt: z.string().nullable(),
    totpEnabledAt: z.string().nullable(),
  }),
  consent: z.object({ privacyVersion: z.string().nullable(), consentedAt: z.string().nullable() }),
  roles: z.array(ZMyRole.extend({ grantedAt: z.string() })),
  sessions: z.array(
    z.object({
      id: z.uuid(),
      ip: z.string(),
      userAgent: z.string(),
      createdAt: z.string(),
      lastSeenAt: z.string(),
      expiresAt: z.string(),
      revokedAt: z.string().nullable(),
      revokedReason: z.string().nullable(),
      isCurrent: z.boolean(),
    }),
  ),
  signInAttempts: z.array(
    z.object({
      at: z.string(),
      ip: z.string(),
      method: z.string(),
      succeeded: z.boolean(),
      failureReason: z.string().nullable(),
    }),
  ),
})
export type TMyDataExport = z.infer<typeof ZMyDataExport>

/** GET /api/auth/options — what the sign-in and sign-up pages need to know. */
export const ZAuthOptionsResponse = z.object({
  privacyVersion: z.string(),
  passwordMinLength: z.number().int(),
  smsResendSeconds: z.number().int(),
  /** True when SMS are not really sent and GET /api/dev/sms shows them (development only). */
  hasDevSmsInbox: z.boolean(),
})
export type TAuthOptionsResponse = z.infer<typeof ZAuthOptionsResponse>

/** GET /api/dev/sms — the development gateway's outbox, newest first (never in production). */
export const ZDevSmsResponse = z.object({
  items: z.array(z.object({ id: z.number().int(), phone: z.string(), body: z.string(), createdAt: z.string() })),
})
export type TDevSmsResponse = z.infer<typeof ZDevSmsResponse>
