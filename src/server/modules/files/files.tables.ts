import type { ColumnType, Generated } from 'kysely'

/** Kysely's view of `stored_file` (0010_files.sql); listed in src/server/db/schema.ts. */
export type StoredFileTable = {
  id: Generated<string>
  uploaded_by: string
  org_id: string | null
  purpose: string
  original_name: string
  mime: string
  /** bigint: pg returns it as a string; the repo converts. */
  size_bytes: ColumnType<string, number | string, number | string>
  sha256: string
  subject_type: string | null
  subject_id: string | null
  created_at: ColumnType<Date, Date | string | undefined, Date | string>
}
