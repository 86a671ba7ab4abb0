import { zhCNAccount } from './zh-CN/account.ts'
import { zhCNLegal } from './zh-CN/legal.ts'
import { zhCNPortal } from './zh-CN/portal.ts'

/**
 * Simplified Chinese catalogue — the default language and the source of truth for message keys, in three
 * parts (portal, account, legal). Placeholders are written `{name}` and filled by `t(key, { name })`.
 */
export const zhCN = { ...zhCNPortal, ...zhCNAccount, ...zhCNLegal }

/** Every message key; `en.ts` must provide each of them. */
export type TMessageKey = keyof typeof zhCN
