import { useState, type ReactNode } from 'react'
import { Badge, Button, Drawer, Grid, Layout, Menu, type MenuProps } from 'antd'
import { LoginOutlined, MenuOutlined, SearchOutlined } from '@ant-design/icons'
import { Link, useLocation, useNavigate } from 'react-router'
import type { TMe } from '../../shared/contracts/identity.ts'
import { useT } from '../i18n/use-t.ts'
import { findActiveNavPath, LOGIN_PATH, NAV_ITEMS } from '../nav-items.ts'
import { isSecondFactorPending } from '../lib/roles.ts'
import { useUnreadCount } from '../queries/notifications.ts'
import { useMe } from '../queries/session.ts'
import { LangSwitch } from './lang-switch.tsx'
import { loginPathFrom, UserMenuButton, useUserMenu } from './user-menu.tsx'

type TDrawerProps = {
  isOpen: boolean
  onClose: () => void
  navItems: NonNullable<MenuProps['items']>
  selectedKeys: string[]
  loginPath: string
}

function NavDrawer({ isOpen, onClose, children }: { isOpen: boolean; onClose: () => void; children: ReactNode }) {
  const t = useT()
  return (
    <Drawer
      title={t('app.name')}
      placement="right"
      size={280}
      open={isOpen}
      onClose={onClose}
      styles={{ body: { padding: 0 } }}
    >
      {children}
    </Drawer>
  )
}

function GuestDrawer({ isOpen, onClose, navItems, selectedKeys, loginPath }: TDrawerProps) {
  const t = useT()
  const items: MenuProps['items'] = [
    ...navItems,
    { type: 'divider' },
    { key: LOGIN_PATH, icon: <LoginOutlined />, label: <Link to={loginPath}>{t('nav.login')}</Link> },
  ]
  return (
    <NavDrawer isOpen={isOpen} onClose={onClose}>
      <Menu
        mode="inline"
        aria-label={t('nav.mainLabel')}
        selectedKeys={selectedKeys}
        items={items}
        onClick={onClose}
        style={{ borderInlineEnd: 'none' }}
      />
    </NavDrawer>
  )
}

function MemberDrawer({ me, isOpen, onClose, navItems, selectedKeys }: TDrawerProps & { me: TMe }) {
  const t = useT()
  const userMenu = useUserMenu(me)
  const items: MenuProps['items'] = [
    ...navItems,
    { type: 'divider' },
    { type: 'group', key: 'me', label: me.displayName, children: userMenu.items },
  ]
  return (
    <NavDrawer isOpen={isOpen} onClose={onClose}>
      <Menu
        mode="inline"
        aria-label={t('nav.mainLabel')}
        selectedKeys={selectedKeys}
        items={items}
        onClick={(info) => {
          userMenu.onClick?.(info)
          onClose()
        }}
        style={{ borderInlineEnd: 'none' }}
        data-testid="drawer-menu"
      />
    </NavDrawer>
  )
}

/** The phone menu button, with a dot when there are unread messages. */
function MenuButton({ me, onOpen }: { me: TMe | null; onOpen: () => void }) {
  const t = useT()
  const button = (
    <Button data-testid="nav-menu-button" aria-label={t('nav.menu')} icon={<MenuOutlined />} onClick={onOpen} />
  )
  return me ? <MenuButtonWithBadge me={me} button={button} /> : button
}

function MenuButtonWithBadge({ me, button }: { me: TMe; button: ReactNode }) {
  const unread = useUnreadCount(!isSecondFactorPending(me))
  return <Badge dot={(unread.data?.unreadCount ?? 0) > 0}>{button}</Badge>
}

/**
 * Portal header: brand, main navigation, the person's menu (or 登录) and language switch. From the `lg`
 * breakpoint the navigation is a horizontal menu and the person's menu a dropdown; below it both go into
 * a drawer behind a menu button, so a 375 px phone never scrolls sideways.
 * @returns the header element
 */
export function SiteHeader() {
  const t = useT()
  const { pathname, search } = useLocation()
  const navigate = useNavigate()
  const screens = Grid.useBreakpoint()
  const me = useMe().data ?? null
  const [isDrawerOpen, setDrawerOpen] = useState(false)
  // useBreakpoint is empty on the first render, so phones (and unknown widths) start collapsed.
  const isWide = screens.lg === true
  const activePath = findActiveNavPath(pathname)
  const selectedKeys = activePath ? [activePath] : []
  const loginPath = loginPathFrom(pathname, search)

  const navItems: NonNullable<MenuProps['items']> = NAV_ITEMS.map((item) => ({
    key: item.path,
    label: <Link to={item.path}>{t(item.labelKey)}</Link>,
  }))
  const drawerProps: TDrawerProps = {
    isOpen: isDrawerOpen && !isWide,
    onClose: () => setDrawerOpen(false),
    navItems,
    selectedKeys,
    loginPath,
  }

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
        {isWide && me && <UserMenuButton me={me} />}
        {isWide && !me && (
          <Button
            type="primary"
            icon={<LoginOutlined />}
            onClick={() => navigate(loginPath)}
            data-testid="login-button"
          >
            {t('nav.login')}
          </Button>
        )}
        <Button
          icon={<SearchOutlined />}
          aria-label={t('search.headerButton')}
          title={t('search.headerButton')}
          onClick={() => navigate('/search')}
          data-testid="header-search"
        />
        <LangSwitch />
        {!isWide && <MenuButton me={me} onOpen={() => setDrawerOpen(true)} />}
      </div>
      {me ? <MemberDrawer me={me} {...drawerProps} /> : <GuestDrawer {...drawerProps} />}
    </Layout.Header>
  )
}
