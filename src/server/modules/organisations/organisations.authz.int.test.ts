import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TTestContext } from '../../../../test/helpers/app.ts'
import {
  buildAuthzWorld,
  expectRow,
  MATRIX_ROLES,
  runMatrixRow,
  type TAuthzWorld,
  type TMatrixRole,
} from '../../../../test/helpers/authz-world.ts'
import { buildRegistration, createJoinRequest, createOrganisation } from '../../../../test/helpers/factories.ts'
import { addGrants, signInAs } from '../../../../test/helpers/sessions.ts'

// The authorisation matrix of every organisations endpoint: who gets which status. Stateful endpoints get a
// fresh target per cell, so each role meets the same situation.
let ctx: TTestContext
let world: TAuthzWorld
beforeAll(async () => {
  ctx = await createTestApp()
  world = await buildAuthzWorld(ctx.database.db)
})
afterAll(async () => ctx.close())

const db = () => ctx.database.db

/** A pending unit under 牡丹江 registered by the orgAdmin column, with the memberOfThis column as its member. */
async function pendingOrgOfThisColumn() {
  const org = await createOrganisation(db(), world.nodes.mdj.id, {
    status: 'pending',
    region_code: '231002',
    registered_by: world.sessions.orgAdmin.userId,
  })
  await addGrants(db(), world.sessions.orgAdmin.userId, [{ role: 'org_admin', orgId: org.id }])
  await addGrants(db(), world.sessions.memberOfThis.userId, [{ role: 'member', orgId: org.id }])
  return org
}

describe('organisations: authorisation matrix', () => {
  it('POST /api/organisations — any signed-in person registers', async () => {
    const row = await runMatrixRow(ctx.app, world, () => ({
      method: 'POST',
      url: '/api/organisations',
      // A university: its licence is optional, so every role can register without uploading one first.
      payload: buildRegistration(world.nodes.mdj.id, { kind: 'university' }),
    }))
    expect(row).toEqual(expectRow(201, { anonymous: 401 }))
  })

  it('GET /api/organisations/:id (approved) — public to everyone', async () => {
    const row = await runMatrixRow(ctx.app, world, () => ({
      method: 'GET',
      url: `/api/organisations/${world.orgA.id}`,
    }))
    expect(row).toEqual(expectRow(200, {}))
  })

  it('GET /api/organisations/:id (approved) — private part only for its people and node staff over it', async () => {
    const access = {} as Record<TMatrixRole, string>
    for (const role of MATRIX_ROLES) {
      const cookie = role === 'anonymous' ? undefined : world.sessions[role].cookie
      const res = await ctx.app.inject({
        method: 'GET',
        url: `/api/organisations/${world.orgA.id}`,
        headers: cookie ? { cookie } : {},
      })
      const priv = res.json().private
      access[role] =
        priv === null ? 'none' : priv.contactPhone === '13912345678' ? 'full' : `masked ${priv.contactPhone}`
    }
    expect(access).toEqual({
      anonymous: 'none',
      memberOfOther: 'none',
      memberOfThis: 'masked 139****5678',
      orgAdmin: 'full',
      otherOrgAdmin: 'none',
      nodeOperator: 'full',
      nodeAdmin: 'full',
      unrelatedOperator: 'none',
      ancestorAdmin: 'full',
      siblingAdmin: 'none',
      platformAdmin: 'full',
    })
  })

  it('GET /api/organisations/:id (pending) — hidden (404) from everyone but its people and node staff over it', async () => {
    const org = await pendingOrgOfThisColumn()
    const row = await runMatrixRow(ctx.app, world, () => ({ method: 'GET', url: `/api/organisations/${org.id}` }))
    expect(row).toEqual(
      expectRow(404, {
        memberOfThis: 200,
        orgAdmin: 200,
        nodeOperator: 200,
        nodeAdmin: 200,
        ancestorAdmin: 200,
        platformAdmin: 200,
      }),
    )
  })

  it('GET /api/nodes/:id/organisations — node staff of the node or above', async () => {
    const row = await runMatrixRow(ctx.app, world, () => ({
      method: 'GET',
      url: `/api/nodes/${world.nodes.mdj.id}/organisations?status=pending`,
    }))
    expect(row).toEqual(
      expectRow(403, { anonymous: 401, nodeOperator: 200, nodeAdmin: 200, ancestorAdmin: 200, platformAdmin: 200 }),
    )
  })

  it('POST /api/organisations/:id/review — node staff of its node or above, never its registrant', async () => {
    const row = await runMatrixRow(ctx.app, world, async () => ({
      method: 'POST',
      url: `/api/organisations/${(await pendingOrgOfThisColumn()).id}/review`,
      payload: { decision: 'approve' },
    }))
    expect(row).toEqual(
      expectRow(403, { anonymous: 401, nodeOperator: 200, nodeAdmin: 200, ancestorAdmin: 200, platformAdmin: 200 }),
    )
  })

  it('POST /api/organisations/:id/join-requests — anyone signed in who is not already in it', async () => {
    const row = await runMatrixRow(ctx.app, world, () => ({
      method: 'POST',
      url: `/api/organisations/${world.orgA.id}/join-requests`,
      payload: { message: '希望加入贵单位' },
    }))
    expect(row).toEqual(expectRow(201, { anonymous: 401, memberOfThis: 409, orgAdmin: 409 }))
  })

  it('GET /api/organisations/:id/join-requests — its admins only', async () => {
    const row = await runMatrixRow(ctx.app, world, () => ({
      method: 'GET',
      url: `/api/organisations/${world.orgA.id}/join-requests?status=pending`,
    }))
    expect(row).toEqual(expectRow(403, { anonymous: 401, orgAdmin: 200 }))
  })

  it('POST /api/organisations/:id/join-requests/:requestId/decide — its admins only', async () => {
    const row = await runMatrixRow(ctx.app, world, async () => {
      const applicant = await signInAs(db())
      const request = await createJoinRequest(db(), world.orgA.id, applicant.userId)
      return {
        method: 'POST',
        url: `/api/organisations/${world.orgA.id}/join-requests/${request.id}/decide`,
        payload: { decision: 'approve' },
      }
    })
    expect(row).toEqual(expectRow(403, { anonymous: 401, orgAdmin: 200 }))
  })

  it('GET /api/organisations/:id/members — its people and node staff over it', async () => {
    const row = await runMatrixRow(ctx.app, world, () => ({
      method: 'GET',
      url: `/api/organisations/${world.orgA.id}/members`,
    }))
    expect(row).toEqual(
      expectRow(403, {
        anonymous: 401,
        memberOfThis: 200,
        orgAdmin: 200,
        nodeOperator: 200,
        nodeAdmin: 200,
        ancestorAdmin: 200,
        platformAdmin: 200,
      }),
    )
  })

  it('DELETE /api/organisations/:id/members/:userId — its admins and the platform admin', async () => {
    const row = await runMatrixRow(ctx.app, world, async () => {
      const member = await signInAs(db(), { grants: [{ role: 'member', orgId: world.orgA.id }] })
      return { method: 'DELETE', url: `/api/organisations/${world.orgA.id}/members/${member.userId}` }
    })
    expect(row).toEqual(expectRow(403, { anonymous: 401, orgAdmin: 204, platformAdmin: 204 }))
  })

  it('PUT /api/organisations/:id/members/:userId/roles — its admins and the platform admin', async () => {
    const row = await runMatrixRow(ctx.app, world, async () => {
      const member = await signInAs(db(), { grants: [{ role: 'member', orgId: world.orgA.id }] })
      return {
        method: 'PUT',
        url: `/api/organisations/${world.orgA.id}/members/${member.userId}/roles`,
        payload: { roles: ['member', 'expert'] },
      }
    })
    expect(row).toEqual(expectRow(403, { anonymous: 401, orgAdmin: 200, platformAdmin: 200 }))
  })

  it('GET /api/organisations?q= — public', async () => {
    const row = await runMatrixRow(ctx.app, world, () => ({ method: 'GET', url: '/api/organisations?q=测试' }))
    expect(row).toEqual(expectRow(200, {}))
  })

  it('GET /api/me/join-requests — anyone signed in (their own)', async () => {
    const row = await runMatrixRow(ctx.app, world, () => ({ method: 'GET', url: '/api/me/join-requests' }))
    expect(row).toEqual(expectRow(200, { anonymous: 401 }))
  })

  it('DELETE /api/join-requests/:id — only its applicant; anyone else’s answers 404 (IDOR)', async () => {
    const own = await runMatrixRow(ctx.app, world, async (role) => {
      const org = await createOrganisation(db(), world.nodes.mdj.id)
      const applicant = role === 'anonymous' ? await signInAs(db()) : world.sessions[role]
      const request = await createJoinRequest(db(), org.id, applicant.userId)
      return { method: 'DELETE', url: `/api/join-requests/${request.id}` }
    })
    expect(own).toEqual(expectRow(204, { anonymous: 401 }))
    const others = await runMatrixRow(ctx.app, world, async () => {
      const stranger = await signInAs(db())
      const request = await createJoinRequest(db(), world.orgA.id, stranger.userId)
      return { method: 'DELETE', url: `/api/join-requests/${request.id}` }
    })
    expect(others).toEqual(expectRow(404, { anonymous: 401 }))
  })
})
