import { KIND_FIELDS, readPath, writePath } from '../../../shared/catalog/kind-fields.ts'
import type { TResourceContent } from '../../../shared/contracts/catalog-write.ts'
import type { TResourceKind } from '../../../shared/resource-kinds.ts'
import type { TAttachment } from '../../api/catalog.ts'
import { regionPathOf } from './code-tables.ts'

/** An uploaded file in the form: what the API needs (`fileId`, `caption`) and what the list shows. */
export type TAttachmentItem = { fileId: string; name: string; url: string; mime: string; size: number; caption: string }

/** The editor's values: the content, with the region as its Cascader path and attachments split by role. */
export type TResourceFormValues = {
  title: string
  summary: string
  tags: string[]
  region: string[]
  disciplineCode: string | null
  industryCode: string | null
  category: string | null
  sharingLevel: 'free' | 'paid'
  audience: 'public' | 'network'
  contact: { name?: string; phone?: string; email?: string }
  /** Nested as in the API; money in fen, dates as YYYY-MM-DD (the field items convert for display). */
  attributes: Record<string, unknown>
  images: TAttachmentItem[]
  documents: TAttachmentItem[]
}

/** Content as GET /api/catalog/resources/:id returns it (attachments with names and URLs). */
export type TLoadedContent = Omit<TResourceContent, 'attachments'> & { attachments: TAttachment[] }

function toItem(attachment: TAttachment): TAttachmentItem {
  const { fileId, name, url, mime, size, caption } = attachment
  return { fileId, name, url, mime, size, caption }
}

/** The values of a new, empty resource. */
export const EMPTY_FORM_VALUES: TResourceFormValues = {
  title: '',
  summary: '',
  tags: [],
  region: [],
  disciplineCode: null,
  industryCode: null,
  category: null,
  sharingLevel: 'paid',
  audience: 'public',
  contact: {},
  attributes: {},
  images: [],
  documents: [],
}

/**
 * The editor's starting values for a saved content.
 * @param content the content being edited (the open revision's, or the resource's own)
 * @returns form values
 */
export function toFormValues(content: TLoadedContent): TResourceFormValues {
  return {
    title: content.title,
    summary: content.summary,
    tags: content.tags,
    region: regionPathOf(content.regionCode),
    disciplineCode: content.disciplineCode,
    industryCode: content.industryCode,
    category: content.category,
    sharingLevel: content.sharingLevel,
    audience: content.audience,
    contact: content.contact ?? {},
    attributes: content.attributes,
    images: content.attachments.filter((a) => a.role === 'image').map(toItem),
    documents: content.attachments.filter((a) => a.role === 'document').map(toItem),
  }
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}

/**
 * The kind's attributes from the form, laid over the attributes the resource already had, so keys the
 * form does not edit (an import's `source` attribution, `bookingRules` owned by the booking module) are
 * kept. A field left blank is removed.
 * @param kind the resource kind
 * @param edited the form's `attributes`
 * @param base the attributes as loaded (empty for a new resource)
 * @returns the attributes to send
 */
export function mergeAttributes(
  kind: TResourceKind,
  edited: Record<string, unknown>,
  base: Record<string, unknown>,
): Record<string, unknown> {
  const merged = structuredClone(base)
  for (const def of KIND_FIELDS[kind]) {
    const value = readPath(edited, def.key)
    const cleaned = typeof value === 'string' ? value.trim() : value
    const isEmptyList = Array.isArray(cleaned) && cleaned.length === 0
    writePath(merged, def.key, isBlank(cleaned) || isEmptyList ? undefined : cleaned)
  }
  return pruneEmpty(JSON.parse(JSON.stringify(merged)) as Record<string, unknown>)
}

/** Drops objects left empty once their blank fields are removed (`location: {}`). */
function pruneEmpty(record: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(record)) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue
    const inner = pruneEmpty(value as Record<string, unknown>)
    if (Object.keys(inner).length === 0) delete record[key]
  }
  return record
}

/**
 * The content to send from the editor's values.
 * @param kind the resource kind
 * @param values the form's values
 * @param baseAttributes the attributes as loaded (kept where the form has no field)
 * @returns the content of POST/PUT /api/catalog/resources
 */
export function toContent(
  kind: TResourceKind,
  values: TResourceFormValues,
  baseAttributes: Record<string, unknown>,
): TResourceContent {
  const contact = values.contact ?? {}
  const hasContact = !isBlank(contact.name) || !isBlank(contact.phone)
  return {
    title: values.title.trim(),
    summary: (values.summary ?? '').trim(),
    tags: (values.tags ?? []).map((tag) => tag.trim()).filter(Boolean),
    regionCode: values.region.at(-1) ?? '',
    disciplineCode: values.disciplineCode ?? null,
    industryCode: values.industryCode ?? null,
    category: isBlank(values.category) ? null : (values.category ?? '').trim(),
    sharingLevel: values.sharingLevel,
    audience: values.audience,
    contact: hasContact
      ? { name: (contact.name ?? '').trim(), phone: (contact.phone ?? '').trim(), email: (contact.email ?? '').trim() }
      : null,
    attributes: mergeAttributes(kind, values.attributes ?? {}, baseAttributes),
    attachments: [
      ...(values.images ?? []).map((a) => ({ fileId: a.fileId, role: 'image' as const, caption: a.caption ?? '' })),
      ...(values.documents ?? []).map((a) => ({
        fileId: a.fileId,
        role: 'document' as const,
        caption: a.caption ?? '',
      })),
    ],
  }
}
