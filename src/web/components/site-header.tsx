import { useState } from 'react'
import { Button, Drawer, Grid, Layout, Menu, type MenuProps } from 'antd'
import { LoginOutlined, MenuOutlined } from '@ant-design/icons'
import { Link, useLocation, useNavigate } from 'react-router'
import { useT } from '../i18n/use-t.ts'
import { findActiveNavPath, LOGIN_PATH, NAV_ITEMS } from '../nav-items.ts'
import { LangSwitch } from './lang-switch.tsx'

/**
 * Portal header: brand, main navigation, sign-in entry and language switch. From the `lg`
 * breakpoint the navigation is a horizontal menu; below it collapses into a drawer behind a menu
 * button, so a 375 px phone never scrolls sideways.
 * @returns the header element
 */
export function SiteHeader() {
  const t = useT()
  const { pathname } = useLocation()
  const navigate = useNavigate()
  const screens = Grid.useBreakpoint()
  const [isDrawerOpen, setDrawerOpen] = useState(false)
  // useBreakpoint is empty on the first render, so phones (and unknown widths) start collapsed.
  const isWide = screens.lg === true
  const activePath = findActiveNavPath(pathname)
  const selectedKeys = activePath ? [activePath] : []

  const navItems: MenuProps['items'] = NAV_ITEMS.map((item) => ({
    key: item.path,
    label: <Link to={item.path}>{t(item.labelKey)}</Link>,
  }))
  const drawerItems: MenuProps['items'] = [
    ...navItems,
    { type: 'divider' },
    { key: LOGIN_PATH, icon: <LoginOutlined />, label: <Link to={LOGIN_PATH}>{t('nav.login')}</Link> },
  ]

  return (
    <Layout.Header className="kx-header">
      <Link to="/" className="kx-brand" aria-label={t('app.documentTitle')}>
        <span className="kx-brand-name">{t('app.name')}</span>
        <span className="kx-brand-sub">{t('app.subtitle')}</span>
      </Link>
      {isWide && (
        <Menu
          className="kx-nav"
          mode="horizontal"
          aria-label={t('nav.mainLabel')}
          selectedKeys={selectedKeys}
          items={navItems}
        />
      )}
      <div className="kx-header-actions">
        {isWide && (
          <Button type="primary" icon={<LoginOutlined />} onClick={() => navigate(LOGIN_PATH)}>
            {t('nav.login')}
          </Button>
        )}
        <LangSwitch />
        {!isWide && (
          <Button
            data-testid="nav-menu-button"
            aria-label={t('nav.menu')}
            icon={<MenuOutlined />}
            onClick={() => setDrawerOpen(true)}
          />
        )}
      </div>
      <Drawer
        title={t('app.name')}
        placement="right"
        size={280}
        open={isDrawerOpen && !isWide}
        onClose={() => setDrawerOpen(false)}
        styles={{ body: { padding: 0 } }}
      >
        <Menu
          mode="vertical"
          aria-label={t('nav.mainLabel')}
          selectedKeys={selectedKeys}
          items={drawerItems}
          onClick={() => setDrawerOpen(false)}
          style={{ borderInlineEnd: 'none' }}
        />
      </Drawer>
    </Layout.Header>
  )
}
