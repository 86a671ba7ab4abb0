import { Descriptions, Grid, Tag } from 'antd'
import type { TResourceKind } from '../../../shared/resource-kinds.ts'
import { useLang, useT } from '../../i18n/use-t.ts'
import { useRegionTree } from '../region-cascader.tsx'
import { useCodeTable, regionNameOf } from './code-tables.ts'
import { buildContentRows, type TCodeNames } from './content-rows.tsx'
import type { TLoadedContent } from './form-values.ts'

/**
 * Names for region, discipline, industry and category codes, from tables loaded on first use.
 * @returns lookups that fall back to the code while a table loads
 */
export function useCodeNames(): TCodeNames {
  const regions = useRegionTree()
  const disciplines = useCodeTable('discipline')
  const industries = useCodeTable('industry')
  const categories = useCodeTable('category')
  return {
    region: (code) => regionNameOf(regions.data, code),
    discipline: (code) => disciplines.data?.names.get(code),
    industry: (code) => industries.data?.names.get(code),
    category: (code) => categories.data?.names.get(code),
  }
}

type TContentViewProps = {
  kind: TResourceKind
  content: TLoadedContent
  /** The published content, for a revision: shown beside `content`, changed lines highlighted. */
  compareTo?: TLoadedContent | null
}

/**
 * A resource's content as its providers and reviewers read it: every field with its label, codes with
 * their names. Given `compareTo` (the published version of a revision) it shows both side by side and
 * marks the lines that changed.
 * @returns the description list, or the comparison
 */
export function ContentView({ kind, content, compareTo }: TContentViewProps) {
  const t = useT()
  const { lang } = useLang()
  const names = useCodeNames()
  const screens = Grid.useBreakpoint()
  const ctx = { lang, t, kind, names }
  const rows = buildContentRows(content, ctx)

  if (!compareTo) {
    return (
      <Descriptions
        className="kx-wrap-anywhere"
        bordered
        size="small"
        layout={screens.sm ? 'horizontal' : 'vertical'}
        column={1}
        data-testid="content-view"
        items={rows.map((r) => ({ key: r.key, label: r.label, children: r.value }))}
      />
    )
  }

  const before = new Map(buildContentRows(compareTo, ctx).map((r) => [r.key, r]))
  const changedCount = rows.filter((r) => before.get(r.key)?.compare !== r.compare).length
  return (
    <div className="kx-cat-diff" data-testid="content-diff">
      <p className="kx-cat-muted">{t('cat.review.changedCount', { count: changedCount })}</p>
      <div className="kx-cat-diff-row kx-cat-diff-head" aria-hidden>
        <div />
        <div>{t('cat.review.published')}</div>
        <div>{t('cat.review.proposed')}</div>
      </div>
      {rows.map((r) => {
        const old = before.get(r.key)
        const isChanged = old?.compare !== r.compare
        return (
          <div
            key={r.key}
            className={`kx-cat-diff-row${isChanged ? ' kx-cat-changed' : ''}`}
            data-testid={isChanged ? 'changed-field' : 'same-field'}
          >
            <div className="kx-cat-diff-label">
              {r.label} {isChanged && <Tag color="orange">{t('cat.review.changed')}</Tag>}
            </div>
            <div className="kx-cat-diff-old">
              <span className="kx-cat-diff-caption">{t('cat.review.published')}</span>
              {old?.value ?? t('common.none')}
            </div>
            <div className="kx-cat-diff-new">
              <span className="kx-cat-diff-caption">{t('cat.review.proposed')}</span>
              {r.value}
            </div>
          </div>
        )
      })}
    </div>
  )
}
