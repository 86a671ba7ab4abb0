import type { TListNodeStaffResponse, TNodeStaffMember } from '#shared/contracts/network.ts'
import { USER_ROLES } from '#shared/contracts/identity.ts'
import { requireActor, type TRequestContext } from '../../context.ts'
import { AppError } from '../../errors.ts'
import type { TNetworkDeps } from './network.service.ts'
import { isNodeStaffOver } from './network.policy.ts'
import * as repo from './network.repo.ts'

type TRole = TNodeStaffMember['roles'][number]
const isRole = (role: string): role is TRole => (USER_ROLES as readonly string[]).includes(role)

/** Reading a node's staff (节点人员) for the node console; appointing them is grantNodeStaff. */
export function createNodeStaffReads(deps: Pick<TNetworkDeps, 'db' | 'identity'>) {
  const { db, identity } = deps

  /**
   * The people with roles on the node (operators, admins; on the root also the platform's roles), phones
   * masked, in the order they were appointed. For node staff over the node: its operators and admins,
   * those of the nodes above it, and the platform admin.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND | FORBIDDEN (not node staff over it)
   */
  async function listNodeStaff(ctx: TRequestContext, nodeId: string): Promise<TListNodeStaffResponse> {
    const actor = requireActor(ctx)
    const node = await repo.findNodeById(db, nodeId)
    if (!node) throw new AppError('NOT_FOUND', `node ${nodeId} not found`, { messageKey: 'network.NODE_NOT_FOUND' })
    if (!isNodeStaffOver(actor, node.path)) throw new AppError('FORBIDDEN', `not staff over node ${nodeId}`)
    const rows = await repo.listNodeStaff(db, nodeId)
    const users = await identity.getUserSummaries(rows.map((row) => row.user_id))
    const byId = new Map(users.map((user) => [user.id, user]))
    return {
      items: rows.map((row) => {
        const user = byId.get(row.user_id)
        return {
          userId: row.user_id,
          displayName: user?.display_name ?? '—',
          phone: user?.phone_masked ?? null,
          roles: row.roles.filter(isRole),
          since: new Date(row.since).toISOString(),
        }
      }),
    }
  }

  return { listNodeStaff }
}
