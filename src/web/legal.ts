/**
 * Versions of the texts people accept. The server refuses a sign-up that accepted another privacy version
 * (identity config `privacyVersion`, default '2026-11-01'); change both together with the text in the
 * catalogues (`legal.terms.*`, `legal.privacy.*`). The joining agreement's version is recorded with the unit.
 */
export const PRIVACY_VERSION = '2026-11-01'
export const JOIN_AGREEMENT_VERSION = '2026-11-01'

/** The short legal pages: 用户协议, 隐私政策, 加盟协议. */
export const LEGAL_DOCS = ['terms', 'privacy', 'join-agreement'] as const
export type TLegalDoc = (typeof LEGAL_DOCS)[number]
