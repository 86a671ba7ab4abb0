import { useState, type ReactNode } from 'react'
import { Button, Input, Typography } from 'antd'
import { CloseOutlined } from '@ant-design/icons'
import type { TFacetBucket } from '../../../shared/contracts/search.ts'
import { useT } from '../../i18n/use-t.ts'

/** Buckets shown before "more". */
const VISIBLE = 8

type TFacetItemProps = {
  testId: string
  label: string
  count: number
  isSelected: boolean
  onClick: () => void
}

/**
 * One facet value with its exact count; pressed when it is the current filter (pressing again clears it).
 * @returns the button
 */
export function FacetItem({ testId, label, count, isSelected, onClick }: TFacetItemProps) {
  return (
    <button
      type="button"
      className={`kx-facet-item${isSelected ? ' is-selected' : ''}`}
      aria-pressed={isSelected}
      onClick={onClick}
      data-testid={testId}
      data-count={count}
    >
      <span className="kx-facet-label">{label}</span>
      <span className="kx-facet-count">{count}</span>
      {isSelected && <CloseOutlined className="kx-facet-clear" aria-hidden />}
    </button>
  )
}

/**
 * A facet block: its title and the values, or a note when there are none.
 * @returns the section
 */
export function FacetSection({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section className="kx-facet" data-testid={testId} aria-label={title}>
      <Typography.Text strong className="kx-facet-title">
        {title}
      </Typography.Text>
      {children}
    </section>
  )
}

type TFacetListProps = {
  /** Test id prefix and facet name, e.g. `category` → `facet-category-01`. */
  name: string
  title: string
  buckets: readonly TFacetBucket[]
  selected: string | undefined
  labelOf: (bucket: TFacetBucket) => string
  onSelect: (value: string | undefined) => void
  /** Shows a box that filters the values by name (the owner units: 按服务单位找). */
  filterPlaceholder?: string
}

/**
 * A facet's values with their counts, most matches first; long lists fold behind "more".
 * @returns the facet section (nothing when there are no values and none is selected)
 */
export function FacetList({ name, title, buckets, selected, labelOf, onSelect, filterPlaceholder }: TFacetListProps) {
  const t = useT()
  const [isExpanded, setExpanded] = useState(false)
  const [filter, setFilter] = useState('')
  if (buckets.length === 0 && selected === undefined) return null
  const needle = filter.trim().toLowerCase()
  const matching = needle ? buckets.filter((b) => labelOf(b).toLowerCase().includes(needle)) : buckets
  const shown = isExpanded || needle ? matching : matching.slice(0, VISIBLE)
  return (
    <FacetSection title={title} testId={`facet-${name}`}>
      {filterPlaceholder && buckets.length > VISIBLE && (
        <Input
          size="small"
          allowClear
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          placeholder={filterPlaceholder}
          aria-label={filterPlaceholder}
          style={{ marginBottom: 6 }}
        />
      )}
      {shown.map((bucket) => {
        const isSelected = bucket.value === selected
        return (
          <FacetItem
            key={bucket.value}
            testId={`facet-${name}-${bucket.value}`}
            label={labelOf(bucket)}
            count={bucket.count}
            isSelected={isSelected}
            onClick={() => onSelect(isSelected ? undefined : bucket.value)}
          />
        )
      })}
      {!needle && matching.length > VISIBLE && (
        <Button type="link" size="small" onClick={() => setExpanded(!isExpanded)} style={{ paddingInline: 0 }}>
          {isExpanded ? t('search.showLess') : t('search.showMore', { count: matching.length - VISIBLE })}
        </Button>
      )}
    </FacetSection>
  )
}
