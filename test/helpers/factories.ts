import { randomUUID } from 'node:crypto'
import type { Insertable, Kysely } from 'kysely'
import type { DB, OrganisationTable, PlatformNodeTable, ResourceTable } from '../../src/server/db/schema.ts'
import { usccCheckChar } from '../../src/shared/validators/index.ts'

let sequence = 0
const next = () => ++sequence

/** A platform node (root unless a parent is given); its materialised path is built from the parent's. */
export async function createNode(
  db: Kysely<DB>,
  overrides: Partial<Insertable<PlatformNodeTable>> & { parentPath?: string } = {},
) {
  const id = randomUUID()
  const n = next()
  const { parentPath, ...rest } = overrides
  return db
    .insertInto('platform_node')
    .values({
      id,
      code: `node-${n}-${id.slice(0, 6)}`,
      name: `测试平台节点${n}`,
      kind: 'province',
      region_code: '230000',
      path: `${parentPath ?? '/'}${id}/`,
      ...rest,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** A valid 统一社会信用代码 unique within this test process. */
export function makeCreditCode(regionCode = '230100'): string {
  const serial = String(next()).padStart(8, '0')
  const first17 = `91${regionCode}${serial}X`
  return first17 + usccCheckChar(first17)
}

/** An approved organisation in Harbin unless told otherwise. */
export async function createOrganisation(
  db: Kysely<DB>,
  nodeId: string,
  overrides: Partial<Insertable<OrganisationTable>> = {},
) {
  const regionCode = overrides.region_code ?? '230103'
  return db
    .insertInto('organisation')
    .values({
      name: `测试科技有限公司${next()}`,
      credit_code: makeCreditCode(regionCode),
      kind: 'enterprise',
      region_code: regionCode,
      city_code: `${regionCode.slice(0, 4)}00`,
      node_id: nodeId,
      status: 'approved',
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** A resource owned by `org`; published (with a published_at) unless a status is given. */
export async function createResource(
  db: Kysely<DB>,
  org: { id: string; node_id: string; region_code: string; city_code: string },
  overrides: Partial<Insertable<ResourceTable>> = {},
) {
  const status = overrides.status ?? 'published'
  return db
    .insertInto('resource')
    .values({
      kind: 'instrument',
      title: `场发射扫描电子显微镜 ${next()}`,
      summary: '用于材料表面形貌观察与成分分析',
      owner_org_id: org.id,
      node_id: org.node_id,
      region_code: org.region_code,
      city_code: org.city_code,
      status,
      published_at: status === 'published' ? new Date() : null,
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** A well-formed 统一社会信用代码 whose check character is wrong (legal for some early pilot codes). */
export function makeCreditCodeWithBadChecksum(regionCode = '230100'): string {
  const valid = makeCreditCode(regionCode)
  const wrong = valid.endsWith('0') ? '1' : '0'
  return valid.slice(0, 17) + wrong
}

/** A valid body for POST /api/organisations (单位注册) applying to `nodeId`. */
export function buildRegistration(nodeId: string, overrides: Record<string, unknown> = {}) {
  return {
    name: `牡丹江测试新材料有限公司${next()}`,
    creditCode: makeCreditCode('231002'),
    kind: 'enterprise',
    regionCode: '231002',
    address: '黑龙江省牡丹江市东安区东一条路 100 号',
    contactName: '王经理',
    contactPhone: '13912340000',
    nodeId,
    acceptAgreement: true,
    agreementVersion: '2026-01',
    ...overrides,
  }
}

/** A pending request of `userId` to join `orgId`. */
export async function createJoinRequest(db: Kysely<DB>, orgId: string, userId: string, message = '申请加入') {
  return db
    .insertInto('organisation_join_request')
    .values({ org_id: orgId, user_id: userId, message })
    .returningAll()
    .executeTakeFirstOrThrow()
}
