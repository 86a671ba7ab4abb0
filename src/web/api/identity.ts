import type {
  TAuthOptionsResponse,
  TCloseAccountRequest,
  TDevSmsResponse,
  TMe,
  TRequestSmsCodeRequest,
  TRequestSmsCodeResponse,
  TResetPasswordRequest,
  TSignInRequest,
  TSignInResponse,
  TSignUpRequest,
  TTotpSetupResponse,
} from '../../shared/contracts/identity.ts'
import { ApiError, apiGet, apiSend, type TRequestOptions } from '../api-client.ts'

/**
 * The signed-in person, or null when nobody is signed in (no cookie, or the session ended).
 * @returns GET /api/me
 * @throws ApiError for anything but UNAUTHENTICATED
 */
export async function findMe(options: TRequestOptions): Promise<TMe | null> {
  try {
    return await apiGet<TMe>('/api/me', options)
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null
    throw error
  }
}

/** @returns GET /api/auth/options: privacy version, password length, SMS resend interval, dev inbox */
export function getAuthOptions(options: TRequestOptions): Promise<TAuthOptionsResponse> {
  return apiGet('/api/auth/options', options)
}

/**
 * Sends a one-time code by SMS (the answer is the same whether or not the number has an account).
 * @returns POST /api/auth/sms-codes (202)
 * @throws ApiError RATE_LIMITED with `details.retryAfterSeconds`, VALIDATION
 */
export function requestSmsCode(
  input: TRequestSmsCodeRequest,
  options: TRequestOptions,
): Promise<TRequestSmsCodeResponse> {
  return apiSend('POST', '/api/auth/sms-codes', input, options)
}

/** @returns POST /api/auth/sign-in (sets the session cookie) */
export function signIn(input: TSignInRequest, options: TRequestOptions): Promise<TSignInResponse> {
  return apiSend('POST', '/api/auth/sign-in', input, options)
}

/** @returns POST /api/auth/sign-up (201, signed in) */
export function signUp(input: TSignUpRequest, options: TRequestOptions): Promise<TSignInResponse> {
  return apiSend('POST', '/api/auth/sign-up', input, options)
}

/** 忘记密码: a new password with an SMS code; every session of the account ends. POST /api/auth/reset-password */
export function resetPassword(input: TResetPasswordRequest, options: TRequestOptions): Promise<void> {
  return apiSend('POST', '/api/auth/reset-password', input, options)
}

/** Ends this session. POST /api/auth/sign-out */
export function signOut(options: TRequestOptions): Promise<void> {
  return apiSend('POST', '/api/auth/sign-out', undefined, options)
}

/** Ends every session of mine, on every device. POST /api/auth/sign-out-all */
export function signOutEverywhere(options: TRequestOptions): Promise<void> {
  return apiSend('POST', '/api/auth/sign-out-all', undefined, options)
}

/** @returns POST /api/auth/totp/setup: a new secret, not enabled until a code confirms it */
export function setupTotp(options: TRequestOptions): Promise<TTotpSetupResponse> {
  return apiSend('POST', '/api/auth/totp/setup', undefined, options)
}

/** @returns POST /api/auth/totp/enable: the first code confirms the authenticator */
export function enableTotp(code: string, options: TRequestOptions): Promise<TMe> {
  return apiSend('POST', '/api/auth/totp/enable', { code }, options)
}

/** @returns POST /api/auth/totp/verify: the second factor of this session */
export function verifyTotp(code: string, options: TRequestOptions): Promise<TMe> {
  return apiSend('POST', '/api/auth/totp/verify', { code }, options)
}

/** @returns PUT /api/me/current-org (切换单位) */
export function setCurrentOrg(orgId: string, options: TRequestOptions): Promise<TMe> {
  return apiSend('PUT', '/api/me/current-org', { orgId }, options)
}

/** 注销账号, confirmed by the password. POST /api/me/close */
export function closeAccount(input: TCloseAccountRequest, options: TRequestOptions): Promise<void> {
  return apiSend('POST', '/api/me/close', input, options)
}

/** The download address of 导出我的数据 (the server names the file). */
export const MY_DATA_EXPORT_URL = '/api/me/export'

/**
 * The development SMS gateway's outbox, or null when the server does not offer it (production).
 * @returns GET /api/dev/sms
 */
export async function findDevSms(options: TRequestOptions): Promise<TDevSmsResponse | null> {
  try {
    return await apiGet<TDevSmsResponse>('/api/dev/sms', options)
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null
    throw error
  }
}
