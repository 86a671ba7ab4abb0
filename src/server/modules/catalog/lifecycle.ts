import type { TResourceStatus } from '#shared/contracts/catalog-write.ts'

/**
 * The catalogue's lifecycle as data (SPEC §3 "Lifecycle"; docs/decisions/007-catalogue-lifecycle.md).
 * A resource is draft → submitted → approved | returned → published → offline. A published resource
 * changes through a revision (its own draft → submitted → returned cycle) whose content replaces the public
 * one when a reviewer approves it. Every row of TRANSITIONS is one allowed step: the action, the state it
 * starts from, where it goes, what it changes (the resource row or its revision) and who may take it.
 * The services look steps up here and never decide "may this happen" anywhere else.
 */

export type TRevisionStatus = 'draft' | 'submitted' | 'returned'

/** The state a step starts from: the resource's status, its open revision's, and whether it was ever published. */
export type TLifecycleState = {
  status: TResourceStatus
  revisionStatus: TRevisionStatus | null
  isEverPublished: boolean
}

export type TLifecycleAction =
  'edit' | 'submit' | 'withdraw' | 'approve' | 'return' | 'publish' | 'offline' | 'online' | 'delete'

/** provider: the owner's org_admin / resource_manager (instrument_manager for instruments), platform_admin. */
export type TLifecycleActor = 'provider' | 'reviewer'

export type TTransition = {
  action: TLifecycleAction
  from: TResourceStatus
  /** The revision status the step needs: a status, 'none' (no revision open) or 'any'. */
  revision: TRevisionStatus | 'none' | 'any' | 'none-or-editable'
  /** The resource's status after the step (for revision steps: still 'published'); null when deleted. */
  to: TResourceStatus | null
  /** The revision's status after the step; null closes it; undefined leaves the revision alone. */
  revisionTo?: TRevisionStatus | null
  actors: readonly TLifecycleActor[]
}

const P = ['provider'] as const
const R = ['reviewer'] as const

/** Every allowed step. Anything not listed is refused with STATE_INVALID. */
export const TRANSITIONS: readonly TTransition[] = [
  // a draft or a returned submission is edited in place (it is not public)
  { action: 'edit', from: 'draft', revision: 'none', to: 'draft', actors: P },
  { action: 'edit', from: 'returned', revision: 'none', to: 'returned', actors: P },
  // an offline resource is not public either; it must be reviewed again to come back (online)
  { action: 'edit', from: 'offline', revision: 'none', to: 'offline', actors: P },
  // a published one opens (or continues) a revision; the public keeps the published content
  { action: 'edit', from: 'published', revision: 'none-or-editable', to: 'published', revisionTo: 'draft', actors: P },
  { action: 'submit', from: 'draft', revision: 'none', to: 'submitted', actors: P },
  { action: 'submit', from: 'returned', revision: 'none', to: 'submitted', actors: P },
  { action: 'submit', from: 'published', revision: 'draft', to: 'published', revisionTo: 'submitted', actors: P },
  { action: 'submit', from: 'published', revision: 'returned', to: 'published', revisionTo: 'submitted', actors: P },
  { action: 'withdraw', from: 'submitted', revision: 'none', to: 'draft', actors: P },
  { action: 'withdraw', from: 'published', revision: 'submitted', to: 'published', revisionTo: 'draft', actors: P },
  // review by the operating node's staff (or staff of a node above it)
  { action: 'approve', from: 'submitted', revision: 'none', to: 'approved', actors: R },
  { action: 'return', from: 'submitted', revision: 'none', to: 'returned', actors: R },
  { action: 'approve', from: 'published', revision: 'submitted', to: 'published', revisionTo: null, actors: R },
  { action: 'return', from: 'published', revision: 'submitted', to: 'published', revisionTo: 'returned', actors: R },
  { action: 'publish', from: 'approved', revision: 'none', to: 'published', actors: P },
  // taking a resource offline folds an open revision into the (no longer public) row
  {
    action: 'offline',
    from: 'published',
    revision: 'any',
    to: 'offline',
    revisionTo: null,
    actors: ['provider', 'reviewer'],
  },
  { action: 'online', from: 'offline', revision: 'none', to: 'submitted', actors: P },
  { action: 'delete', from: 'draft', revision: 'none', to: null, actors: P },
  { action: 'delete', from: 'returned', revision: 'none', to: null, actors: P },
]

function revisionMatches(need: TTransition['revision'], actual: TRevisionStatus | null): boolean {
  switch (need) {
    case 'any':
      return true
    case 'none':
      return actual === null
    case 'none-or-editable':
      return actual === null || actual === 'draft' || actual === 'returned'
    default:
      return actual === need
  }
}

/**
 * The step `action` takes from `state`, or null when the state does not allow it. Deleting also needs a
 * resource that was never published (its identifier and history must stay).
 */
export function findTransition(action: TLifecycleAction, state: TLifecycleState): TTransition | null {
  if (action === 'delete' && state.isEverPublished) return null
  return (
    TRANSITIONS.find(
      (t) => t.action === action && t.from === state.status && revisionMatches(t.revision, state.revisionStatus),
    ) ?? null
  )
}

/** The statuses a step may start from: the guard of its conditional UPDATE. */
export function fromStatuses(action: TLifecycleAction): TResourceStatus[] {
  return [...new Set(TRANSITIONS.filter((t) => t.action === action).map((t) => t.from))]
}

/** The managed view's button names: approve and return are both 'review'. */
export type TManagedAction = 'edit' | 'submit' | 'withdraw' | 'review' | 'publish' | 'offline' | 'online' | 'delete'

/**
 * What a caller acting as `roles` may do now, so the UI shows only possible buttons.
 * @param state the resource's state
 * @param roles provider and/or reviewer, as the policy decides for this caller
 */
export function availableActions(state: TLifecycleState, roles: ReadonlySet<TLifecycleActor>): TManagedAction[] {
  const actions = new Set<TManagedAction>()
  for (const action of [
    'edit',
    'submit',
    'withdraw',
    'approve',
    'return',
    'publish',
    'offline',
    'online',
    'delete',
  ] as const) {
    const step = findTransition(action, state)
    if (!step || !step.actors.some((a) => roles.has(a))) continue
    actions.add(action === 'approve' || action === 'return' ? 'review' : action)
  }
  return [...actions]
}
