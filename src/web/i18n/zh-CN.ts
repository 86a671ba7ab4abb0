import { zhCNBooking } from './zh-CN/booking.ts'
import { zhCNAccount } from './zh-CN/account.ts'
import { zhCNCatalogImport } from './zh-CN/catalog-import.ts'
import { zhCNCatalog } from './zh-CN/catalog.ts'
import { zhCNLegal } from './zh-CN/legal.ts'
import { zhCNOrg } from './zh-CN/org.ts'
import { zhCNPortal } from './zh-CN/portal.ts'
import { zhCNSearch } from './zh-CN/search.ts'

/**
 * Simplified Chinese catalogue — the default language and the source of truth for message keys, in four
 * parts (portal, account, org, legal). Placeholders are written `{name}` and filled by `t(key, { name })`.
 */
export const zhCN = {
  ...zhCNPortal,
  ...zhCNAccount,
  ...zhCNOrg,
  ...zhCNLegal,
  ...zhCNSearch,
  ...zhCNCatalog,
  ...zhCNCatalogImport,
  ...zhCNBooking,
}

/** Every message key; `en.ts` must provide each of them. */
export type TMessageKey = keyof typeof zhCN
