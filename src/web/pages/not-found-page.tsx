import { Result } from 'antd'
import { FileSearchOutlined } from '@ant-design/icons'
import { Link } from 'react-router'
import { useT } from '../i18n/use-t.ts'

/**
 * Shown for any path the portal does not know.
 * @returns the 404 page
 */
export function NotFoundPage() {
  const t = useT()
  return (
    <Result
      status="warning"
      icon={<FileSearchOutlined />}
      title={t('notFound.title')}
      subTitle={t('notFound.subtitle')}
      extra={<Link to="/">{t('common.backHome')}</Link>}
      data-testid="not-found"
    />
  )
}
