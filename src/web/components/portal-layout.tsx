import { Suspense, useEffect } from 'react'
import { Layout, Skeleton } from 'antd'
import { Outlet, useLocation } from 'react-router'
import { SiteFooter } from './site-footer.tsx'
import { SiteHeader } from './site-header.tsx'

function ScrollToTopOnNavigate() {
  const { pathname } = useLocation()
  useEffect(() => {
    window.scrollTo(0, 0)
  }, [pathname])
  return null
}

/**
 * The portal frame: sticky header with navigation, the routed page, and the footer.
 * Pages are lazy chunks, so the outlet shows a skeleton while one loads.
 * @returns the layout element
 */
export function PortalLayout() {
  return (
    <Layout className="kx-layout">
      <ScrollToTopOnNavigate />
      <SiteHeader />
      <Layout.Content>
        <main className="kx-content">
          <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
            <Outlet />
          </Suspense>
        </main>
      </Layout.Content>
      <SiteFooter />
    </Layout>
  )
}
