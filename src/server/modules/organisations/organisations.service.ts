import { createJoinRequestActions } from './join-requests.ts'
import { createMemberRoleActions } from './member-roles.ts'
import { createMemberActions } from './members.ts'
import { createMyJoinRequestActions } from './my-join-requests.ts'
import { createOrganisationReads } from './organisation-reads.ts'
import type { TOrganisationDeps } from './organisations.deps.ts'
import './organisations.messages.ts'
import { createRegistrationActions } from './registration.ts'

export type { TOrganisationDeps } from './organisations.deps.ts'

/**
 * Organisations (单位): registration and review by the node (two-level registration, seed 000), the unit's
 * profile and search, people joining it (and withdrawing), its members and their roles. Every function
 * takes the request context first and checks organisations.policy.ts before it reads or writes anything
 * else (the public search needs no context). One file per group of actions.
 */
export function createOrganisationService(deps: TOrganisationDeps) {
  return {
    ...createRegistrationActions(deps),
    ...createOrganisationReads(deps),
    ...createJoinRequestActions(deps),
    ...createMyJoinRequestActions(deps),
    ...createMemberActions(deps),
    ...createMemberRoleActions(deps),
  }
}

export type TOrganisationService = ReturnType<typeof createOrganisationService>
