import type { Insertable } from 'kysely'
import type { AppUserTable, RoleGrantTable } from '#server/db/schema.ts'
import type { TNodeRow } from './build-nodes.ts'
import type { TOrgRow } from './build-orgs.ts'
import { personName } from './people.ts'
import type { TRng } from './prng.ts'
import type { TDemoResource } from './resource-base.ts'
import { addDays } from './time.ts'

/** The one password of every demo account (printed at start; change it on any shared server). */
export const DEMO_PASSWORD = 'Kexiang@2026'

/** A demo account as the start banner and `npm run db:seed` print it. */
export type TDemoAccount = { role: string; roleLabel: string; name: string; phone: string; password: string; scope: string }

export type TUserRow = Omit<Insertable<AppUserTable>, 'password_hash'> & { id: string; phone: string }
export type TGrantRow = Insertable<RoleGrantTable> & { id: string }

type TAccountSpec = { role: string; roleLabel: string; phone: string; node?: string; org?: string }

/**
 * One account per role. Node roles are granted on a node (the root node stands for the whole platform);
 * unit roles on an organisation, named by its slug in vocab/organisations.ts.
 */
// prettier-ignore
export const ACCOUNT_SPECS: readonly TAccountSpec[] = [
  { role: 'platform_admin', roleLabel: '总平台管理员', phone: '13800000001', node: 'root' },
  { role: 'node_admin', roleLabel: '节点管理员', phone: '13800000002', node: 'bj' },
  { role: 'node_operator', roleLabel: '节点运营人员', phone: '13800000003', node: 'hlj-mdj' },
  { role: 'org_admin', roleLabel: '单位管理员', phone: '13800000004', org: 'mdjbeiye' },
  { role: 'member', roleLabel: '企业用户', phone: '13800000005', org: 'mdjbeiye' },
  { role: 'instrument_manager', roleLabel: '仪器管理员', phone: '13800000006', org: 'mdjmu' },
  { role: 'expert', roleLabel: '专家', phone: '13800000007', org: 'hit' },
  { role: 'gov_manager', roleLabel: '科技主管部门管理员', phone: '13800000008', node: 'bj' },
  { role: 'auditor', roleLabel: '审计员', phone: '13800000009', node: 'root' },
]

/**
 * Builds the demo users and their role grants. The expert account is the person behind one published
 * expert record of its unit (that record gets `attributes.userId`), so "my expert profile" has data.
 * @param rng the stream for ids and names
 * @param input nodes, organisations (with their slugs, same order as the vocabulary), experts and now
 * @returns users, grants and the account list for the summary
 * @throws Error when a spec names an unknown node or organisation
 */
export function buildAccounts(
  rng: TRng,
  input: {
    nodes: readonly TNodeRow[]
    orgs: readonly TOrgRow[]
    orgSlugs: readonly string[]
    experts: TDemoResource[]
    now: Date
  },
): { users: TUserRow[]; grants: TGrantRow[]; accounts: TDemoAccount[] } {
  const nodeByCode = new Map(input.nodes.map((n) => [n.code, n]))
  const orgBySlug = new Map(input.orgSlugs.map((slug, i) => [slug, input.orgs[i]]))
  const createdAt = addDays(input.now, -400)
  const users: TUserRow[] = []
  const grants: TGrantRow[] = []
  const accounts: TDemoAccount[] = []
  for (const spec of ACCOUNT_SPECS) {
    const node = spec.node ? nodeByCode.get(spec.node) : undefined
    const org = spec.org ? orgBySlug.get(spec.org) : undefined
    if ((spec.node && !node) || (spec.org && !org)) throw new Error(`demo account ${spec.role}: unknown scope`)
    const userId = rng.uuid()
    let name = personName(rng)
    if (spec.role === 'expert' && org) {
      const record = input.experts.find((e) => e.owner_org_id === org.id && e.status === 'published')
      if (record) {
        name = record.title
        record.attributes = { ...record.attributes, userId }
      }
    }
    users.push({
      id: userId,
      display_name: name,
      phone: spec.phone,
      email: `${spec.role.replace('_', '.')}@demo.example.com`,
      status: 'active',
      created_at: createdAt,
    })
    grants.push({
      id: rng.uuid(),
      user_id: userId,
      role: spec.role,
      node_id: node?.id ?? null,
      org_id: org?.id ?? null,
      created_at: createdAt,
    })
    const scope = node ? node.name : (org?.name ?? '全平台')
    accounts.push({ role: spec.role, roleLabel: spec.roleLabel, name, phone: spec.phone, password: DEMO_PASSWORD, scope })
  }
  return { users, grants, accounts }
}
