import { Alert, Card, Descriptions, Tag, type DescriptionsProps } from 'antd'
import type { TOrganisationView } from '../../../shared/contracts/organisations.ts'
import type { TTranslate } from '../../i18n/i18n-context.ts'
import { useT } from '../../i18n/use-t.ts'
import { formatDate } from '../../lib/format.ts'

const STATUS_COLOURS = { pending: 'gold', approved: 'green', rejected: 'red', suspended: 'default' } as const

/**
 * The colour-coded status tag of a unit.
 * @returns the tag
 */
export function OrgStatusTag({ status }: { status: TOrganisationView['status'] }) {
  const t = useT()
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="org-status">
      {t(`orgStatus.${status}`)}
    </Tag>
  )
}

/**
 * Flag for the reviewer: the credit code is well-formed but its check character is wrong.
 * @returns the tag, or null when the code checks out
 */
export function CreditCodeFlag({ org }: { org: TOrganisationView }) {
  const t = useT()
  if (org.private?.creditCodeCheck !== 'checksum') return null
  return (
    <Tag color="orange" data-testid="credit-code-flag">
      {t('org.creditCodeChecksum')}
    </Tag>
  )
}

function privateItems(org: TOrganisationView, t: TTranslate): DescriptionsProps['items'] {
  const p = org.private
  if (!p) return []
  const items: NonNullable<DescriptionsProps['items']> = [
    { key: 'contactName', label: t('org.contactName'), children: p.contactName },
    { key: 'contactPhone', label: t('org.contactPhone'), children: p.contactPhone ?? t('common.none') },
    { key: 'registeredBy', label: t('org.registeredBy'), children: p.registeredBy?.displayName ?? t('common.none') },
  ]
  if (p.reviewedAt) {
    items.push({
      key: 'review',
      label: t('org.reviewed'),
      children: `${p.reviewedBy?.displayName ?? t('common.none')} · ${formatDate(p.reviewedAt)}${p.reviewReason ? ` · ${p.reviewReason}` : ''}`,
    })
  }
  if (p.agreement) {
    items.push({
      key: 'agreement',
      label: t('org.agreement'),
      children: t('org.agreementAccepted', { version: p.agreement.version, date: formatDate(p.agreement.acceptedAt) }),
    })
  }
  return items
}

/**
 * A unit's profile: the public part for everyone, and the private part (contact, review, agreement,
 * the credit-code flag) when the API gives it to this reader.
 * @returns the profile card
 */
export function OrgProfile({ org }: { org: TOrganisationView }) {
  const t = useT()
  return (
    <Card size="small" title={t('org.profileTitle')}>
      {org.status === 'pending' && org.private && (
        <Alert
          type="info"
          showIcon
          title={t('org.pendingNote', { node: org.node.name })}
          style={{ marginBottom: 12 }}
        />
      )}
      {org.status === 'rejected' && org.private?.reviewReason && (
        <Alert
          type="error"
          showIcon
          title={t('org.rejectedNote', { reason: org.private.reviewReason })}
          style={{ marginBottom: 12 }}
        />
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        className="kx-wrap-anywhere"
        items={[
          { key: 'kind', label: t('org.kind'), children: t(`orgKind.${org.kind}`) },
          { key: 'status', label: t('org.status'), children: <OrgStatusTag status={org.status} /> },
          {
            key: 'creditCode',
            label: t('org.creditCode'),
            children: (
              <span>
                <span className="kx-mono">{org.creditCode}</span> <CreditCodeFlag org={org} />
              </span>
            ),
          },
          { key: 'region', label: t('org.region'), children: org.regionName },
          { key: 'address', label: t('org.address'), children: org.address },
          { key: 'node', label: t('org.node'), children: org.node.name },
          { key: 'createdAt', label: t('org.createdAt'), children: formatDate(org.createdAt) },
          ...(privateItems(org, t) ?? []),
        ]}
      />
    </Card>
  )
}
