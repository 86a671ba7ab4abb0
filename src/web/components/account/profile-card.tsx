import { App, Button, Card, Descriptions, Empty, Tag } from 'antd'
import { Link } from 'react-router'
import type { TMe } from '../../../shared/contracts/identity.ts'
import { useT } from '../../i18n/use-t.ts'
import { useSetCurrentOrg } from '../../queries/session.ts'
import { describeError } from '../query-state.tsx'

function MyOrganisations({ me }: { me: TMe }) {
  const t = useT()
  const { message } = App.useApp()
  const setCurrentOrg = useSetCurrentOrg()
  if (me.organisations.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('me.noOrgs')} />
  return (
    <ul className="kx-plain-list" data-testid="my-orgs">
      {me.organisations.map((org) => (
        <li key={org.id}>
          <Link to={`/orgs/${org.id}`}>{org.name}</Link>
          {org.id === me.currentOrgId ? (
            <Tag color="blue">{t('me.currentOrg')}</Tag>
          ) : (
            <Button
              size="small"
              type="link"
              loading={setCurrentOrg.isPending && setCurrentOrg.variables === org.id}
              onClick={() =>
                setCurrentOrg.mutate(org.id, {
                  onSuccess: () => void message.success(t('user.orgSwitched', { name: org.name })),
                  onError: (error) => void message.error(describeError(error, t)),
                })
              }
            >
              {t('me.makeCurrent')}
            </Button>
          )}
        </li>
      ))}
    </ul>
  )
}

/**
 * 个人资料: name, masked phone, roles with their scope, and the person's organisations (switch the
 * current one here or in the header).
 * @returns the card
 */
export function ProfileCard({ me }: { me: TMe }) {
  const t = useT()
  return (
    <Card title={t('me.profileTitle')} size="small">
      <Descriptions
        size="small"
        column={1}
        className="kx-wrap-anywhere"
        items={[
          { key: 'name', label: t('me.name'), children: <span data-testid="me-name">{me.displayName}</span> },
          { key: 'phone', label: t('me.phone'), children: me.phoneMasked ?? t('common.none') },
          {
            key: 'roles',
            label: t('me.roles'),
            children:
              me.roles.length === 0 ? (
                t('me.noRoles')
              ) : (
                <div className="kx-tags" style={{ margin: 0 }}>
                  {me.roles.map((role) => (
                    <Tag key={`${role.role}:${role.orgId ?? role.nodeId ?? ''}`}>
                      {t(`role.${role.role}`)}
                      {(role.orgName ?? role.nodeName) && ` · ${role.orgName ?? role.nodeName}`}
                    </Tag>
                  ))}
                </div>
              ),
          },
          { key: 'orgs', label: t('me.orgs'), children: <MyOrganisations me={me} /> },
        ]}
      />
    </Card>
  )
}
