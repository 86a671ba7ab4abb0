import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'
import type {
  BookingCalendarDayTable,
  BookingCalendarYearTable,
  BookingEventTable,
  BookingTable,
  InstrumentBookingRuleTable,
  InstrumentMaintenanceTable,
  InstrumentTrainingTable,
} from '../modules/booking/booking.tables.ts'
import type { HelpRequestTable } from '../modules/help-requests/help-requests.tables.ts'
import type { StoredFileTable } from '../modules/files/files.tables.ts'
import type {
  ResourceAttachmentTable,
  ResourceRevisionTable,
  ResourceVersionTable,
} from '../modules/catalog/catalog.tables.ts'

/**
 * Kysely's view of the tables, written by hand next to the SQL migrations (src/server/db/migrations).
 * Column names are the database's (snake_case); repos map rows to the API's camelCase shapes.
 */

type Timestamp = ColumnType<Date, Date | string, Date | string>
type TimestampWithDefault = ColumnType<Date, Date | string | undefined, Date | string>
type JsonWithDefault<T> = ColumnType<T, T | string | undefined, T | string>

export type PlatformNodeTable = {
  id: Generated<string>
  parent_id: string | null
  code: string
  name: string
  kind: string
  region_code: string
  path: string
  created_at: TimestampWithDefault
}

export type OrganisationTable = OrganisationRegistrationColumns & {
  id: Generated<string>
  name: string
  credit_code: string
  kind: string
  region_code: string
  city_code: string
  address: Generated<string>
  node_id: string
  status: Generated<string>
  created_at: TimestampWithDefault
  updated_at: TimestampWithDefault
}

export type AppUserTable = AppUserIdentityColumns & {
  id: Generated<string>
  display_name: string
  phone: string | null
  email: string | null
  password_hash: string | null
  status: Generated<string>
  created_at: TimestampWithDefault
}

export type RoleGrantTable = {
  id: Generated<string>
  user_id: string
  role: string
  node_id: string | null
  org_id: string | null
  created_at: TimestampWithDefault
}

export type TResourceContact = { name: string; phone: string; email: string }

export type ResourceTable = {
  id: Generated<string>
  kind: string
  title: string
  summary: Generated<string>
  owner_org_id: string
  node_id: string
  region_code: string
  city_code: string
  discipline_code: string | null
  industry_code: string | null
  category: string | null
  tags: Generated<string[]>
  sharing_level: Generated<string>
  status: Generated<string>
  contact: ColumnType<TResourceContact | null, TResourceContact | string | null | undefined, TResourceContact | string | null>
  attributes: JsonWithDefault<Record<string, unknown>>
  created_at: TimestampWithDefault
  updated_at: TimestampWithDefault
  published_at: Timestamp | null
  // lifecycle columns (0011_catalog_lifecycle.sql)
  cstr: string | null
  audience: Generated<string>
  version: Generated<number>
  created_by: string | null
  updated_by: string | null
  submitted_at: Timestamp | null
  submitted_by: string | null
  return_reason: string | null
  offline_reason: string | null
}

export type DemandTable = {
  id: Generated<string>
  title: string
  summary: Generated<string>
  org_id: string
  node_id: string
  region_code: string
  city_code: string
  industry_code: string | null
  budget_fen: number | null
  deadline: string | null
  status: Generated<string>
  created_at: TimestampWithDefault
  published_at: Timestamp | null
}

export type FeedbackTable = {
  id: Generated<string>
  category: string
  content: string
  contact_name: string | null
  contact_phone: string | null
  contact_email: string | null
  status: Generated<string>
  request_id: string
  created_at: TimestampWithDefault
}

export type AppUserIdentityColumns = {
  privacy_version: string | null
  privacy_consented_at: Timestamp | null
  password_changed_at: Timestamp | null
  totp_secret: string | null
  totp_enabled_at: Timestamp | null
  totp_last_step: number | null
  closed_at: Timestamp | null
  last_sign_in_at: Timestamp | null
}

export type UserSessionTable = {
  id: Generated<string>
  token_hash: string
  user_id: string
  current_org_id: string | null
  mfa_passed: Generated<boolean>
  ip: Generated<string>
  user_agent: Generated<string>
  created_at: TimestampWithDefault
  last_seen_at: TimestampWithDefault
  expires_at: Timestamp
  revoked_at: Timestamp | null
  revoked_reason: string | null
}

export type SignInAttemptTable = {
  id: Generated<number>
  account_key: string
  ip: string
  method: string
  succeeded: boolean
  failure_reason: string | null
  created_at: TimestampWithDefault
}

export type SmsCodeTable = {
  id: Generated<string>
  phone: string
  purpose: string
  code_hash: string
  ip: string
  attempts: Generated<number>
  created_at: TimestampWithDefault
  expires_at: Timestamp
  consumed_at: Timestamp | null
}

export type DevSmsOutboxTable = {
  id: Generated<number>
  phone: string
  body: string
  created_at: TimestampWithDefault
}

export type SchemaMigrationTable = {
  version: string
  name: string
  checksum: string
  applied_at: TimestampWithDefault
}

export type DB = {
  platform_node: PlatformNodeTable
  organisation: OrganisationTable
  app_user: AppUserTable
  role_grant: RoleGrantTable
  resource: ResourceTable
  demand: DemandTable
  feedback: FeedbackTable
  user_session: UserSessionTable
  sign_in_attempt: SignInAttemptTable
  sms_code: SmsCodeTable
  dev_sms_outbox: DevSmsOutboxTable
  organisation_node_membership: OrganisationNodeMembershipTable
  organisation_join_request: OrganisationJoinRequestTable
  audit_log: AuditLogTable
  notification: NotificationTable
  notification_preference: NotificationPreferenceTable
  notification_delivery: NotificationDeliveryTable
  search_document: SearchDocumentTable
  search_suggestion: SearchSuggestionTable
  search_suggestion_key: SearchSuggestionKeyTable
  schema_migrations: SchemaMigrationTable
  catalog_import: CatalogImportTable
  instrument_booking_rule: InstrumentBookingRuleTable
  instrument_maintenance: InstrumentMaintenanceTable
  instrument_training: InstrumentTrainingTable
  booking: BookingTable
  booking_event: BookingEventTable
  booking_calendar_year: BookingCalendarYearTable
  booking_calendar_day: BookingCalendarDayTable
  stored_file: StoredFileTable
  resource_revision: ResourceRevisionTable
  resource_version: ResourceVersionTable
  resource_attachment: ResourceAttachmentTable
  help_request: HelpRequestTable
}

export type TResourceRow = Selectable<ResourceTable>
export type TNewResource = Insertable<ResourceTable>
export type TNewOrganisation = Insertable<OrganisationTable>
export type TNewPlatformNode = Insertable<PlatformNodeTable>

/** Registration and review columns of `organisation` (0008_organisations.sql). */
export type OrganisationRegistrationColumns = {
  credit_code_check: Generated<string>
  contact_name: Generated<string>
  contact_phone: string | null
  registered_by: string | null
  reviewed_by: string | null
  reviewed_at: Timestamp | null
  review_reason: string | null
}

/** A unit's joining agreement with a node (0008_organisations.sql). */
export type OrganisationNodeMembershipTable = {
  org_id: string
  node_id: string
  agreement_version: string
  accepted_at: Timestamp
  accepted_by: string | null
}

/** A person's request to join a unit (0008_organisations.sql). */
export type OrganisationJoinRequestTable = {
  id: Generated<string>
  org_id: string
  user_id: string
  message: Generated<string>
  status: Generated<string>
  reason: string | null
  decided_by: string | null
  decided_at: Timestamp | null
  created_at: TimestampWithDefault
}

/** The append-only audit log (0006_audit.sql); chain_seq and the hashes are set by its insert trigger. */
export type AuditLogTable = {
  id: Generated<number>
  chain_seq: Generated<number>
  occurred_at: TimestampWithDefault
  actor_id: string | null
  actor_name: Generated<string>
  action: string
  target_type: Generated<string>
  target_id: string | null
  ip: Generated<string>
  user_agent: Generated<string>
  result: string
  detail: JsonWithDefault<Record<string, unknown>>
  prev_hash: Generated<string>
  row_hash: Generated<string>
}

/** One in-site notification of one user (0007_notify.sql). */
export type NotificationTable = {
  id: Generated<string>
  user_id: string
  event: string
  title: string
  body: string
  link: string | null
  in_inbox: Generated<boolean>
  created_at: TimestampWithDefault
  read_at: Timestamp | null
}

/** A user's choice for one event and channel; no row means the default (0007_notify.sql). */
export type NotificationPreferenceTable = {
  user_id: string
  event: string
  channel: string
  enabled: boolean
  updated_at: TimestampWithDefault
}

/** One e-mail or SMS delivery of a notification, written by the workers (0007_notify.sql). */
export type NotificationDeliveryTable = {
  id: Generated<string>
  notification_id: string
  channel: string
  status: Generated<string>
  attempts: Generated<number>
  last_error: string | null
  created_at: TimestampWithDefault
  sent_at: Timestamp | null
}

/** One published resource as the search module indexes it (0009_search.sql). */
export type SearchDocumentTable = {
  resource_id: string
  kind: string
  title: string
  summary: string
  tags: string[]
  names: string
  title_py: string
  title_initials: string
  /** A tsvector literal on write; text when read. */
  tsv: string
  title_tsv: string
  owner_org_id: string
  owner_name: string
  region_code: string
  city_code: string
  province_code: string
  discipline_code: string | null
  discipline_top: string | null
  industry_code: string | null
  industry_section: string | null
  category: string | null
  category_top: string | null
  sharing_level: string
  price_fen: number | null
  popularity: ColumnType<number, number | undefined, number>
  published_at: Timestamp
  lat: number | null
  lng: number | null
  indexed_at: TimestampWithDefault
}

/** A distinct title offered as a suggestion, with the number of documents carrying it (0009_search.sql). */
export type SearchSuggestionTable = {
  title: string
  kind: string
  doc_count: number
}

/** A prefix key (title tail, pinyin, initials) leading to a suggestion (0009_search.sql). */
export type SearchSuggestionKeyTable = {
  key: string
  title: string
  kind: string
  /** Copy of search_suggestion.doc_count, for ordering by index. */
  doc_count: number
}

/** One bulk import of the catalogue from an uploaded file: progress and error report (0014_catalog_import.sql). */
export type CatalogImportTable = {
  id: Generated<string>
  org_id: string
  kind: string
  requested_by: string | null
  format: string
  file_name: Generated<string>
  file_bytes: ColumnType<number, number, number>
  read_bytes: ColumnType<number, number | undefined, number>
  submit: Generated<boolean>
  status: Generated<string>
  total_rows: number | null
  processed_rows: Generated<number>
  error_count: Generated<number>
  /** [{ row, column, value, key, vars }] */
  errors: JsonWithDefault<unknown[]>
  created_at: TimestampWithDefault
  updated_at: TimestampWithDefault
  finished_at: Timestamp | null
}
