import { describe, expect, it } from 'vitest'
import type { TActor, TGrant, TRole } from '../../context.ts'
import {
  canListMembers,
  canManageJoinRequests,
  canManageMembers,
  canReadOrganisation,
  canReadOrganisationPrivate,
  canReviewOrganisation,
  canSeeFullContact,
  type TOrgScope,
} from './organisations.policy.ts'

const actor = (userId: string, ...grants: Partial<TGrant>[]): TActor => ({
  userId,
  sessionId: 's',
  displayName: userId,
  currentOrgId: null,
  isSecondFactorPending: false,
  grants: grants.map((g) => ({ role: 'member' as TRole, nodeId: null, nodePath: null, orgId: null, ...g })),
})

const org = (overrides: Partial<TOrgScope> = {}): TOrgScope => ({
  id: 'org-a',
  status: 'approved',
  nodePath: '/root/hlj/mdj/',
  registeredBy: 'registrant',
  ...overrides,
})

describe('organisations policy', () => {
  const ancestorAdmin = actor('a', { role: 'node_admin', nodeId: 'hlj', nodePath: '/root/hlj/' })
  const siblingAdmin = actor('s', { role: 'node_admin', nodeId: 'hrb', nodePath: '/root/hlj/hrb/' })
  // A path that merely starts with the same characters must not count as an ancestor.
  const lookalike = actor('l', { role: 'node_operator', nodeId: 'mdj2', nodePath: '/root/hlj/mdj2/' })
  const platform = actor('p', { role: 'platform_admin', nodeId: 'root', nodePath: '/root/' })
  const member = actor('m', { role: 'member', orgId: 'org-a' })
  const admin = actor('o', { role: 'org_admin', orgId: 'org-a' })
  const otherAdmin = actor('x', { role: 'org_admin', orgId: 'org-b' })

  it('lets node staff over the node review, but never the registrant', () => {
    expect(canReviewOrganisation(ancestorAdmin, org())).toBe(true)
    expect(canReviewOrganisation(platform, org())).toBe(true)
    expect(canReviewOrganisation(siblingAdmin, org())).toBe(false)
    expect(canReviewOrganisation(lookalike, org())).toBe(false)
    expect(canReviewOrganisation(admin, org())).toBe(false)
    expect(canReviewOrganisation(ancestorAdmin, org({ registeredBy: 'a' }))).toBe(false)
  })

  it('hides a unit that is not approved from outsiders', () => {
    expect(canReadOrganisation(null, org())).toBe(true)
    expect(canReadOrganisation(null, org({ status: 'pending' }))).toBe(false)
    expect(canReadOrganisation(otherAdmin, org({ status: 'rejected' }))).toBe(false)
    expect(canReadOrganisation(member, org({ status: 'pending' }))).toBe(true)
    expect(canReadOrganisation(ancestorAdmin, org({ status: 'pending' }))).toBe(true)
  })

  it('gives private data to its people and node staff only, the full phone to admins and staff', () => {
    expect([null, otherAdmin, siblingAdmin].map((a) => canReadOrganisationPrivate(a, org()))).toEqual([
      false,
      false,
      false,
    ])
    expect([member, admin, ancestorAdmin].map((a) => canReadOrganisationPrivate(a, org()))).toEqual([true, true, true])
    expect([member, admin, ancestorAdmin, platform].map((a) => canSeeFullContact(a, org()))).toEqual([
      false,
      true,
      true,
      true,
    ])
  })

  it('keeps join requests to the unit’s admins, members lists to its people and node staff', () => {
    expect([admin, member, ancestorAdmin, platform].map((a) => canManageJoinRequests(a, 'org-a'))).toEqual([
      true,
      false,
      false,
      false,
    ])
    expect([admin, member, ancestorAdmin, otherAdmin].map((a) => canListMembers(a, org()))).toEqual([
      true,
      true,
      true,
      false,
    ])
  })

  it('lets the unit’s admins and the platform admin manage its people, nobody else', () => {
    const managers = [admin, platform, member, ancestorAdmin, otherAdmin].map((a) => canManageMembers(a, 'org-a'))
    expect(managers).toEqual([true, true, false, false, false])
  })
})
