import type { ColumnType, Generated } from 'kysely'

/** Kysely types of the catalogue's lifecycle tables (0011_catalog_lifecycle.sql); db/schema.ts lists them. */

type Timestamp = ColumnType<Date, Date | string, Date | string>
type TimestampWithDefault = ColumnType<Date, Date | string | undefined, Date | string>
type Json<T> = ColumnType<T, T | string, T | string>

/** The pending change of a published resource: at most one per resource. */
export type ResourceRevisionTable = {
  resource_id: string
  /** draft | submitted | returned */
  status: string
  /** A TResourceContent (camelCase, attachments as file references). */
  content: Json<Record<string, unknown>>
  return_reason: string | null
  created_by: string | null
  created_at: TimestampWithDefault
  updated_at: TimestampWithDefault
  submitted_at: Timestamp | null
  submitted_by: string | null
}

/** One change of a resource: who, when, which action, and the content after it. */
export type ResourceVersionTable = {
  resource_id: string
  version: number
  action: string
  status: string
  note: string | null
  is_revision: Generated<boolean>
  content: Json<Record<string, unknown>>
  changed_by: string | null
  changed_at: TimestampWithDefault
}

/** An image or document of a resource, in display order. */
export type ResourceAttachmentTable = {
  resource_id: string
  file_id: string
  /** image | document */
  role: string
  caption: Generated<string>
  position: number
}
