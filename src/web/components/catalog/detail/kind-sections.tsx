import type { ReactNode } from 'react'
import { Card, Tag, Typography } from 'antd'
import { KIND_FIELDS, readPath } from '../../../../shared/catalog/kind-fields.ts'
import type { TResourceKind } from '../../../../shared/resource-kinds.ts'
import { useT } from '../../../i18n/use-t.ts'
import { ResourceAttributes } from '../../resource-attributes.tsx'
import { fieldLabel } from '../kind-field-item.tsx'
import { FeeStandard } from './fee-standard.tsx'
import { InstrumentLocation } from './instrument-location.tsx'
import { SourceAttribution, type TSourceAttribution } from './source-attribution.tsx'

/** Attributes shown by their own sections or kept out of sight (the expert's account id). */
const SPECIAL_KEYS = new Set(['source', 'userId', 'keywords'])
/** Instrument attributes with their own section. */
const INSTRUMENT_GROUPS = new Set(['feeStandard', 'location', 'bookingRules'])

type TKindSectionsProps = {
  kind: TResourceKind
  attributes: Record<string, unknown>
  owner: { id: string; name: string }
}

function Section({ title, testId, children }: { title: ReactNode; testId?: string; children: ReactNode }) {
  return (
    <div className="kx-section" data-testid={testId}>
      <Card title={title} size="small">
        {children}
      </Card>
    </div>
  )
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}

/**
 * The kind's own sections of a detail page, from its KIND_FIELDS: one list of the short fields, one card
 * per long text (an instrument's indicators and functions, a patent's first claim), and for instruments the
 * fee standard, the location with the owner unit, and the booking rules. Keywords and the source attribution
 * of records from public data sets follow; attributes the kind does not declare end up under 其他信息.
 * @returns the sections
 */
export function KindSections({ kind, attributes, owner }: TKindSectionsProps) {
  const t = useT()
  const defs = KIND_FIELDS[kind]
  const isInstrument = kind === 'instrument'
  const isGrouped = (key: string) => isInstrument && INSTRUMENT_GROUPS.has(key.split('.')[0] ?? '')
  const listPaths = defs.filter((d) => d.type !== 'textarea' && !isGrouped(d.key)).map((d) => d.key.split('.'))
  const texts = defs.filter((d) => d.type === 'textarea' && typeof readPath(attributes, d.key) === 'string')
  const declaredTops = new Set(defs.map((d) => d.key.split('.')[0] ?? ''))
  const otherPaths = Object.keys(attributes)
    .filter((key) => !declaredTops.has(key) && !SPECIAL_KEYS.has(key) && !isGrouped(key))
    .map((key) => [key])
  const fee = asRecord(attributes.feeStandard)
  const location = asRecord(attributes.location)
  const bookingRules = asRecord(attributes.bookingRules)
  const source = asRecord(attributes.source)
  const keywords = Array.isArray(attributes.keywords) ? attributes.keywords.map(String) : []

  return (
    <>
      <Section title={t('cat.detail.kindInfo', { kind: t(`kind.${kind}`) })} testId="kind-info">
        <ResourceAttributes attributes={attributes} kind={kind} paths={listPaths} testId="kind-attributes" />
      </Section>
      {texts.map((def) => (
        <Section key={def.key} title={fieldLabel(kind, def, t)} testId={`text-${def.key}`}>
          <Typography.Paragraph className="kx-pre-line" style={{ marginBottom: 0 }}>
            {String(readPath(attributes, def.key))}
          </Typography.Paragraph>
        </Section>
      ))}
      {isInstrument && fee && (
        <Section title={t('cat.fee.title')}>
          <FeeStandard fee={fee} />
        </Section>
      )}
      {isInstrument && (
        <Section title={t('cat.detail.location')}>
          <InstrumentLocation location={location ?? {}} owner={owner} />
        </Section>
      )}
      {isInstrument && bookingRules && (
        <Section title={t('attr.bookingRules')}>
          <ResourceAttributes attributes={bookingRules} kind={kind} paths={Object.keys(bookingRules).map((k) => [k])} />
        </Section>
      )}
      {keywords.length > 0 && (
        <Section title={t('cat.detail.keywords')}>
          <div className="kx-tags">
            {keywords.map((word) => (
              <Tag key={word}>{word}</Tag>
            ))}
          </div>
        </Section>
      )}
      {otherPaths.length > 0 && (
        <Section title={t('cat.detail.more')}>
          <ResourceAttributes attributes={attributes} kind={kind} paths={otherPaths} />
        </Section>
      )}
      {source && (
        <Section title={t('cat.source.title')}>
          <SourceAttribution source={source as TSourceAttribution} />
        </Section>
      )}
    </>
  )
}
