import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import { buildAuthzWorld, expectRow, runMatrixRow, type TAuthzWorld } from '../../../../test/helpers/authz-world.ts'
import { createResource } from '../../../../test/helpers/factories.ts'
import { buildInstrumentBody } from './catalog.int-helpers.ts'

// The authorisation matrix of the catalogue's write side: who gets which status. Each cell gets a fresh
// resource of 牡丹江's unit (orgA) in the state the step starts from. A resource is none of your business
// (404, never revealing it exists) unless you manage it (its unit's managers) or review it (staff of its
// node or above); of those, the wrong side gets 403.
let ctx: TTestContext
let world: TAuthzWorld
beforeAll(async () => {
  ctx = await createTestApp()
  world = await buildAuthzWorld(ctx.database.db)
})
afterAll(async () => ctx.close())

const fresh = async (status: string) => {
  const isPublic = status === 'published' || status === 'offline'
  const row = await createResource(ctx.database.db, world.orgA, {
    status,
    published_at: isPublic ? new Date('2026-01-01') : null,
    submitted_at: status === 'submitted' ? new Date('2026-01-02') : null,
  })
  return row.id
}

const SEE = { nodeOperator: 200, nodeAdmin: 200, ancestorAdmin: 200, platformAdmin: 200, orgAdmin: 200 }
const PROVIDER_STEP = {
  anonymous: 401,
  orgAdmin: 200,
  platformAdmin: 200,
  nodeOperator: 403,
  nodeAdmin: 403,
  ancestorAdmin: 403,
}

describe('catalogue write side: authorisation matrix', () => {
  it('POST /api/catalog/resources — the unit’s managers and the platform admin', async () => {
    const row = await runMatrixRow(ctx.app, world, () => ({
      method: 'POST',
      url: '/api/catalog/resources',
      payload: buildInstrumentBody(world.orgA.id),
    }))
    expect(row).toEqual(expectRow(403, { anonymous: 401, orgAdmin: 201, platformAdmin: 201 }))
  })

  it('GET /api/catalog/resources?orgId — its managers and the node staff over its node', async () => {
    const row = await runMatrixRow(ctx.app, world, () => ({
      method: 'GET',
      url: `/api/catalog/resources?orgId=${world.orgA.id}`,
    }))
    expect(row).toEqual(expectRow(403, { anonymous: 401, ...SEE }))
  })

  it('GET /api/catalog/resources/:id and /versions — managers and reviewers, 404 for the rest', async () => {
    const id = await fresh('draft')
    expect(await runMatrixRow(ctx.app, world, () => ({ method: 'GET', url: `/api/catalog/resources/${id}` }))).toEqual(
      expectRow(404, { anonymous: 401, ...SEE }),
    )
    expect(
      await runMatrixRow(ctx.app, world, () => ({ method: 'GET', url: `/api/catalog/resources/${id}/versions` })),
    ).toEqual(expectRow(404, { anonymous: 401, ...SEE }))
  })

  it.each([
    ['submit', 'draft'],
    ['withdraw', 'submitted'],
    ['publish', 'approved'],
    ['online', 'offline'],
  ])('POST …/:id/%s (from %s) — providers only', async (verb, status) => {
    const row = await runMatrixRow(ctx.app, world, async () => ({
      method: 'POST',
      url: `/api/catalog/resources/${await fresh(status)}/${verb}`,
    }))
    expect(row).toEqual(expectRow(404, PROVIDER_STEP))
  })

  it('PUT …/:id — providers only', async () => {
    const { kind: _kind, orgId: _orgId, ...content } = buildInstrumentBody(world.orgA.id)
    const row = await runMatrixRow(ctx.app, world, async () => ({
      method: 'PUT',
      url: `/api/catalog/resources/${await fresh('draft')}`,
      payload: { ...content, expectedVersion: 1 },
    }))
    expect(row).toEqual(expectRow(404, PROVIDER_STEP))
  })

  it('POST …/:id/review — node staff of its node or above', async () => {
    const row = await runMatrixRow(ctx.app, world, async () => ({
      method: 'POST',
      url: `/api/catalog/resources/${await fresh('submitted')}/review`,
      payload: { decision: 'return', reason: '请补充' },
    }))
    expect(row).toEqual(expectRow(404, { ...SEE, anonymous: 401, orgAdmin: 403 }))
  })

  it('POST …/:id/offline — providers and node staff', async () => {
    const row = await runMatrixRow(ctx.app, world, async () => ({
      method: 'POST',
      url: `/api/catalog/resources/${await fresh('published')}/offline`,
      payload: { reason: '停用' },
    }))
    expect(row).toEqual(expectRow(404, { anonymous: 401, ...SEE }))
  })

  it('DELETE …/:id — providers only', async () => {
    const row = await runMatrixRow(ctx.app, world, async () => ({
      method: 'DELETE',
      url: `/api/catalog/resources/${await fresh('draft')}`,
    }))
    expect(row).toEqual(expectRow(404, { ...PROVIDER_STEP, orgAdmin: 204, platformAdmin: 204 }))
  })

  it('GET /api/catalog/reviews?nodeId — staff of the node or above', async () => {
    const row = await runMatrixRow(ctx.app, world, () => ({
      method: 'GET',
      url: `/api/catalog/reviews?nodeId=${world.nodes.mdj.id}`,
    }))
    expect(row).toEqual(
      expectRow(403, { anonymous: 401, nodeOperator: 200, nodeAdmin: 200, ancestorAdmin: 200, platformAdmin: 200 }),
    )
  })
})
