import type { Insertable, Kysely } from 'kysely'
import type { DB, FeedbackTable } from '../../db/schema.ts'

/** Stores one feedback message. */
export async function insertFeedback(db: Kysely<DB>, row: Insertable<FeedbackTable>) {
  return db.insertInto('feedback').values(row).returning(['id', 'created_at']).executeTakeFirstOrThrow()
}
