import type { Kysely } from 'kysely'
import type { DB } from '../db/schema.ts'

/**
 * Sends a text message to a mainland mobile number. Production plugs in a carrier's signed-template API
 * (not reachable from here); development and tests use the dev gateway below.
 */
export type TSmsGateway = {
  /** A label for logs and the start banner, e.g. "development gateway (messages are NOT sent)". */
  readonly description: string
  send: (phone: string, body: string) => Promise<void>
}

/**
 * The development SMS gateway: it sends NOTHING. Each message is written to the log and to the
 * `dev_sms_outbox` table, which the dev inbox page (/dev/sms) shows, clearly labelled as such.
 */
export function createDevSmsGateway(deps: {
  db: Kysely<DB>
  log: (message: string) => void
}): TSmsGateway {
  return {
    description: 'development gateway: messages are NOT sent, they appear in the log and on /dev/sms',
    async send(phone, body) {
      deps.log(`[dev SMS → ${phone}] ${body}`)
      await deps.db.insertInto('dev_sms_outbox').values({ phone, body }).execute()
    },
  }
}
