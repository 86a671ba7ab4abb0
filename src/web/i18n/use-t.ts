import { useContext } from 'react'
import { I18nContext, type TI18nContextValue, type TTranslate } from './i18n-context.ts'

function useI18n(): TI18nContextValue {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useT/useLang must be used inside <I18nProvider>')
  return value
}

/**
 * Returns `t(key, vars?)` for the current language. Components re-render when the language changes.
 * @returns the translate function
 */
export function useT(): TTranslate {
  return useI18n().t
}

/**
 * Returns the current language and its setter, for the language switch and for locale-aware
 * formatting and API calls.
 * @returns `{ lang, setLang }`
 */
export function useLang(): Pick<TI18nContextValue, 'lang' | 'setLang'> {
  const { lang, setLang } = useI18n()
  return { lang, setLang }
}
