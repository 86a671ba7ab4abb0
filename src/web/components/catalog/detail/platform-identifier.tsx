import { Tooltip, Typography } from 'antd'
import { InfoCircleOutlined } from '@ant-design/icons'
import { useT } from '../../../i18n/use-t.ts'

/**
 * 平台标识符: the CSTR-shaped identifier the platform assigns at first publication, copyable for citing
 * the resource. It is labelled as the platform's own identifier: it is not registered with a CSTR agency.
 * @param cstr the identifier
 * @returns the labelled, copyable identifier
 */
export function PlatformIdentifier({ cstr }: { cstr: string }) {
  const t = useT()
  return (
    <div className="kx-cat-identifier" data-testid="resource-cstr">
      <span className="kx-cat-muted">
        {t('cat.detail.cstr')}
        <Tooltip title={t('cat.detail.cstrHint')}>
          <InfoCircleOutlined style={{ marginInlineStart: 4 }} aria-label={t('cat.detail.cstrHint')} />
        </Tooltip>
        {t('common.colon')}
      </span>
      <Typography.Text copyable className="kx-mono kx-wrap-anywhere" data-testid="resource-cstr-value">
        {cstr}
      </Typography.Text>
    </div>
  )
}
