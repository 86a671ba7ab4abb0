import { z } from 'zod'
import { NODE_KINDS } from '../resource-kinds.ts'

/** GET /api/nodes — every platform node, parents before children, with its organisation count. */
export const ZListNodesResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      parentId: z.uuid().nullable(),
      code: z.string(),
      name: z.string(),
      kind: z.enum(NODE_KINDS),
      regionCode: z.string(),
      depth: z.number().int(),
      organisations: z.number().int(),
    }),
  ),
})
export type TListNodesResponse = z.infer<typeof ZListNodesResponse>
