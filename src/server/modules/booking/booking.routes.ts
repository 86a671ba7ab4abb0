import {
  ZApproveBookingRequest,
  ZBooking,
  ZBookingIdParams,
  ZCancelBookingRequest,
  ZCreateBookingRequest,
  ZListMyBookingsQuery,
  ZListMyBookingsResponse,
  ZRejectBookingRequest,
  ZRescheduleBookingRequest,
} from '#shared/contracts/booking.ts'
import type { TApp } from '../../http/app-type.ts'
import { registerInstrumentBookingRoutes } from './instrument-booking.routes.ts'
import type { TBookingService } from './booking.service.ts'

const TAGS = ['booking']

/** Instrument booking: bookings and their steps here; instrument-scoped routes in instrument-booking.routes.ts. */
export function registerBookingRoutes(app: TApp, deps: { booking: TBookingService }): void {
  registerBookingStepRoutes(app, deps.booking)
  registerInstrumentBookingRoutes(app, deps.booking)
}

function registerBookingStepRoutes(app: TApp, booking: TBookingService): void {
  app.post(
    '/api/bookings',
    {
      schema: {
        tags: TAGS,
        summary: '预约仪器 Book an instrument (signed in; 409 SLOT_TAKEN when the slot is taken)',
        body: ZCreateBookingRequest,
        response: { 201: ZBooking },
      },
    },
    async (request, reply) => reply.status(201).send(await booking.createBooking(request.ctx, request.body)),
  )
  app.get(
    '/api/bookings/mine',
    {
      schema: {
        tags: TAGS,
        summary: '我的预约 My bookings, newest first, with my no-shows of the last 90 days',
        querystring: ZListMyBookingsQuery,
        response: { 200: ZListMyBookingsResponse },
      },
    },
    (request) => booking.listMyBookings(request.ctx, request.query),
  )
  app.post(
    '/api/bookings/:id/approve',
    {
      schema: {
        tags: TAGS,
        summary: '审核通过 Approve a pending booking (the instrument’s managers)',
        params: ZBookingIdParams,
        body: ZApproveBookingRequest,
        response: { 200: ZBooking },
      },
    },
    (request) => booking.approveBooking(request.ctx, request.params.id, request.body),
  )
  app.post(
    '/api/bookings/:id/reject',
    {
      schema: {
        tags: TAGS,
        summary: '审核不通过 Reject a pending booking with a reason (the instrument’s managers)',
        params: ZBookingIdParams,
        body: ZRejectBookingRequest,
        response: { 200: ZBooking },
      },
    },
    (request) => booking.rejectBooking(request.ctx, request.params.id, request.body),
  )
  app.post(
    '/api/bookings/:id/cancel',
    {
      schema: {
        tags: TAGS,
        summary: '取消预约 Cancel my booking (free before the cut-off, late fee after it)',
        params: ZBookingIdParams,
        body: ZCancelBookingRequest,
        response: { 200: ZBooking },
      },
    },
    (request) => booking.cancelBooking(request.ctx, request.params.id, request.body),
  )
  app.post(
    '/api/bookings/:id/reschedule',
    {
      schema: {
        tags: TAGS,
        summary: '改期 Move my booking (same rules; late fee after the cut-off; re-approval when required)',
        params: ZBookingIdParams,
        body: ZRescheduleBookingRequest,
        response: { 200: ZBooking },
      },
    },
    (request) => booking.rescheduleBooking(request.ctx, request.params.id, request.body),
  )
  app.post(
    '/api/bookings/:id/check-in',
    {
      schema: {
        tags: TAGS,
        summary: '签到 Check a confirmed booking in (the person in the check-in window, or a manager)',
        params: ZBookingIdParams,
        response: { 200: ZBooking },
      },
    },
    (request) => booking.checkInBooking(request.ctx, request.params.id),
  )
}
