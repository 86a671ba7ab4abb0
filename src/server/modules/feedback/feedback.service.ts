import type { Kysely } from 'kysely'
import type { TCreateFeedbackRequest, TCreateFeedbackResponse } from '#shared/contracts/feedback.ts'
import type { DB } from '../../db/schema.ts'
import * as repo from './feedback.repo.ts'

/** 留言反馈: anyone, signed in or not, may leave a message for the operators (seed 003 §3). */
export function createFeedbackService(deps: { db: Kysely<DB> }) {
  /**
   * Records a message. The request id is kept so an operator can find the matching log lines.
   * @throws AppError VALIDATION when a database rule rejects a value (mapped centrally)
   */
  async function createFeedback(input: TCreateFeedbackRequest, requestId: string): Promise<TCreateFeedbackResponse> {
    const row = await repo.insertFeedback(deps.db, {
      category: input.category,
      content: input.content,
      contact_name: input.contactName ?? null,
      contact_phone: input.contactPhone ?? null,
      contact_email: input.contactEmail ?? null,
      request_id: requestId,
    })
    return { id: row.id, createdAt: row.created_at.toISOString() }
  }
  return { createFeedback }
}

export type TFeedbackService = ReturnType<typeof createFeedbackService>
