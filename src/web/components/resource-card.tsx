import { Card, Tag } from 'antd'
import { Link } from 'react-router'
import type { TResourceSummary } from '../../shared/contracts/catalog.ts'
import { useT } from '../i18n/use-t.ts'

const MAX_TAGS = 4

/**
 * A catalogue result: kind, title, owner and region, a few tags and the clamped summary.
 * The whole card links to the resource's detail page.
 * @returns the card
 */
export function ResourceCard({ resource }: { resource: TResourceSummary }) {
  const t = useT()
  return (
    <Link to={`/resources/${resource.id}`} className="kx-card-link" data-testid="resource-card">
      <Card hoverable size="small" className="kx-wrap-anywhere">
        <Tag color="blue" style={{ marginBottom: 8 }}>
          {t(`kind.${resource.kind}`)}
        </Tag>
        <h3 className="kx-card-title kx-clamp-2">{resource.title}</h3>
        <div className="kx-meta">
          {resource.owner.name} · {resource.regionName}
        </div>
        {resource.tags.length > 0 && (
          <div className="kx-tags">
            {resource.tags.slice(0, MAX_TAGS).map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
          </div>
        )}
        <p className="kx-clamp-3" style={{ margin: '8px 0 0' }}>
          {resource.summary}
        </p>
      </Card>
    </Link>
  )
}
