import { App, Badge, Button, Dropdown, type MenuProps } from 'antd'
import {
  AuditOutlined,
  BankOutlined,
  CheckOutlined,
  ClusterOutlined,
  DatabaseOutlined,
  FileDoneOutlined,
  LogoutOutlined,
  MailOutlined,
  SafetyOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons'
import { useNavigate } from 'react-router'
import type { TMe } from '../../shared/contracts/identity.ts'
import { useT } from '../i18n/use-t.ts'
import { withNext } from '../lib/next-path.ts'
import { LOGIN_PATH } from '../nav-items.ts'
import { hasAnyRole, hasRole, isSecondFactorPending, managedOrgId, NODE_CONSOLE_ROLES } from '../lib/roles.ts'
import { useUnreadCount } from '../queries/notifications.ts'
import { providerOrgs, reviewerNodes } from './catalog/catalog-roles.ts'
import { pathAfterSignIn, useSetCurrentOrg, useSignOut } from '../queries/session.ts'
import { describeError } from './query-state.tsx'

type TMenuItems = NonNullable<MenuProps['items']>

const NAV_PREFIX = 'nav:'
const ORG_PREFIX = 'org:'
const SIGN_OUT_KEY = 'sign-out'

function orgItems(me: TMe, t: ReturnType<typeof useT>): TMenuItems {
  const current = me.organisations.find((org) => org.id === me.currentOrgId)
  return [
    {
      key: 'orgs',
      icon: <BankOutlined />,
      label: current ? t('user.myOrgsCurrent', { name: current.name }) : t('user.myOrgs'),
      children: [
        ...me.organisations.map((org) => ({
          key: `${ORG_PREFIX}${org.id}`,
          icon: org.id === me.currentOrgId ? <CheckOutlined /> : undefined,
          label: org.name,
        })),
        ...(me.organisations.length > 0 ? [{ type: 'divider' as const }] : []),
        { key: `${NAV_PREFIX}/me#join`, label: t('user.joinOrRegisterOrg') },
      ],
    },
  ]
}

/**
 * The signed-in person's menu and what its entries do: 个人中心, 我的单位 (switch the current one),
 * 消息 with the unread count, the consoles their roles open (单位管理, 资源管理, 节点管理, 资源审核, 审计), 退出登录. The same items serve the header
 * dropdown (wide screens) and the navigation drawer (phones).
 * @param me the signed-in person
 * @returns menu items, the click handler and the unread count
 */
export function useUserMenu(me: TMe) {
  const t = useT()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const isPending = isSecondFactorPending(me)
  const unread = useUnreadCount(!isPending)
  const unreadCount = unread.data?.unreadCount ?? 0
  const signOut = useSignOut()
  const setCurrentOrg = useSetCurrentOrg()

  const items: TMenuItems = isPending
    ? [
        {
          key: `${NAV_PREFIX}${pathAfterSignIn(me, '/')}`,
          icon: <SafetyOutlined />,
          label: t('user.finishSecondFactor'),
        },
      ]
    : [
        { key: `${NAV_PREFIX}/me`, icon: <UserOutlined />, label: t('user.profile') },
        ...orgItems(me, t),
        {
          key: `${NAV_PREFIX}/inbox`,
          icon: <MailOutlined />,
          label: (
            <span className="kx-menu-badge">
              {t('user.inbox')}
              <Badge count={unreadCount} size="small" data-testid="inbox-badge" />
            </span>
          ),
        },
        ...consoleItems(me, t),
      ]
  items.push({ type: 'divider' }, { key: SIGN_OUT_KEY, icon: <LogoutOutlined />, label: t('user.signOut') })

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === SIGN_OUT_KEY) {
      signOut.mutate({ isEverywhere: false }, { onSuccess: () => navigate('/') })
    } else if (key.startsWith(ORG_PREFIX)) {
      setCurrentOrg.mutate(key.slice(ORG_PREFIX.length), {
        onSuccess: (next) => {
          const name = next.organisations.find((org) => org.id === next.currentOrgId)?.name ?? ''
          void message.success(t('user.orgSwitched', { name }))
        },
        onError: (error) => void message.error(describeError(error, t)),
      })
    } else if (key.startsWith(NAV_PREFIX)) {
      navigate(key.slice(NAV_PREFIX.length))
    }
  }
  return { items, onClick, unreadCount }
}

function consoleItems(me: TMe, t: ReturnType<typeof useT>): TMenuItems {
  const items: TMenuItems = []
  const orgId = managedOrgId(me)
  if (orgId) items.push({ key: `${NAV_PREFIX}/orgs/${orgId}`, icon: <TeamOutlined />, label: t('user.orgConsole') })
  // 资源管理 opens the first unit whose resources the person writes (the current one first).
  const providerOrg = providerOrgs(me)[0]
  if (providerOrg) {
    const path = `/console/resources?orgId=${providerOrg.id}`
    items.push({ key: `${NAV_PREFIX}${path}`, icon: <DatabaseOutlined />, label: t('cat.menu.resources') })
  }
  if (hasAnyRole(me, NODE_CONSOLE_ROLES)) {
    items.push({ key: `${NAV_PREFIX}/console/nodes`, icon: <ClusterOutlined />, label: t('user.nodeConsole') })
  }
  const reviewNode = reviewerNodes(me)[0]
  if (reviewNode) {
    const path = `/console/reviews?nodeId=${reviewNode.id}`
    items.push({ key: `${NAV_PREFIX}${path}`, icon: <FileDoneOutlined />, label: t('cat.menu.reviews') })
  }
  if (hasRole(me, 'auditor')) {
    items.push({ key: `${NAV_PREFIX}/console/audit`, icon: <AuditOutlined />, label: t('user.auditConsole') })
  }
  return items
}

/**
 * The header's person button (wide screens): name with the unread badge, opening the menu.
 * @returns the dropdown button
 */
export function UserMenuButton({ me }: { me: TMe }) {
  const { items, onClick, unreadCount } = useUserMenu(me)
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button data-testid="user-menu" icon={<UserOutlined />} className="kx-user-button">
        <span className="kx-user-name">{me.displayName}</span>
        <Badge count={unreadCount} size="small" />
      </Button>
    </Dropdown>
  )
}

/** Where 登录 sends a visitor: the sign-in page, then back here. */
export function loginPathFrom(pathname: string, search: string): string {
  return withNext(LOGIN_PATH, `${pathname}${search}`)
}
