import { regionPath } from '#shared/codes/index.ts'
import type { TFileRef } from '#shared/contracts/files.ts'
import type { TJoinRequest, TOrganisationPrivate, TOrganisationView } from '#shared/contracts/organisations.ts'
import type { TOrgKind } from '#shared/resource-kinds.ts'
import { maskMobile } from '#shared/validators/index.ts'
import type { TDb } from '../../db/transaction.ts'
import type { TIdentityService } from '../identity/identity.service.ts'
import { listFilesForSubjects } from '../files/index.ts'
import type { TJoinRequestRow } from './join-requests.repo.ts'
import type { TOrgScope } from './organisations.policy.ts'
import type { TOrganisationRow } from './organisations.repo.ts'

/** A person as other modules' lists show them: display name and (unmasked) phone. */
export type TPerson = { id: string; displayName: string; phone: string | null }
export type TPeople = ReadonlyMap<string, TPerson>

/**
 * Display names and phones of the given users, from the identity module (app_user is its table).
 * @param ids user ids; null and repeated ids are ignored
 */
export async function loadPeople(
  identity: Pick<TIdentityService, 'getUserSummaries'>,
  ids: readonly (string | null)[],
  db?: TDb,
): Promise<TPeople> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))]
  const rows = unique.length === 0 ? [] : await identity.getUserSummaries(unique, db)
  return new Map(rows.map((u) => [u.id, { id: u.id, displayName: u.display_name, phone: u.phone }]))
}

/**
 * The business licence of each unit (the latest uploaded, should there be more), from the files module.
 * @returns unit id → licence; units without one are absent
 */
export async function loadLicences(db: TDb, orgIds: readonly string[]): Promise<ReadonlyMap<string, TFileRef>> {
  const files = await listFilesForSubjects(db, 'organisation', orgIds, 'org_licence')
  const latest = [...files].flatMap(([orgId, refs]) => refs.slice(-1).map((ref) => [orgId, ref] as const))
  return new Map(latest)
}

/** `{ id, displayName }` of a user, or null when there is none (deleted users read as '—'). */
export function personRef(people: TPeople, id: string | null): { id: string; displayName: string } | null {
  if (id === null) return null
  return { id, displayName: people.get(id)?.displayName ?? '—' }
}

/** What the policy needs to know about a unit row. */
export function scopeOf(row: TOrganisationRow): TOrgScope {
  return { id: row.id, status: row.status, nodePath: row.node_path, registeredBy: row.registered_by }
}

/**
 * A unit as the API answers it. `access` says what the reader may see (decided by the policy):
 * 'public' → private is null; 'masked' → private with the contact phone masked; 'full' → everything,
 * the business licence included (the files module lets the same readers download it).
 */
export function presentOrganisation(
  row: TOrganisationRow,
  access: 'public' | 'masked' | 'full',
  people: TPeople,
  licence: TFileRef | null = null,
): TOrganisationView {
  let privateFields: TOrganisationPrivate | null = null
  if (access !== 'public') {
    const isMasked = access === 'masked' && row.contact_phone !== null
    privateFields = {
      creditCodeCheck: row.credit_code_check === 'checksum' ? 'checksum' : 'valid',
      contactName: row.contact_name,
      contactPhone: row.contact_phone === null ? null : isMasked ? maskMobile(row.contact_phone) : row.contact_phone,
      isContactPhoneMasked: isMasked,
      registeredBy: personRef(people, row.registered_by),
      reviewedBy: personRef(people, row.reviewed_by),
      reviewedAt: row.reviewed_at?.toISOString() ?? null,
      reviewReason: row.review_reason,
      agreement:
        row.agreement_version !== null && row.accepted_at !== null
          ? { nodeId: row.node_id, version: row.agreement_version, acceptedAt: row.accepted_at.toISOString() }
          : null,
      licence: access === 'full' ? licence : null,
    }
  }
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as TOrgKind,
    creditCode: row.credit_code,
    regionCode: row.region_code,
    regionName: regionPath(row.region_code),
    address: row.address,
    status: row.status as TOrganisationView['status'],
    node: { id: row.node_id, name: row.node_name },
    createdAt: row.created_at.toISOString(),
    private: privateFields,
  }
}

/** A join request with the applicant (phone masked) and the deciding admin. */
export function presentJoinRequest(row: TJoinRequestRow, people: TPeople): TJoinRequest {
  const applicant = people.get(row.user_id)
  return {
    id: row.id,
    orgId: row.org_id,
    applicant: {
      id: row.user_id,
      displayName: applicant?.displayName ?? '—',
      phone: applicant?.phone ? maskMobile(applicant.phone) : null,
    },
    message: row.message,
    status: row.status as TJoinRequest['status'],
    reason: row.reason,
    decidedBy: personRef(people, row.decided_by),
    decidedAt: row.decided_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  }
}
