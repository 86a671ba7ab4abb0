import { ZCreateFeedbackRequest, ZCreateFeedbackResponse } from '#shared/contracts/feedback.ts'
import type { TApp } from '../../http/app-type.ts'
import type { TFeedbackService } from './feedback.service.ts'

/** POST /api/feedback: leave a message for the platform's operators. */
export function registerFeedbackRoutes(app: TApp, deps: { feedback: TFeedbackService }): void {
  app.post(
    '/api/feedback',
    {
      schema: {
        tags: ['feedback'],
        summary: '留言反馈 Leave a message for the operators',
        body: ZCreateFeedbackRequest,
        response: { 201: ZCreateFeedbackResponse },
      },
    },
    async (request, reply) => {
      const created = await deps.feedback.createFeedback(request.body, request.id)
      return reply.status(201).send(created)
    },
  )
}
