import { Button } from 'antd'
import { useLang, useT } from '../i18n/use-t.ts'

/**
 * Toggles between Chinese and English. Shows the language it switches to: "EN" in Chinese mode,
 * "中文" in English mode.
 * @returns the switch button
 */
export function LangSwitch() {
  const { lang, setLang } = useLang()
  const t = useT()
  return (
    <Button
      data-testid="lang-switch"
      title={t('lang.switchLabel')}
      lang={lang === 'zh-CN' ? 'en' : 'zh-CN'}
      onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')}
    >
      {t('lang.switch')}
    </Button>
  )
}
