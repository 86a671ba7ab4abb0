import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { I18nContext, type TI18nContextValue } from './i18n-context.ts'
import { readStoredLang, storeLang, translate, type TLang } from './lang.ts'

const DAYJS_LOCALES: Record<TLang, string> = { 'zh-CN': 'zh-cn', en: 'en' }

type TI18nProviderProps = { children: ReactNode }

/**
 * Owns the portal language: starts from the remembered choice (default zh-CN), remembers changes
 * in localStorage, and keeps `<html lang>`, the document title and the dayjs locale in step.
 * @returns the provider wrapping the app
 */
export function I18nProvider({ children }: TI18nProviderProps) {
  const [lang, setLangState] = useState<TLang>(readStoredLang)

  const setLang = useCallback((next: TLang) => {
    storeLang(next)
    setLangState(next)
  }, [])

  useEffect(() => {
    document.documentElement.lang = lang
    document.title = translate(lang, 'app.documentTitle')
    dayjs.locale(DAYJS_LOCALES[lang])
  }, [lang])

  const value = useMemo<TI18nContextValue>(
    () => ({ lang, setLang, t: (key, vars) => translate(lang, key, vars) }),
    [lang, setLang],
  )

  return <I18nContext value={value}>{children}</I18nContext>
}
