import { hasOrgRole, hasRole, type TActor } from '../../context.ts'

/**
 * Who may do what with instrument bookings. An instrument is managed by its owner organisation's
 * instrument managers and admins; a booking belongs to the person who made it.
 */

/** True when the actor manages the instruments of `ownerOrgId` (rules, approvals, trainings, maintenance). */
export function canManageInstrument(actor: TActor | null, ownerOrgId: string): boolean {
  if (!actor) return false
  return hasOrgRole(actor, 'instrument_manager', ownerOrgId) || hasOrgRole(actor, 'org_admin', ownerOrgId)
}

/** True when the actor may read a booking: the person who made it or the instrument's managers. */
export function canReadBooking(actor: TActor, booking: { user_id: string; owner_org_id: string }): boolean {
  return booking.user_id === actor.userId || canManageInstrument(actor, booking.owner_org_id)
}

/** True when the actor may cancel or reschedule a booking: only the person who made it. */
export function canChangeBooking(actor: TActor, booking: { user_id: string }): boolean {
  return booking.user_id === actor.userId
}

/** True when the actor may load a year's public holidays (they apply to every instrument). */
export function canLoadHolidayCalendar(actor: TActor): boolean {
  return hasRole(actor, 'platform_admin')
}

/** Organisations the actor belongs to in any role (price tier and network membership). */
export function orgIdsOf(actor: TActor | null): string[] {
  if (!actor) return []
  return [...new Set(actor.grants.flatMap((g) => (g.orgId ? [g.orgId] : [])))]
}
