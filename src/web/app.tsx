import { useState, type ReactNode } from 'react'
import { App as AntdApp, ConfigProvider, type ThemeConfig } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import { QueryClientProvider } from '@tanstack/react-query'
import { BrowserRouter } from 'react-router'
import { I18nProvider } from './i18n/i18n-provider.tsx'
import { useLang } from './i18n/use-t.ts'
import { createQueryClient } from './query-client.ts'
import { AppRoutes } from './routes.tsx'

const THEME: ThemeConfig = {
  token: { colorPrimary: '#1f5fbf', borderRadius: 8 },
  components: {
    Layout: {
      headerBg: '#ffffff',
      headerPadding: '0 16px',
      headerHeight: 64,
      footerBg: '#f0f2f5',
      footerPadding: '24px 16px',
      bodyBg: '#f5f7fa',
    },
  },
}

// antd would render two-character labels such as 中文 as "中 文", changing the text users and tests see.
const BUTTON_CONFIG = { autoInsertSpace: false }

function LocalisedAntd({ children }: { children: ReactNode }) {
  const { lang } = useLang()
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={THEME} button={BUTTON_CONFIG}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  )
}

/**
 * The web app: language, antd locale and theme, data fetching and routing, in that order so that
 * every page can translate, fetch and link.
 * @returns the root element
 */
export function App() {
  const [queryClient] = useState(createQueryClient)
  return (
    <I18nProvider>
      <LocalisedAntd>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </QueryClientProvider>
      </LocalisedAntd>
    </I18nProvider>
  )
}
