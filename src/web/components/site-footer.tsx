import { Layout, Typography } from 'antd'
import { Link } from 'react-router'
import { useT } from '../i18n/use-t.ts'
import { NAV_ITEMS } from '../nav-items.ts'

const FOOTER_PATHS = new Set(['/instruments', '/demands', '/vouchers', '/map', '/stats'])

/**
 * Portal footer: platform name, sponsor/operator line, filing-number placeholder and links.
 * @returns the footer element
 */
export function SiteFooter() {
  const t = useT()
  return (
    <Layout.Footer>
      <div className="kx-content" style={{ padding: 0 }}>
        <Typography.Text strong>{t('footer.platform')}</Typography.Text>
        <nav className="kx-footer-links" aria-label={t('footer.links')} style={{ margin: '12px 0' }}>
          {NAV_ITEMS.filter((item) => FOOTER_PATHS.has(item.path)).map((item) => (
            <Link key={item.path} to={item.path}>
              {t(item.labelKey)}
            </Link>
          ))}
          <a href="/healthz">{t('footer.status')}</a>
        </nav>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          {t('footer.operator')}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }} data-testid="footer-icp">
          {t('footer.icp')}
        </Typography.Paragraph>
        <Typography.Text type="secondary">{t('footer.copyright', { year: new Date().getFullYear() })}</Typography.Text>
      </div>
    </Layout.Footer>
  )
}
