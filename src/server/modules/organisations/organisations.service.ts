import { createJoinRequestActions } from './join-requests.ts'
import { createMemberActions } from './members.ts'
import { createOrganisationReads } from './organisation-reads.ts'
import type { TOrganisationDeps } from './organisations.deps.ts'
import './organisations.messages.ts'
import { createRegistrationActions } from './registration.ts'

export type { TOrganisationDeps } from './organisations.deps.ts'

/**
 * Organisations (单位): registration and review by the node (two-level registration, seed 000), the unit's
 * profile, people joining it, and its members. Every function takes the request context first and checks
 * organisations.policy.ts before it reads or writes anything else. One file per group of actions.
 */
export function createOrganisationService(deps: TOrganisationDeps) {
  return {
    ...createRegistrationActions(deps),
    ...createOrganisationReads(deps),
    ...createJoinRequestActions(deps),
    ...createMemberActions(deps),
  }
}

export type TOrganisationService = ReturnType<typeof createOrganisationService>
