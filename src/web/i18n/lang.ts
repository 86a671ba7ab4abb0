import { en } from './en.ts'
import { zhCN, type TMessageKey } from './zh-CN.ts'

/** Languages the portal speaks; zh-CN is the default. */
export type TLang = 'zh-CN' | 'en'

/** Values a message placeholder `{name}` can be filled with. */
export type TMessageVars = Record<string, string | number>

/** localStorage key that remembers the visitor's language choice. */
export const LANG_STORAGE_KEY = 'kx.lang'

const CATALOGUES: Record<TLang, Record<TMessageKey, string>> = { 'zh-CN': zhCN, en }

/**
 * Reads the remembered language. Anything other than 'en' means the default, zh-CN, so a corrupt
 * or missing value never breaks the page.
 * @returns the language to start with
 */
export function readStoredLang(): TLang {
  try {
    return window.localStorage.getItem(LANG_STORAGE_KEY) === 'en' ? 'en' : 'zh-CN'
  } catch {
    // Storage can be disabled (private mode, sandboxed iframes): fall back to the default.
    return 'zh-CN'
  }
}

/**
 * Remembers the language choice for the next visit.
 * @param lang the language the visitor picked
 */
export function storeLang(lang: TLang): void {
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang)
  } catch {
    // Not remembering is acceptable: the choice still applies to this visit.
  }
}

/**
 * Tells whether a string is a known message key, for labels chosen from data (attribute names,
 * status values) that may or may not have a catalogue entry.
 * @param key a candidate key
 * @returns true when the catalogues define it
 */
export function isMessageKey(key: string): key is TMessageKey {
  return Object.hasOwn(zhCN, key)
}

/**
 * Looks a message up and fills its `{name}` placeholders.
 * @param lang the language to use
 * @param key the message key
 * @param vars placeholder values; unknown placeholders are left as written
 * @returns the translated text
 */
export function translate(lang: TLang, key: TMessageKey, vars?: TMessageVars): string {
  const text = CATALOGUES[lang][key]
  if (!vars) return text
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name]
    return value === undefined ? whole : String(value)
  })
}
