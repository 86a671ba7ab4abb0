// STUB — being replaced by the notify module.
import type { Kysely } from 'kysely'
import type { TSmsGateway } from '../../adapters/sms-gateway.ts'
import type { TMailer } from '../../adapters/mailer.ts'
import type { TClock } from '../../clock.ts'
import type { DB } from '../../db/schema.ts'
import type { TDb } from '../../db/transaction.ts'
import type { TJobQueue } from '../../jobs/queue.ts'

export type TNotification = { userIds: string[]; event: string; title: string; body: string; link?: string }

export function createNotifyService(_deps: { db: Kysely<DB>; clock: TClock; jobs: TJobQueue; mailer: TMailer; sms: TSmsGateway }) {
  async function notify(_input: TNotification, _db?: TDb): Promise<void> {}
  return { notify }
}
export type TNotifyService = ReturnType<typeof createNotifyService>
