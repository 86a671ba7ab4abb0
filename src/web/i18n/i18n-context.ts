import { createContext } from 'react'
import type { TMessageKey } from './zh-CN.ts'
import type { TLang, TMessageVars } from './lang.ts'

/** Translates a message key in the current language. */
export type TTranslate = (key: TMessageKey, vars?: TMessageVars) => string

export type TI18nContextValue = {
  lang: TLang
  setLang: (lang: TLang) => void
  t: TTranslate
}

/** Holds the current language; provided by `I18nProvider`, read through `useT` / `useLang`. */
export const I18nContext = createContext<TI18nContextValue | null>(null)
