import type { TBooking } from '#shared/contracts/booking.ts'
import type { TBookingRow } from './booking.repo.ts'
import { freeChangeUntil } from './quote.ts'
import { toShanghaiIso } from './time.ts'

/** A booking as the API shows it: times in Asia/Shanghai, the frozen quote, fees so far. */
export function presentBooking(row: TBookingRow): TBooking {
  return {
    id: row.id,
    instrument: { id: row.instrument_id, title: row.instrument_title },
    user: { id: row.user_id, displayName: row.user_name },
    org: row.org_id && row.org_name ? { id: row.org_id, name: row.org_name } : null,
    start: toShanghaiIso(row.start),
    end: toShanghaiIso(row.end),
    status: row.status,
    mode: row.mode,
    quote: row.quote,
    samples: row.samples,
    purpose: row.purpose,
    decisionNote: row.decision_note,
    cancelReason: row.cancel_reason,
    cancelFeeFen: row.cancel_fee_fen,
    rescheduleFeeFen: row.reschedule_fee_fen,
    rescheduleCount: row.reschedule_count,
    freeChangeUntil: toShanghaiIso(freeChangeUntil(row.change_terms, row.start)),
    checkedInAt: row.checked_in_at ? toShanghaiIso(row.checked_in_at) : null,
    createdAt: toShanghaiIso(row.created_at),
    updatedAt: toShanghaiIso(row.updated_at),
  }
}
