import { enAccount } from './en/account.ts'
import { enLegal } from './en/legal.ts'
import { enPortal } from './en/portal.ts'
import type { TMessageKey } from './zh-CN.ts'

/** English catalogue: the same keys as zh-CN, part by part (each part is typed over its zh-CN part). */
export const en: Record<TMessageKey, string> = { ...enPortal, ...enAccount, ...enLegal }
