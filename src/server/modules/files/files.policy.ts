import { hasOrgRole, hasRole, type TActor } from '../../context.ts'
import { isNodeStaffOver } from '../network/network.policy.ts'
import type { TAttachedResource, TFileRow } from './files.repo.ts'

/**
 * Who may download a file. Anyone else gets NOT_FOUND, so a file's existence is not revealed.
 * - its uploader, always;
 * - anyone, signed in or not, when it belongs to a PUBLISHED resource whose audience is 'public';
 * - the people of the resource's owning organisation and the node staff over the resource's node, for a
 *   resource in any state (providers edit drafts, reviewers open what they review). Published resources
 *   with audience 'network' are left to these people too until the catalogue has its own visibility rule;
 * - a business licence (or any file of an organisation): the organisation's admins, the node staff
 *   (node_operator, node_admin) over a node it registered with or joined, and platform admins.
 */

/** What the rule needs to know about a file besides its row. */
export type TFileAccessFacts = {
  resources: readonly TAttachedResource[]
  /** Node paths of the organisation that claimed the file (subject_type 'organisation'), else empty. */
  organisationNodePaths: readonly string[]
}

/** True when the file belongs to a published resource that everyone may see (cacheable by anyone). */
export function isPublicFile(facts: TFileAccessFacts): boolean {
  return facts.resources.some((r) => r.status === 'published' && r.audience === 'public')
}

/**
 * True when `actor` (null: anonymous, or a session still waiting for its second factor) may download.
 * @param file the file's row
 * @param facts the resources using it and its organisation's node paths
 */
export function canDownloadFile(actor: TActor | null, file: TFileRow, facts: TFileAccessFacts): boolean {
  if (isPublicFile(facts)) return true
  if (!actor) return false
  if (file.uploaded_by === actor.userId) return true
  const isResourcePerson = facts.resources.some(
    (r) => actor.grants.some((g) => g.orgId === r.ownerOrgId) || isNodeStaffOver(actor, r.nodePath),
  )
  if (isResourcePerson) return true
  if (file.subject_type === 'organisation' && file.subject_id !== null) {
    return (
      hasOrgRole(actor, 'org_admin', file.subject_id) ||
      hasRole(actor, 'platform_admin') ||
      facts.organisationNodePaths.some((path) => isNodeStaffOver(actor, path))
    )
  }
  return false
}

/**
 * True when `actor` may attach the file to a record: they uploaded it, or someone acting for one of
 * their organisations did (colleagues prepare a resource together).
 */
export function canClaimFile(actor: TActor, file: TFileRow): boolean {
  if (file.uploaded_by === actor.userId) return true
  return file.org_id !== null && actor.grants.some((g) => g.orgId === file.org_id)
}
