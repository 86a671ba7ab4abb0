import { Card, Tag } from 'antd'
import { Link } from 'react-router'
import type { TSearchItem } from '../../../shared/contracts/search.ts'
import type { TResourceKind } from '../../../shared/resource-kinds.ts'
import type { TTranslate } from '../../i18n/i18n-context.ts'
import type { TLang } from '../../i18n/lang.ts'
import { useLang, useT } from '../../i18n/use-t.ts'
import { formatDate, formatFenAsYuan } from '../../lib/format.ts'
import type { TMessageKey } from '../../i18n/zh-CN.ts'
import { HighlightText } from './highlight-text.tsx'
import { searchHref } from './search-url.ts'

const MAX_TAGS = 4

/** How each kind names its price: an instrument's test fee, a service's price, an achievement's reference price. */
const PRICE_KEYS: Partial<Record<TResourceKind, TMessageKey>> = {
  instrument: 'search.priceInstrument',
  lab: 'search.priceInstrument',
  service: 'search.priceService',
  achievement: 'search.priceAchievement',
  patent: 'search.priceAchievement',
}

/** The kind-specific line: the price (fen → yuan, 2 decimals), an expert's service record, or the date. */
function kindLine(item: TSearchItem, lang: TLang, t: TTranslate): string {
  if (item.priceFen !== null) {
    const price = item.priceFen === 0 ? t('search.priceFree') : formatFenAsYuan(item.priceFen, lang, t)
    return t(PRICE_KEYS[item.kind] ?? 'search.priceOther', { price })
  }
  if ((item.kind === 'expert' || item.kind === 'team') && item.popularity > 0) {
    return t('search.popularity', { count: item.popularity })
  }
  return t('search.published', { date: formatDate(item.publishedAt) })
}

/**
 * One search result: kind and sharing tags, the highlighted title (link to the detail page) and summary,
 * the owner unit (link to search by that unit), region, the kind's price or record, and a few tags.
 * @returns the card
 */
export function SearchResultCard({ item }: { item: TSearchItem }) {
  const t = useT()
  const { lang } = useLang()
  return (
    <Card size="small" className="kx-wrap-anywhere kx-result-card" data-testid="search-result">
      <div className="kx-tags" style={{ marginTop: 0 }}>
        <Tag color="blue">{t(`kind.${item.kind}`)}</Tag>
        <Tag color={item.sharingLevel === 'free' ? 'green' : 'gold'} data-testid="result-sharing">
          {t(`sharing.${item.sharingLevel}`)}
        </Tag>
        {item.distanceKm !== null && <Tag>{t('search.distance', { km: item.distanceKm })}</Tag>}
      </div>
      <h3 className="kx-card-title kx-clamp-2">
        <Link to={`/resources/${item.id}`} data-testid="search-result-title">
          <HighlightText html={item.highlight.title} />
        </Link>
      </h3>
      <div className="kx-meta">
        <Link to={searchHref({ orgId: item.owner.id })} title={t('search.ownerLink')} data-testid="search-result-owner">
          {item.owner.name}
        </Link>
        {' · '}
        {item.regionName}
      </div>
      <div className="kx-meta kx-result-kind-line" data-testid="result-kind-line">
        {kindLine(item, lang, t)}
      </div>
      <p className="kx-clamp-3 kx-result-summary">
        <HighlightText html={item.highlight.summary} />
      </p>
      {item.tags.length > 0 && (
        <div className="kx-tags">
          {item.tags.slice(0, MAX_TAGS).map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </div>
      )}
    </Card>
  )
}
