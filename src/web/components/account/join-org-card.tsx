import { useState } from 'react'
import { Alert, Button, Card, Descriptions, Form, Input, Typography } from 'antd'
import { Link } from 'react-router'
import { useT } from '../../i18n/use-t.ts'
import { useCreateJoinRequest, useOrganisation } from '../../queries/organisations.ts'
import { OrgSearchSelect } from '../org/org-search-select.tsx'
import { describeError, isNotFoundError } from '../query-state.tsx'

function JoinRequestForm({ orgId }: { orgId: string }) {
  const t = useT()
  const org = useOrganisation(orgId)
  const join = useCreateJoinRequest()
  const [note, setNote] = useState('')
  if (org.isPending) return <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
  if (org.isError) {
    const text = isNotFoundError(org.error) ? t('me.joinNotFound') : describeError(org.error, t)
    return <Alert type="warning" showIcon title={text} />
  }
  if (join.isSuccess) {
    return <Alert type="success" showIcon title={t('me.joinSent', { name: org.data.name })} data-testid="join-sent" />
  }
  return (
    <>
      <Descriptions
        size="small"
        column={1}
        bordered
        className="kx-wrap-anywhere"
        items={[
          { key: 'name', label: t('org.name'), children: <span data-testid="join-org-name">{org.data.name}</span> },
          { key: 'kind', label: t('org.kind'), children: t(`orgKind.${org.data.kind}`) },
          { key: 'region', label: t('org.region'), children: org.data.regionName },
          { key: 'node', label: t('org.node'), children: org.data.node.name },
        ]}
      />
      <Input.TextArea
        value={note}
        onChange={(event) => setNote(event.target.value)}
        maxLength={500}
        rows={2}
        placeholder={t('me.joinNotePlaceholder')}
        aria-label={t('me.joinNotePlaceholder')}
        style={{ margin: '12px 0' }}
      />
      {join.isError && (
        <Alert type="error" showIcon title={describeError(join.error, t)} style={{ marginBottom: 12 }} />
      )}
      <Button
        type="primary"
        loading={join.isPending}
        onClick={() => join.mutate({ orgId, message: note.trim() })}
        data-testid="join-submit"
      >
        {t('me.joinSubmit')}
      </Button>
    </>
  )
}

/**
 * 加入单位: find an approved unit by a part of its name or its credit code, then ask its admins to let the
 * person in.
 * @returns the card
 */
export function JoinOrgCard() {
  const t = useT()
  const [orgId, setOrgId] = useState<string | null>(null)
  return (
    <Card title={t('me.joinTitle')} size="small" id="join">
      <Typography.Paragraph type="secondary">{t('me.joinLead')}</Typography.Paragraph>
      <Form layout="vertical" requiredMark={false}>
        <Form.Item label={t('me.joinSearch')} htmlFor="join-org-search">
          <OrgSearchSelect id="join-org-search" value={orgId} onChange={setOrgId} />
        </Form.Item>
      </Form>
      {orgId && <JoinRequestForm key={orgId} orgId={orgId} />}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('me.joinOrRegister')} <Link to="/register?type=org">{t('me.registerOrg')}</Link>
      </Typography.Paragraph>
    </Card>
  )
}
