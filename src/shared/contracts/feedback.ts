import { z } from 'zod'

export const FEEDBACK_CATEGORIES = ['suggestion', 'question', 'complaint', 'other'] as const

/** POST /api/feedback — a message to the platform's operators. A way to reach back is optional. */
export const ZCreateFeedbackRequest = z.object({
  category: z.enum(FEEDBACK_CATEGORIES),
  content: z.string().trim().min(5).max(2000),
  contactName: z.string().trim().min(1).max(50).optional(),
  contactPhone: z
    .string()
    .regex(/^1[3-9]\d{9}$/)
    .optional(),
  contactEmail: z.email().max(200).optional(),
})
export type TCreateFeedbackRequest = z.infer<typeof ZCreateFeedbackRequest>

export const ZCreateFeedbackResponse = z.object({ id: z.uuid(), createdAt: z.string() })
export type TCreateFeedbackResponse = z.infer<typeof ZCreateFeedbackResponse>
