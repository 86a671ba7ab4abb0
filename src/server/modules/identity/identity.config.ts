// STUB — being replaced.
export type TIdentityConfig = { cookieSecure: boolean }
export const DEFAULT_IDENTITY_CONFIG: TIdentityConfig = { cookieSecure: false }
