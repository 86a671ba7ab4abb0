import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { TCreateBookingRequest, TQuoteRequest } from '../../shared/contracts/booking.ts'
import {
  cancelBooking,
  checkInBooking,
  createBooking,
  getCalendar,
  listMyBookings,
  quoteBooking,
  rescheduleBooking,
} from '../api/booking.ts'
import { useLang } from '../i18n/use-t.ts'
import { USER_QUERY_ROOT } from './session.ts'

// Under the user root: what a calendar and a quote show depends on who asks (own bookings, price tier).
const BOOKING_ROOT = [...USER_QUERY_ROOT, 'booking'] as const

/** @returns the TanStack query of one instrument's calendar for the days from..to (Asia/Shanghai) */
export function useInstrumentCalendar(instrumentId: string, from: string, to: string) {
  const { lang } = useLang()
  return useQuery({
    queryKey: [...BOOKING_ROOT, 'calendar', instrumentId, from, to, lang],
    queryFn: ({ signal }) => getCalendar(instrumentId, from, to, { lang, signal }),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  })
}

/** @returns the TanStack query of the caller's price; disabled while `body` is null (nothing chosen) */
export function useQuote(instrumentId: string, body: TQuoteRequest | null) {
  const { lang } = useLang()
  return useQuery({
    queryKey: [...BOOKING_ROOT, 'quote', instrumentId, body, lang],
    queryFn: ({ signal }) => quoteBooking(instrumentId, body ?? {}, { lang, signal }),
    enabled: body !== null,
    staleTime: 60_000,
  })
}

/** @returns the TanStack query of one page of my bookings */
export function useMyBookings(params: { page: number; pageSize: number }) {
  const { lang } = useLang()
  return useQuery({
    queryKey: [...BOOKING_ROOT, 'mine', params, lang],
    queryFn: ({ signal }) => listMyBookings(params, { lang, signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  })
}

/** After any booking step, calendars and my list refetch. */
function useRefreshBookings() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: BOOKING_ROOT })
}

/** @returns the mutation of POST /api/bookings */
export function useCreateBooking() {
  const { lang } = useLang()
  const refresh = useRefreshBookings()
  return useMutation({ mutationFn: (body: TCreateBookingRequest) => createBooking(body, { lang }), onSettled: refresh })
}

/** @returns the mutation of POST /api/bookings/:id/cancel */
export function useCancelBooking() {
  const { lang } = useLang()
  const refresh = useRefreshBookings()
  return useMutation({
    mutationFn: (input: { id: string; reason?: string }) => cancelBooking(input.id, { reason: input.reason }, { lang }),
    onSettled: refresh,
  })
}

/** @returns the mutation of POST /api/bookings/:id/reschedule */
export function useRescheduleBooking() {
  const { lang } = useLang()
  const refresh = useRefreshBookings()
  return useMutation({
    mutationFn: (input: { id: string; start: string; end: string }) =>
      rescheduleBooking(input.id, { start: input.start, end: input.end }, { lang }),
    onSettled: refresh,
  })
}

/** @returns the mutation of POST /api/bookings/:id/check-in */
export function useCheckInBooking() {
  const { lang } = useLang()
  const refresh = useRefreshBookings()
  return useMutation({ mutationFn: (id: string) => checkInBooking(id, { lang }), onSettled: refresh })
}
