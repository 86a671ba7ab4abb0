import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../test/helpers/db.ts'
import { createNode, makeCreditCode } from '../../../test/helpers/factories.ts'
import type { TDatabase } from './pool.ts'
import { inTransaction } from './transaction.ts'

let database: TDatabase
let nodeId: string

beforeAll(async () => {
  database = await createTestDatabase()
  nodeId = (await createNode(database.db)).id
})
afterAll(async () => database.close())

const countOrgs = async () =>
  (await database.db.selectFrom('organisation').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n

const org = (name: string, creditCode: string) => ({
  name,
  credit_code: creditCode,
  kind: 'enterprise',
  region_code: '230103',
  city_code: '230100',
  node_id: nodeId,
})

describe('inTransaction', () => {
  it('commits every write together', async () => {
    const before = await countOrgs()
    await inTransaction(database.db, async (trx) => {
      await trx.insertInto('organisation').values(org('甲科技有限公司', makeCreditCode())).execute()
      await trx.insertInto('organisation').values(org('乙科技有限公司', makeCreditCode())).execute()
    })
    expect(await countOrgs()).toBe(before + 2)
  })

  it('writes nothing when a later statement breaks a constraint', async () => {
    const before = await countOrgs()
    const duplicate = makeCreditCode()
    const attempt = inTransaction(database.db, async (trx) => {
      await trx.insertInto('organisation').values(org('丙科技有限公司', duplicate)).execute()
      await trx.insertInto('organisation').values(org('丁科技有限公司', duplicate)).execute()
    })
    await expect(attempt).rejects.toMatchObject({ code: '23505', constraint: 'organisation_credit_code_key' })
    expect(await countOrgs()).toBe(before)
  })

  it('joins an enclosing transaction instead of nesting, so an outer failure undoes the inner work', async () => {
    const before = await countOrgs()
    const attempt = inTransaction(database.db, async (outer) => {
      await inTransaction(outer, async (inner) => {
        expect(inner).toBe(outer)
        await inner.insertInto('organisation').values(org('戊科技有限公司', makeCreditCode())).execute()
      })
      throw new Error('the outer step fails after the inner one')
    })
    await expect(attempt).rejects.toThrow('the outer step fails')
    expect(await countOrgs()).toBe(before)
  })
})
