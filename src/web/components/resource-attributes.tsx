import { Descriptions, Empty, Grid } from 'antd'
import { useLang, useT } from '../i18n/use-t.ts'
import { getAttributeLabel, renderAttributeValue } from './attribute-value.tsx'

/**
 * The kind-specific attributes of a resource (instrument model, manufacturer, value, …) as a
 * description list, labelled from the catalogue, falling back to the raw key.
 * @param attributes the free record from GET /api/resources/:id
 * @returns the description list, or an empty state
 */
export function ResourceAttributes({ attributes }: { attributes: Record<string, unknown> }) {
  const t = useT()
  const { lang } = useLang()
  const screens = Grid.useBreakpoint()
  const entries = Object.entries(attributes)
  if (entries.length === 0) return <Empty description={t('detail.noAttributes')} />

  return (
    <Descriptions
      className="kx-wrap-anywhere"
      bordered
      size="small"
      layout={screens.sm ? 'horizontal' : 'vertical'}
      column={{ xs: 1, sm: 1, md: 1, lg: 2, xl: 2, xxl: 2 }}
      items={entries.map(([key, value]) => ({
        key,
        label: getAttributeLabel([key], t),
        children: renderAttributeValue([key], value, { lang, t }),
      }))}
    />
  )
}
