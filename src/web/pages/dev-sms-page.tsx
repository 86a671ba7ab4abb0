import { Alert, Button, Card, Empty, Result } from 'antd'
import { ReloadOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { findDevSms } from '../api/identity.ts'
import { PageHeading } from '../components/page-heading.tsx'
import { QueryError, QueryLoading } from '../components/query-state.tsx'
import { useLang, useT } from '../i18n/use-t.ts'
import { formatDateTime } from '../lib/format.ts'

const REFRESH_MS = 5_000

/**
 * 开发环境短信收件箱 (/dev/sms): what the development SMS gateway would have sent, newest first, refreshed
 * every few seconds. Nothing here was really sent; in production the endpoint does not exist and the page
 * says so.
 * @returns the dev inbox page
 */
export function DevSmsPage() {
  const t = useT()
  const { lang } = useLang()
  const inbox = useQuery({
    queryKey: ['dev', 'sms'],
    queryFn: ({ signal }) => findDevSms({ lang, signal }),
    refetchInterval: REFRESH_MS,
    staleTime: 0,
  })
  if (inbox.isPending) return <QueryLoading rows={6} />
  if (inbox.isError) return <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} />
  if (inbox.data === null) {
    return <Result status="info" title={t('devSms.title')} subTitle={t('devSms.off')} data-testid="dev-sms-off" />
  }
  return (
    <>
      <PageHeading
        title={t('devSms.title')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void inbox.refetch()} loading={inbox.isFetching}>
            {t('devSms.refresh')}
          </Button>
        }
      />
      <Alert type="warning" showIcon title={t('devSms.notice')} style={{ marginBottom: 16 }} />
      {inbox.data.items.length === 0 && <Empty description={t('devSms.empty')} />}
      <div className="kx-stack" data-testid="dev-sms-list">
        {inbox.data.items.map((sms) => (
          <Card
            key={sms.id}
            size="small"
            title={sms.phone}
            extra={formatDateTime(sms.createdAt)}
            className="kx-wrap-anywhere"
          >
            {sms.body}
          </Card>
        ))}
      </div>
    </>
  )
}
