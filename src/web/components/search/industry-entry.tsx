import { Card, Typography } from 'antd'
import { Link } from 'react-router'
import { useT } from '../../i18n/use-t.ts'
import { INDUSTRY_SECTIONS } from './search-labels.ts'
import { searchHref } from './search-url.ts'
import './search.css'

/**
 * 按行业找: the 20 GB/T 4754 门类, each a link to the search page filtered by that industry.
 * @returns the card
 */
export function IndustryEntry() {
  const t = useT()
  return (
    <Card size="small" title={t('search.byIndustryTitle')} data-testid="industry-entry">
      <Typography.Paragraph type="secondary">{t('search.byIndustryLead')}</Typography.Paragraph>
      <ul className="kx-industry-list">
        {INDUSTRY_SECTIONS.map((section) => (
          <li key={section}>
            <Link to={searchHref({ industry: section })} data-testid={`industry-${section}`}>
              <span className="kx-industry-code">{section}</span> {t(`industry.${section}`)}
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  )
}
