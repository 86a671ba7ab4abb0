import type {
  TBooking,
  TCalendarResponse,
  TCancelBookingRequest,
  TCreateBookingRequest,
  TListMyBookingsResponse,
  TQuoteRequest,
  TQuoteResponse,
  TRescheduleBookingRequest,
} from '../../shared/contracts/booking.ts'
import { apiGet, apiSend, type TRequestOptions } from '../api-client.ts'

const bookingPath = (id: string, step: string) => `/api/bookings/${encodeURIComponent(id)}/${step}`

/** @returns GET /api/instruments/:id/calendar: free/busy, opening hours and holidays of some days */
export function getCalendar(
  instrumentId: string,
  from: string,
  to: string,
  options: TRequestOptions,
): Promise<TCalendarResponse> {
  const query = new URLSearchParams({ from, to })
  return apiGet(`/api/instruments/${encodeURIComponent(instrumentId)}/calendar?${query.toString()}`, options)
}

/** @returns POST /api/instruments/:id/quote: the caller's price for a range and/or samples */
export function quoteBooking(
  instrumentId: string,
  body: TQuoteRequest,
  options: TRequestOptions,
): Promise<TQuoteResponse> {
  return apiSend('POST', `/api/instruments/${encodeURIComponent(instrumentId)}/quote`, body, options)
}

/** @returns POST /api/bookings: the new booking (409 SLOT_TAKEN when someone was faster) */
export function createBooking(body: TCreateBookingRequest, options: TRequestOptions): Promise<TBooking> {
  return apiSend('POST', '/api/bookings', body, options)
}

/** @returns GET /api/bookings/mine: my bookings, newest first, and my no-shows */
export function listMyBookings(
  params: { page: number; pageSize: number },
  options: TRequestOptions,
): Promise<TListMyBookingsResponse> {
  const query = new URLSearchParams({ page: String(params.page), pageSize: String(params.pageSize) })
  return apiGet(`/api/bookings/mine?${query.toString()}`, options)
}

/** @returns POST /api/bookings/:id/cancel */
export function cancelBooking(id: string, body: TCancelBookingRequest, options: TRequestOptions): Promise<TBooking> {
  return apiSend('POST', bookingPath(id, 'cancel'), body, options)
}

/** @returns POST /api/bookings/:id/reschedule */
export function rescheduleBooking(
  id: string,
  body: TRescheduleBookingRequest,
  options: TRequestOptions,
): Promise<TBooking> {
  return apiSend('POST', bookingPath(id, 'reschedule'), body, options)
}

/** @returns POST /api/bookings/:id/check-in (no body) */
export function checkInBooking(id: string, options: TRequestOptions): Promise<TBooking> {
  return apiSend('POST', bookingPath(id, 'check-in'), undefined, options)
}
