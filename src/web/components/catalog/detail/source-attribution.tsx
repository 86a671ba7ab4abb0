import { Descriptions } from 'antd'
import { useT } from '../../../i18n/use-t.ts'

/** `attributes.source` of a record taken from a public data set: where it comes from and under which licence. */
export type TSourceAttribution = { dataset?: unknown; licence?: unknown; id?: unknown; url?: unknown }

function text(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null
}

/**
 * 数据来源: the data set a record comes from, its licence and the record's id there. The licences of those
 * data sets (Apache-2.0, MIT) require the attribution to stay visible wherever the record is shown.
 * @param source `attributes.source` as received
 * @returns the attribution, or nothing when it names no data set
 */
export function SourceAttribution({ source }: { source: TSourceAttribution }) {
  const t = useT()
  const dataset = text(source.dataset)
  if (!dataset) return null
  const url = text(source.url)
  const lines = [
    {
      key: 'dataset',
      label: t('cat.source.dataset'),
      children: url ? (
        <a href={url} target="_blank" rel="noreferrer">
          {dataset}
        </a>
      ) : (
        dataset
      ),
    },
    { key: 'licence', label: t('cat.source.licence'), children: text(source.licence) ?? t('common.none') },
    { key: 'id', label: t('cat.source.id'), children: text(source.id) ?? t('common.none') },
  ]
  return (
    <Descriptions className="kx-wrap-anywhere" size="small" column={1} items={lines} data-testid="source-attribution" />
  )
}
