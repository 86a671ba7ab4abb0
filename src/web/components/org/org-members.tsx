import { useState } from 'react'
import { App, Button, Card, Empty, Pagination, Popconfirm, Tag } from 'antd'
import type { TMember } from '../../../shared/contracts/organisations.ts'
import type { TOrgRole } from '../../api/organisations.ts'
import { useT } from '../../i18n/use-t.ts'
import { formatDate } from '../../lib/format.ts'
import { useMembers, useRemoveMember, useSetMemberRoles } from '../../queries/organisations.ts'
import { describeError, QueryError, QueryLoading } from '../query-state.tsx'
import { MemberRolesModal } from './member-roles-modal.tsx'

const PAGE_SIZE = 20

type TMemberRowProps = {
  member: TMember
  canEditRoles: boolean
  canRemove: boolean
  onEditRoles: (member: TMember) => void
  onRemove: (member: TMember) => void
  isRemoving: boolean
}

function MemberRow({ member, canEditRoles, canRemove, onEditRoles, onRemove, isRemoving }: TMemberRowProps) {
  const t = useT()
  return (
    <Card size="small" className="kx-row-card" data-testid="member-row">
      <div className="kx-row-main">
        <strong>{member.displayName}</strong>
        <span className="kx-meta">
          {member.phone ?? t('common.none')} · {t('org.memberSince', { date: formatDate(member.since) })}
        </span>
        <div className="kx-tags" style={{ margin: '4px 0 0' }} data-testid="member-roles">
          {member.roles.map((role) => (
            <Tag key={role}>{t(`role.${role}`)}</Tag>
          ))}
        </div>
      </div>
      <div className="kx-row-actions">
        {canEditRoles && (
          <Button size="small" onClick={() => onEditRoles(member)} data-testid="edit-roles">
            {t('org.editRoles')}
          </Button>
        )}
        {canRemove && (
          <Popconfirm
            title={t('org.removeConfirm', { name: member.displayName })}
            okText={t('org.remove')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => onRemove(member)}
          >
            <Button danger size="small" loading={isRemoving}>
              {t('org.remove')}
            </Button>
          </Popconfirm>
        )}
      </div>
    </Card>
  )
}

/**
 * 成员: the unit's people with their roles (phones masked); its admins may set someone's roles (their own
 * too) or remove someone. The last admin keeps the admin role and cannot be removed: the server refuses,
 * and its message is shown.
 * @param canManage true for the unit's admins
 * @param myId the signed-in person, who cannot remove themselves here
 * @returns the member list
 */
export function OrgMembers({ orgId, canManage, myId }: { orgId: string; canManage: boolean; myId: string }) {
  const t = useT()
  const { message } = App.useApp()
  const [page, setPage] = useState(1)
  const [editing, setEditing] = useState<TMember | null>(null)
  const members = useMembers(orgId, { page, pageSize: PAGE_SIZE }, true)
  const remove = useRemoveMember(orgId)
  const setRoles = useSetMemberRoles(orgId)
  if (members.isPending) return <QueryLoading rows={4} />
  if (members.isError) return <QueryError error={members.error} onRetry={() => void members.refetch()} />
  if (members.data.items.length === 0) return <Empty description={t('org.noMembers')} />
  const onRemove = (member: TMember) =>
    remove.mutate(member.userId, {
      onSuccess: () => void message.success(t('org.removed', { name: member.displayName })),
      onError: (error) => void message.error(describeError(error, t)),
    })
  const onEditRoles = (member: TMember) => {
    setRoles.reset()
    setEditing(member)
  }
  const onSaveRoles = (roles: TOrgRole[]) => {
    if (!editing) return
    const name = editing.displayName
    setRoles.mutate(
      { userId: editing.userId, roles },
      {
        onSuccess: () => {
          setEditing(null)
          void message.success(t('org.rolesSaved', { name }))
        },
      },
    )
  }
  return (
    <div className="kx-stack" data-testid="org-members">
      {members.data.items.map((member) => (
        <MemberRow
          key={member.userId}
          member={member}
          canEditRoles={canManage}
          canRemove={canManage && member.userId !== myId}
          isRemoving={remove.isPending && remove.variables === member.userId}
          onEditRoles={onEditRoles}
          onRemove={onRemove}
        />
      ))}
      {members.data.total > PAGE_SIZE && (
        <Pagination simple current={page} pageSize={PAGE_SIZE} total={members.data.total} onChange={setPage} />
      )}
      <MemberRolesModal
        member={editing}
        isPending={setRoles.isPending}
        error={setRoles.error}
        onCancel={() => setEditing(null)}
        onSave={onSaveRoles}
      />
    </div>
  )
}
