import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'

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

export type OrganisationTable = {
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
}

export type SignInAttemptTable = {
  id: Generated<number>
  account_key: string
  ip: string
  succeeded: boolean
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
  schema_migrations: SchemaMigrationTable
}

export type TResourceRow = Selectable<ResourceTable>
export type TNewResource = Insertable<ResourceTable>
export type TNewOrganisation = Insertable<OrganisationTable>
export type TNewPlatformNode = Insertable<PlatformNodeTable>
