import { useState } from 'react'
import { Button, InputNumber, Space } from 'antd'
import type { TSearchResponse } from '../../../shared/contracts/search.ts'
import { useLang, useT } from '../../i18n/use-t.ts'
import { FacetItem, FacetSection } from './facet-list.tsx'
import { priceRangeLabel } from './search-labels.ts'

const FEN_PER_YUAN = 100
/** The API's upper bound for a price, in fen. */
const MAX_FEN = 1e13

type TPriceFacetProps = {
  buckets: TSearchResponse['facets']['price']
  priceMin: number | undefined
  priceMax: number | undefined
  onSelect: (range: { priceMin: number | undefined; priceMax: number | undefined }) => void
}

function toFen(yuan: number | null): number | undefined {
  if (yuan === null || !Number.isFinite(yuan) || yuan < 0) return undefined
  return Math.min(Math.round(yuan * FEN_PER_YUAN), MAX_FEN)
}

/**
 * 价格: the API's price bands with their counts, and a range of one's own in yuan (sent in fen).
 * @returns the facet section
 */
export function PriceFacet({ buckets, priceMin, priceMax, onSelect }: TPriceFacetProps) {
  const t = useT()
  const { lang } = useLang()
  const [minYuan, setMinYuan] = useState<number | null>(priceMin === undefined ? null : priceMin / FEN_PER_YUAN)
  const [maxYuan, setMaxYuan] = useState<number | null>(priceMax === undefined ? null : priceMax / FEN_PER_YUAN)
  const isBand = (minFen: number, maxFen: number | null) => priceMin === minFen && priceMax === (maxFen ?? undefined)
  const apply = () => {
    const min = toFen(minYuan)
    const max = toFen(maxYuan)
    onSelect(
      min !== undefined && max !== undefined && max < min
        ? { priceMin: max, priceMax: min }
        : { priceMin: min, priceMax: max },
    )
  }
  if (buckets.length === 0 && priceMin === undefined && priceMax === undefined) return null
  return (
    <FacetSection title={t('search.facetPrice')} testId="facet-price">
      {buckets.map((bucket) => {
        const isSelected = isBand(bucket.minFen, bucket.maxFen)
        return (
          <FacetItem
            key={bucket.value}
            testId={`facet-price-${bucket.value}`}
            label={priceRangeLabel(bucket.minFen, bucket.maxFen, lang, t)}
            count={bucket.count}
            isSelected={isSelected}
            onClick={() =>
              onSelect(
                isSelected
                  ? { priceMin: undefined, priceMax: undefined }
                  : { priceMin: bucket.minFen, priceMax: bucket.maxFen ?? undefined },
              )
            }
          />
        )
      })}
      <Space.Compact block style={{ marginTop: 6 }}>
        <InputNumber
          size="small"
          min={0}
          precision={2}
          value={minYuan}
          onChange={setMinYuan}
          placeholder={t('search.priceMin')}
          aria-label={t('search.priceMin')}
          style={{ width: '40%' }}
          data-testid="price-min"
        />
        <InputNumber
          size="small"
          min={0}
          precision={2}
          value={maxYuan}
          onChange={setMaxYuan}
          placeholder={t('search.priceMax')}
          aria-label={t('search.priceMax')}
          style={{ width: '40%' }}
          data-testid="price-max"
        />
        <Button size="small" onClick={apply} style={{ width: '20%' }} data-testid="price-apply">
          {t('search.priceApply')}
        </Button>
      </Space.Compact>
    </FacetSection>
  )
}
