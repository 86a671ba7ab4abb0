import { Descriptions, Empty, Grid } from 'antd'
import { readPath } from '../../shared/catalog/kind-fields.ts'
import type { TResourceKind } from '../../shared/resource-kinds.ts'
import { useLang, useT } from '../i18n/use-t.ts'
import { getAttributeLabel, renderAttributeValue } from './attribute-value.tsx'

type TResourceAttributesProps = {
  /** The free record from GET /api/resources/:id. */
  attributes: Record<string, unknown>
  /** The resource kind: labels and enum values come from its fields (`field.<kind>.*`, `opt.<kind>.*`). */
  kind?: TResourceKind
  /** Which attributes to show, as paths into `attributes`, in this order; absent: every top-level key. */
  paths?: readonly (readonly string[])[]
  testId?: string
}

function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
}

/**
 * Kind-specific attributes of a resource (instrument model, an expert's title, a patent's number, …) as a
 * description list: labelled from the kind's fields, then the catalogue's `attr.*`, falling back to the raw
 * key, so attributes the portal does not know yet are still shown. Empty values are left out.
 * @returns the description list, or an empty state when nothing is set
 */
export function ResourceAttributes({ attributes, kind, paths, testId }: TResourceAttributesProps) {
  const t = useT()
  const { lang } = useLang()
  const screens = Grid.useBreakpoint()
  const chosen = paths ?? Object.keys(attributes).map((key) => [key])
  const entries = chosen
    .map((path) => [path, readPath(attributes, path.join('.'))] as const)
    .filter(([, value]) => !isEmptyValue(value))
  if (entries.length === 0) return <Empty description={t('detail.noAttributes')} />

  return (
    <Descriptions
      className="kx-wrap-anywhere"
      bordered
      size="small"
      layout={screens.sm ? 'horizontal' : 'vertical'}
      column={{ xs: 1, sm: 1, md: 1, lg: 2, xl: 2, xxl: 2 }}
      data-testid={testId}
      items={entries.map(([path, value]) => ({
        key: path.join('.'),
        label: getAttributeLabel(path, t, kind),
        children: renderAttributeValue(path, value, { lang, t, kind }),
      }))}
    />
  )
}
