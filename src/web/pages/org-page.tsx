import { Button, Result, Space, Tabs, Typography } from 'antd'
import { FileSearchOutlined } from '@ant-design/icons'
import { Link, useLocation, useParams, useSearchParams } from 'react-router'
import type { TMe } from '../../shared/contracts/identity.ts'
import type { TOrganisationView } from '../../shared/contracts/organisations.ts'
import { JoinButton } from '../components/org/join-button.tsx'
import { OrgJoinRequests } from '../components/org/org-join-requests.tsx'
import { OrgMembers } from '../components/org/org-members.tsx'
import { OrgProfile } from '../components/org/org-profile.tsx'
import { OrgResources } from '../components/org/org-resources.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { isNotFoundError, QueryError, QueryLoading } from '../components/query-state.tsx'
import { useT } from '../i18n/use-t.ts'
import { withNext } from '../lib/next-path.ts'
import { isOrgAdmin, isSecondFactorPending } from '../lib/roles.ts'
import { LOGIN_PATH } from '../nav-items.ts'
import { useOrganisation } from '../queries/organisations.ts'
import { useMe, useSetCurrentOrg } from '../queries/session.ts'

type TTab = 'members' | 'requests'

function OrgActions({ org, me }: { org: TOrganisationView; me: TMe | null }) {
  const t = useT()
  const { pathname } = useLocation()
  const setCurrentOrg = useSetCurrentOrg()
  if (!me || isSecondFactorPending(me)) {
    if (org.status !== 'approved') return null
    return <Link to={withNext(LOGIN_PATH, pathname)}>{t('org.signInToJoin')}</Link>
  }
  const isMine = me.organisations.some((o) => o.id === org.id)
  if (!isMine) return org.status === 'approved' ? <JoinButton org={org} /> : null
  if (me.currentOrgId === org.id) return <Typography.Text type="secondary">{t('org.isCurrent')}</Typography.Text>
  return (
    <Button loading={setCurrentOrg.isPending} onClick={() => setCurrentOrg.mutate(org.id)}>
      {t('me.makeCurrent')}
    </Button>
  )
}

function OrgManagement({ org, me }: { org: TOrganisationView; me: TMe }) {
  const t = useT()
  const [searchParams, setSearchParams] = useSearchParams()
  const isAdmin = isOrgAdmin(me, org.id)
  const tab: TTab = isAdmin && searchParams.get('tab') === 'requests' ? 'requests' : 'members'
  const items = [
    {
      key: 'members',
      label: t('org.members'),
      children: <OrgMembers orgId={org.id} canManage={isAdmin} myId={me.id} />,
    },
  ]
  if (isAdmin)
    items.push({ key: 'requests', label: t('org.joinRequests'), children: <OrgJoinRequests orgId={org.id} /> })
  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => setSearchParams(key === 'requests' ? { tab: 'requests' } : {}, { replace: true })}
      items={items}
      destroyOnHidden
    />
  )
}

/**
 * 单位主页 (/orgs/:id): the public profile for everyone; the unit's people also see its members, and its
 * admins (单位管理) the join requests with approve / reject and removing members. Signed-in outsiders may
 * ask to join an approved unit.
 * @returns the organisation page
 */
export function OrgPage() {
  const t = useT()
  const { id = '' } = useParams()
  const org = useOrganisation(id)
  const me = useMe().data ?? null

  if (org.isPending) return <QueryLoading rows={8} />
  if (org.isError && isNotFoundError(org.error)) {
    return (
      <Result
        status="warning"
        icon={<FileSearchOutlined />}
        title={t('org.notFoundTitle')}
        subTitle={t('org.notFound')}
        extra={<Link to="/">{t('common.backHome')}</Link>}
      />
    )
  }
  if (org.isError) return <QueryError error={org.error} onRetry={() => void org.refetch()} />

  const isPerson = !!me && !isSecondFactorPending(me) && me.organisations.some((o) => o.id === org.data.id)
  return (
    <>
      <PageHeading
        title={<span data-testid="org-name">{org.data.name}</span>}
        extra={
          <Space wrap>
            <OrgActions org={org.data} me={me} />
          </Space>
        }
      />
      <div className="kx-section">
        <OrgProfile org={org.data} />
      </div>
      <OrgResources orgId={org.data.id} />
      {isPerson && me && <OrgManagement org={org.data} me={me} />}
    </>
  )
}

