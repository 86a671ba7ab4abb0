import type { Kysely } from 'kysely'
import type { DB } from '../../src/server/db/schema.ts'
import type { TApp } from '../../src/server/http/app-type.ts'
import { createNode, createOrganisation } from './factories.ts'
import { signInAs, type TTestSession } from './sessions.ts'

/**
 * The people of an authorisation matrix, each with the role the column names. "This" organisation is
 * `orgA` under 牡丹江 (mdj); "another" is `orgB` under 哈尔滨 (hrb), a sibling of mdj under 黑龙江 (hlj);
 * 湖北 (hb) is an unrelated province.
 */
export const MATRIX_ROLES = [
  'anonymous',
  'memberOfOther',
  'memberOfThis',
  'orgAdmin',
  'otherOrgAdmin',
  'nodeOperator',
  'nodeAdmin',
  'unrelatedOperator',
  'ancestorAdmin',
  'siblingAdmin',
  'platformAdmin',
] as const
export type TMatrixRole = (typeof MATRIX_ROLES)[number]

/** What the matrix tests need: the tree, the two organisations, a session per role. */
export type TAuthzWorld = Awaited<ReturnType<typeof buildAuthzWorld>>

/**
 * Builds the tree 总平台 → 黑龙江 → {牡丹江, 哈尔滨}, 总平台 → 湖北, an approved organisation under 牡丹江 and
 * one under 哈尔滨, and one signed-in user per matrix role (node and platform admins have passed the second
 * factor).
 */
export async function buildAuthzWorld(db: Kysely<DB>) {
  const root = await createNode(db, { kind: 'total', name: '测试总平台', region_code: '230000' })
  const hlj = await createNode(db, {
    parent_id: root.id,
    parentPath: root.path,
    name: '黑龙江测试平台',
    region_code: '230000',
  })
  const mdj = await createNode(db, {
    parent_id: hlj.id,
    parentPath: hlj.path,
    kind: 'city',
    name: '牡丹江测试平台',
    region_code: '231000',
  })
  const hrb = await createNode(db, {
    parent_id: hlj.id,
    parentPath: hlj.path,
    kind: 'city',
    name: '哈尔滨测试平台',
    region_code: '230100',
  })
  const hb = await createNode(db, {
    parent_id: root.id,
    parentPath: root.path,
    name: '湖北测试平台',
    region_code: '420000',
  })
  const orgA = await createOrganisation(db, mdj.id, {
    region_code: '231002',
    contact_name: '张主任',
    contact_phone: '13912345678',
  })
  const orgB = await createOrganisation(db, hrb.id, {
    region_code: '230103',
    contact_name: '李主任',
    contact_phone: '13987654321',
  })

  const sessions: Record<Exclude<TMatrixRole, 'anonymous'>, TTestSession> = {
    memberOfOther: await signInAs(db, { grants: [{ role: 'member', orgId: orgB.id }] }),
    memberOfThis: await signInAs(db, { grants: [{ role: 'member', orgId: orgA.id }] }),
    orgAdmin: await signInAs(db, { grants: [{ role: 'org_admin', orgId: orgA.id }] }),
    otherOrgAdmin: await signInAs(db, { grants: [{ role: 'org_admin', orgId: orgB.id }] }),
    nodeOperator: await signInAs(db, { grants: [{ role: 'node_operator', nodeId: mdj.id }] }),
    nodeAdmin: await signInAs(db, { grants: [{ role: 'node_admin', nodeId: mdj.id }] }),
    unrelatedOperator: await signInAs(db, { grants: [{ role: 'node_operator', nodeId: hb.id }] }),
    ancestorAdmin: await signInAs(db, { grants: [{ role: 'node_admin', nodeId: hlj.id }] }),
    siblingAdmin: await signInAs(db, { grants: [{ role: 'node_admin', nodeId: hrb.id }] }),
    platformAdmin: await signInAs(db, { grants: [{ role: 'platform_admin', nodeId: root.id }] }),
  }
  return { nodes: { root, hlj, mdj, hrb, hb }, orgA, orgB, sessions }
}

/** One request of a matrix cell. */
export type TMatrixRequest = { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; payload?: object }

/**
 * Sends each role's request (built per role, so stateful endpoints get a fresh target per cell) and returns
 * the status each role got, keyed like the expectation so a mismatch shows as one readable diff.
 */
export async function runMatrixRow(
  app: TApp,
  world: TAuthzWorld,
  build: (role: TMatrixRole) => Promise<TMatrixRequest> | TMatrixRequest,
): Promise<Record<TMatrixRole, number>> {
  const statuses = {} as Record<TMatrixRole, number>
  for (const role of MATRIX_ROLES) {
    const request = await build(role)
    const cookie = role === 'anonymous' ? undefined : world.sessions[role].cookie
    const res = await app.inject({
      method: request.method,
      url: request.url,
      headers: { ...(cookie ? { cookie } : {}), ...(request.payload ? { 'content-type': 'application/json' } : {}) },
      ...(request.payload ? { payload: JSON.stringify(request.payload) } : {}),
    })
    statuses[role] = res.statusCode
  }
  return statuses
}

/** An expectation row: every role gets `otherwise` except the ones listed. */
export function expectRow(
  otherwise: number,
  except: Partial<Record<TMatrixRole, number>>,
): Record<TMatrixRole, number> {
  return Object.fromEntries(MATRIX_ROLES.map((role) => [role, except[role] ?? otherwise])) as Record<
    TMatrixRole,
    number
  >
}
