import { Alert, Steps, Typography } from 'antd'
import { PageHeading } from '../components/page-heading.tsx'
import { useT } from '../i18n/use-t.ts'

/**
 * 创新券: what innovation vouchers are and how they work. No voucher data is shown: applications
 * open with the voucher module.
 * @returns the vouchers page
 */
export function VouchersPage() {
  const t = useT()
  return (
    <>
      <PageHeading title={t('vouchers.title')} />
      <Typography.Paragraph style={{ maxWidth: 800 }}>{t('vouchers.what')}</Typography.Paragraph>
      <Typography.Title level={3}>{t('vouchers.stepsTitle')}</Typography.Title>
      <Steps
        style={{ margin: '16px 0 24px' }}
        current={-1}
        items={[
          { title: t('vouchers.stepApply') },
          { title: t('vouchers.stepApprove') },
          { title: t('vouchers.stepIssue') },
          { title: t('vouchers.stepUse') },
          { title: t('vouchers.stepRedeem') },
        ]}
      />
      <Alert type="info" showIcon title={t('vouchers.pending')} data-testid="vouchers-pending" />
    </>
  )
}
