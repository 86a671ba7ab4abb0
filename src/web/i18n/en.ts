import { enBooking } from './en/booking.ts'
import { enAccount } from './en/account.ts'
import { enCatalogImport } from './en/catalog-import.ts'
import { enCatalog } from './en/catalog.ts'
import { enLegal } from './en/legal.ts'
import { enOrg } from './en/org.ts'
import { enPortal } from './en/portal.ts'
import { enSearch } from './en/search.ts'
import type { TMessageKey } from './zh-CN.ts'

/** English catalogue: the same keys as zh-CN, part by part (each part is typed over its zh-CN part). */
export const en: Record<TMessageKey, string> = {
  ...enPortal,
  ...enAccount,
  ...enOrg,
  ...enLegal,
  ...enSearch,
  ...enCatalog,
  ...enCatalogImport,
  ...enBooking,
}
