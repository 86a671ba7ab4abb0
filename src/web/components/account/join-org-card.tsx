import { useState } from 'react'
import { Alert, Button, Card, Descriptions, Form, Input, Typography } from 'antd'
import { Link } from 'react-router'
import { useT } from '../../i18n/use-t.ts'
import { useCreateJoinRequest, useOrganisation } from '../../queries/organisations.ts'
import { describeError, isNotFoundError } from '../query-state.tsx'

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i

/**
 * The organisation id in what was typed: the id itself or any link that contains it (/orgs/<id>).
 * @param text the input
 * @returns the id in lower case, or null
 */
export function findOrgId(text: string): string | null {
  return UUID.exec(text)?.[0]?.toLowerCase() ?? null
}

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
 * 加入单位: find an approved unit by its number (the id in its page address) and ask its admins to let
 * the person in. The organisations API has no search by name yet, so the unit's link or number is needed.
 * @returns the card
 */
export function JoinOrgCard() {
  const t = useT()
  const [orgId, setOrgId] = useState<string | null>(null)
  const [form] = Form.useForm<{ ref: string }>()
  return (
    <Card title={t('me.joinTitle')} size="small" id="join">
      <Typography.Paragraph type="secondary">{t('me.joinLead')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={({ ref }) => setOrgId(findOrgId(ref))}>
        <Form.Item
          name="ref"
          label={t('me.joinRef')}
          rules={[
            {
              validator: async (_rule, value: unknown) => {
                if (!findOrgId(typeof value === 'string' ? value : '')) throw new Error(t('me.joinRefInvalid'))
              },
            },
          ]}
        >
          <Input.Search enterButton={t('me.joinFind')} onSearch={() => form.submit()} data-testid="join-ref" />
        </Form.Item>
      </Form>
      {orgId && <JoinRequestForm key={orgId} orgId={orgId} />}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('me.joinOrRegister')} <Link to="/register?type=org">{t('me.registerOrg')}</Link>
      </Typography.Paragraph>
    </Card>
  )
}
