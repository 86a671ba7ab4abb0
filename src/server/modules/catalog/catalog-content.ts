import { type TAttachmentRef, type TResourceContent, ZResourceContent } from '#shared/contracts/catalog-write.ts'
import type { TResourceContact } from '../../db/schema.ts'

/**
 * The editable content of a resource (ZResourceContent) and the row columns that hold it. Versions and
 * revisions store the content as JSON in this shape, so a snapshot reads back as the editor sent it.
 */

/** The content columns of a resource row. */
export type TContentRow = {
  title: string
  summary: string
  tags: string[]
  region_code: string
  discipline_code: string | null
  industry_code: string | null
  category: string | null
  sharing_level: string
  audience: string
  contact: TResourceContact | null
  attributes: Record<string, unknown>
}

/** An attachment row in display order, as the content lists it. */
export type TAttachmentRow = { resource_id: string; file_id: string; role: string; caption: string; position: number }

/**
 * The content of a row and its attachments.
 * @param row the resource row
 * @param attachments its attachment rows (any order; sorted by position here)
 */
export function contentOfRow(row: TContentRow, attachments: readonly TAttachmentRow[]): TResourceContent {
  return {
    title: row.title,
    summary: row.summary,
    tags: row.tags,
    regionCode: row.region_code,
    disciplineCode: row.discipline_code,
    industryCode: row.industry_code,
    category: row.category,
    sharingLevel: row.sharing_level === 'free' ? 'free' : 'paid',
    audience: row.audience === 'network' ? 'network' : 'public',
    contact: row.contact ? { name: row.contact.name, phone: row.contact.phone, email: row.contact.email ?? '' } : null,
    attributes: row.attributes,
    attachments: [...attachments]
      .sort((a, b) => a.position - b.position)
      .map((a) => ({ fileId: a.file_id, role: a.role === 'image' ? 'image' : 'document', caption: a.caption })),
  }
}

/** The values of the content columns as they are written (JSON columns as JSON text). */
export type TContentColumns = Omit<TContentRow, 'contact' | 'attributes'> & {
  city_code: string
  contact: string | null
  attributes: string
}

/**
 * The row columns that hold `content` (attachments live in resource_attachment). JSON columns go as JSON
 * text, so that `pg` never takes an array inside them for a PostgreSQL array.
 * @param content checked content
 * @param cityCode the city-level code derived from content.regionCode
 */
export function contentColumns(content: TResourceContent, cityCode: string): TContentColumns {
  return {
    title: content.title,
    summary: content.summary,
    tags: content.tags,
    region_code: content.regionCode,
    city_code: cityCode,
    discipline_code: content.disciplineCode,
    industry_code: content.industryCode,
    category: content.category,
    sharing_level: content.sharingLevel,
    audience: content.audience,
    contact: content.contact === null ? null : JSON.stringify(content.contact),
    attributes: JSON.stringify(content.attributes),
  }
}

/**
 * Content read back from a JSON column (a revision or a version).
 * @throws Error when the stored JSON is not content (it was written by this module, so that is a bug)
 */
export function parseStoredContent(value: unknown): TResourceContent {
  return ZResourceContent.parse(typeof value === 'string' ? JSON.parse(value) : value)
}

/** The file ids of some attachment references, in order. */
export function fileIdsOf(attachments: readonly TAttachmentRef[]): string[] {
  return attachments.map((a) => a.fileId)
}
