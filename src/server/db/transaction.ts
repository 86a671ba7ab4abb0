import type { Kysely, Transaction } from 'kysely'
import type { DB } from './schema.ts'

/** A database handle that may already be inside a transaction. */
export type TDb = Kysely<DB> | Transaction<DB>

/**
 * Runs `fn` in a transaction: all its writes commit together or none do (a thrown error rolls back and is
 * rethrown unchanged, so the central mapping still turns constraint errors into AppErrors). Called with a
 * handle that is already a transaction, it joins that one instead of nesting, so a service can call
 * another service's function inside its own transaction.
 * Inside `fn` use only `trx`: on the embedded database a second query through the pool would wait for the
 * one connection that `trx` holds.
 */
export async function inTransaction<T>(db: TDb, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<DB>)
  return db.transaction().execute(fn)
}
