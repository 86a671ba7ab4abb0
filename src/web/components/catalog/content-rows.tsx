import type { ReactNode } from 'react'
import { Image, Tag } from 'antd'
import { KIND_FIELDS, readPath } from '../../../shared/catalog/kind-fields.ts'
import type { TResourceKind } from '../../../shared/resource-kinds.ts'
import type { TAttachment } from '../../api/catalog.ts'
import { getAttributeLabel, renderAttributeValue, type TFormatContext } from '../attribute-value.tsx'
import type { TLoadedContent } from './form-values.ts'

/** One line of a content view: its label, what it shows, and a text to compare two versions by. */
export type TContentRow = { key: string; label: string; value: ReactNode; compare: string }

/** Names for codes, from the lazily loaded tables (absent while they load: the code is shown). */
export type TCodeNames = {
  region: (code: string) => string
  discipline: (code: string) => string | undefined
  industry: (code: string) => string | undefined
  category: (code: string) => string | undefined
}

type TRowContext = TFormatContext & { kind: TResourceKind; names: TCodeNames }

/** JSON with object keys sorted, so two versions compare equal whatever order their keys came in. */
function stableJson(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

function row(key: string, label: string, raw: unknown, value: ReactNode): TContentRow {
  return { key, label, value, compare: stableJson(raw) }
}

function Attachments({ items }: { items: readonly TAttachment[] }) {
  if (items.length === 0) return null
  const images = items.filter((a) => a.role === 'image')
  const documents = items.filter((a) => a.role === 'document')
  return (
    <div className="kx-stack" style={{ gap: 8 }}>
      {images.length > 0 && (
        <Image.PreviewGroup>
          <div className="kx-cat-gallery-small">
            {images.map((a) => (
              <Image
                key={a.fileId}
                src={a.url}
                alt={a.caption || a.name}
                width={72}
                height={72}
                className="kx-cat-thumb"
              />
            ))}
          </div>
        </Image.PreviewGroup>
      )}
      {documents.map((a) => (
        <a key={a.fileId} href={a.url} target="_blank" rel="noreferrer" className="kx-wrap-anywhere">
          {a.caption || a.name}
        </a>
      ))}
    </div>
  )
}

function coreRows(content: TLoadedContent, ctx: TRowContext): TContentRow[] {
  const { t, names } = ctx
  const none = t('common.none')
  const coded = (code: string | null, name: (c: string) => string | undefined) => (code ? (name(code) ?? code) : none)
  const contact = content.contact
  return [
    row('title', t('cat.form.title'), content.title, content.title),
    row(
      'summary',
      t('cat.form.summary'),
      content.summary,
      <span className="kx-pre-line">{content.summary || none}</span>,
    ),
    row(
      'tags',
      t('cat.form.tags'),
      content.tags,
      content.tags.length ? content.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : none,
    ),
    row('region', t('cat.form.region'), content.regionCode, names.region(content.regionCode)),
    row(
      'discipline',
      t('cat.form.discipline'),
      content.disciplineCode,
      coded(content.disciplineCode, names.discipline),
    ),
    row('industry', t('cat.form.industry'), content.industryCode, coded(content.industryCode, names.industry)),
    row(
      'category',
      t(ctx.kind === 'instrument' ? 'cat.form.instrumentCategory' : 'cat.form.category'),
      content.category,
      ctx.kind === 'instrument' ? coded(content.category, names.category) : (content.category ?? none),
    ),
    row('sharing', t('resource.sharingLevel'), content.sharingLevel, t(`sharing.${content.sharingLevel}`)),
    row('audience', t('cat.form.audience'), content.audience, t(`cat.audience.${content.audience}`)),
    row(
      'contact',
      t('detail.contact'),
      contact,
      contact ? [contact.name, contact.phone, contact.email].filter(Boolean).join(' · ') : none,
    ),
  ]
}

/** Attribute paths no KIND_FIELDS entry covers: whole top-level keys, or the extra keys of a nested object. */
function otherPaths(kind: TResourceKind, attributes: Record<string, unknown>): string[][] {
  const declared = KIND_FIELDS[kind].map((def) => def.key.split('.'))
  const paths: string[][] = []
  for (const [top, value] of Object.entries(attributes)) {
    const nested = declared.filter((parts) => parts[0] === top && parts.length > 1)
    if (declared.some((parts) => parts.length === 1 && parts[0] === top)) continue
    if (nested.length === 0) {
      paths.push([top])
      continue
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue
    for (const sub of Object.keys(value)) if (!nested.some((parts) => parts[1] === sub)) paths.push([top, sub])
  }
  return paths
}

function attributeRows(content: TLoadedContent, ctx: TRowContext): TContentRow[] {
  const declared = KIND_FIELDS[ctx.kind].map((def) => def.key.split('.'))
  return [...declared, ...otherPaths(ctx.kind, content.attributes)].map((path) => {
    const key = path.join('.')
    const value = readPath(content.attributes, key)
    return row(
      `attributes.${key}`,
      getAttributeLabel(path, ctx.t, ctx.kind),
      value,
      renderAttributeValue(path, value, ctx),
    )
  })
}

/**
 * Every line of a resource's content, in the editor's order: core fields, the kind's fields, attributes
 * the kind does not declare (an import's extras), then attachments.
 * @param content the content to show
 * @param ctx language, translate, kind and code names
 * @returns the rows
 */
export function buildContentRows(content: TLoadedContent, ctx: TRowContext): TContentRow[] {
  const attachments = content.attachments
  return [
    ...coreRows(content, ctx),
    ...attributeRows(content, ctx),
    row(
      'attachments',
      ctx.t('cat.form.sectionAttachments'),
      attachments.map((a) => [a.fileId, a.role, a.caption]),
      attachments.length ? <Attachments items={attachments} /> : ctx.t('common.none'),
    ),
  ]
}
