import { z } from 'zod'
import { NODE_KINDS, type TNodeKind } from '../resource-kinds.ts'
import { ZUserRole } from './identity.ts'

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

/** Node kinds that can be created under a parent: the total platform (总平台) is only ever the root. */
export const CHILD_NODE_KINDS = [
  'province',
  'city',
  'base',
  'domain_centre',
  'workstation',
  'service_station',
  'registration_office',
] as const satisfies readonly TNodeKind[]

/** One node as its administrators see it. */
export const ZNode = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(NODE_KINDS),
  regionCode: z.string(),
  /** '黑龙江省 牡丹江市' */
  regionName: z.string(),
  /** 0 for the root. */
  depth: z.number().int(),
  createdAt: z.string(),
})
export type TNode = z.infer<typeof ZNode>

export const ZNodeParams = z.object({ id: z.uuid() })

/** GET /api/nodes/:id/subtree — the node and every node below it, parents first, with organisation counts. */
export const ZNodeSubtreeResponse = z.object({ items: z.array(ZNode.extend({ organisations: z.number().int() })) })
export type TNodeSubtreeResponse = z.infer<typeof ZNodeSubtreeResponse>

/** POST /api/nodes — a new node under an existing one. */
export const ZCreateNodeRequest = z.object({
  parentId: z.uuid(),
  /** Short stable slug used in the node portal's address, e.g. 'hlj-mdj'. */
  code: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
  name: z.string().trim().min(2).max(100),
  kind: z.enum(CHILD_NODE_KINDS),
  /** GB/T 2260 code of the area the node serves. */
  regionCode: z.string().regex(/^\d{6}$/),
})
export type TCreateNodeRequest = z.infer<typeof ZCreateNodeRequest>

/** PATCH /api/nodes/:id — rename a node. */
export const ZUpdateNodeRequest = z.object({ name: z.string().trim().min(2).max(100) })
export type TUpdateNodeRequest = z.infer<typeof ZUpdateNodeRequest>

/** Roles a node admin can hand out on their node. */
export const NODE_STAFF_ROLES = ['node_operator', 'node_admin'] as const

/** POST /api/nodes/:id/staff — appoint a person as operator or admin of the node. */
export const ZGrantNodeStaffRequest = z.object({ userId: z.uuid(), role: z.enum(NODE_STAFF_ROLES) })
export type TGrantNodeStaffRequest = z.infer<typeof ZGrantNodeStaffRequest>

export const ZNodeStaffGrant = z.object({ nodeId: z.uuid(), userId: z.uuid(), role: z.enum(NODE_STAFF_ROLES) })
export type TNodeStaffGrant = z.infer<typeof ZNodeStaffGrant>

/** One person holding roles on a node (node staff), phone masked. */
export const ZNodeStaffMember = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  /** Always masked (PIPL): 138****5678. */
  phone: z.string().nullable(),
  /** Every role the person holds on this node (node_operator, node_admin; platform roles on the root). */
  roles: z.array(ZUserRole),
  /** When the person's first role on the node was granted. */
  since: z.string(),
})
export type TNodeStaffMember = z.infer<typeof ZNodeStaffMember>

/** GET /api/nodes/:id/staff — the people with roles on the node itself (not on the nodes below it). */
export const ZListNodeStaffResponse = z.object({ items: z.array(ZNodeStaffMember) })
export type TListNodeStaffResponse = z.infer<typeof ZListNodeStaffResponse>
