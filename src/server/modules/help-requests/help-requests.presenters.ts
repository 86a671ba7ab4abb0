import type { THelpContactPreference, THelpRequest, THelpRequestStatus } from '#shared/contracts/help-requests.ts'
import type { TDb } from '../../db/transaction.ts'
import type { TIdentityService } from '../identity/identity.service.ts'
import type { THelpRequestRow } from './help-requests.repo.ts'

/** Display names of people, by id (app_user belongs to the identity module). */
export type TNames = ReadonlyMap<string, string>

/**
 * Display names of the requesters and answerers of some requests, through the identity module.
 * @param rows the requests about to be presented
 */
export async function loadNames(
  identity: Pick<TIdentityService, 'getUserSummaries'>,
  rows: readonly THelpRequestRow[],
  db?: TDb,
): Promise<TNames> {
  const ids = [...new Set(rows.flatMap((r) => [r.requester_user_id, r.answered_by]))].filter(
    (id): id is string => id !== null,
  )
  const people = ids.length === 0 ? [] : await identity.getUserSummaries(ids, db)
  return new Map(people.map((p) => [p.id, p.display_name]))
}

/** A request as the API answers it, to its requester and to the node's staff alike. */
export function presentHelpRequest(row: THelpRequestRow, names: TNames): THelpRequest {
  return {
    id: row.id,
    query: row.query,
    details: row.details,
    contactPhone: row.contact_phone,
    contactPreference: row.contact_preference as THelpContactPreference,
    deadline: row.deadline,
    status: row.status as THelpRequestStatus,
    requester: { id: row.requester_user_id, displayName: names.get(row.requester_user_id) ?? '—' },
    requesterOrg: row.requester_org_id && row.org_name ? { id: row.requester_org_id, name: row.org_name } : null,
    node: { id: row.node_id, name: row.node_name },
    answer: row.answer,
    answeredBy: row.answered_by ? { id: row.answered_by, displayName: names.get(row.answered_by) ?? '—' } : null,
    answeredAt: row.answered_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  }
}
