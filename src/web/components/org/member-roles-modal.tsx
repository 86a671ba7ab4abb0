import { useState } from 'react'
import { Alert, Checkbox, Modal, Typography } from 'antd'
import { ORG_ROLES, type TMember } from '../../../shared/contracts/organisations.ts'
import type { TOrgRole } from '../../api/organisations.ts'
import { useT } from '../../i18n/use-t.ts'
import { describeError } from '../query-state.tsx'

type TMemberRolesModalProps = {
  /** The person whose roles are edited; null closes the modal. */
  member: TMember | null
  isPending: boolean
  error: Error | null
  onCancel: () => void
  onSave: (roles: TOrgRole[]) => void
}

function RolesForm({ member, isPending, error, onCancel, onSave }: TMemberRolesModalProps & { member: TMember }) {
  const t = useT()
  const [roles, setRoles] = useState<TOrgRole[]>(member.roles)
  return (
    <Modal
      open
      title={t('org.editRolesTitle', { name: member.displayName })}
      okText={t('org.saveRoles')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: roles.length === 0, loading: isPending, 'data-testid': 'save-roles' }}
      onOk={() => onSave(roles)}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('org.rolesHint')}</Typography.Paragraph>
      <Checkbox.Group<TOrgRole>
        value={roles}
        onChange={setRoles}
        options={ORG_ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
        data-testid="roles-checkboxes"
      />
      {roles.length === 0 && (
        <Typography.Paragraph type="danger" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('org.rolesRequired')}
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon title={describeError(error, t)} style={{ marginTop: 12 }} />}
    </Modal>
  )
}

/**
 * 设置角色: the unit's admin ticks the roles a person holds in it (at least one). The server keeps the last
 * admin's admin role and says so; its message is shown in the modal.
 * @returns the modal, open while `member` is set
 */
export function MemberRolesModal(props: TMemberRolesModalProps) {
  if (!props.member) return null
  return <RolesForm key={props.member.userId} {...props} member={props.member} />
}
