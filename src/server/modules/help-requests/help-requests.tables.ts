import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type TimestampWithDefault = ColumnType<Date, Date | string | undefined, Date | string>
/** A `date` column, read as 'YYYY-MM-DD' (db/pool.ts keeps DATE values as text). */
type DateColumn = ColumnType<string, string, string>

/** A request to a node's operators, 帮我找 (0012_help_requests.sql). */
export type HelpRequestTable = {
  id: Generated<string>
  requester_user_id: string
  requester_org_id: string | null
  node_id: string
  query: string
  details: Generated<string>
  contact_phone: string
  contact_preference: Generated<string>
  deadline: DateColumn | null
  status: Generated<string>
  answer: string | null
  answered_by: string | null
  answered_at: Timestamp | null
  created_at: TimestampWithDefault
}
