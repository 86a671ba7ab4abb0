import { z } from 'zod'
import {
  ZBookingRules,
  ZBookingRulesResponse,
  ZCalendarQuery,
  ZCalendarResponse,
  ZCalendarYearParams,
  ZInstrumentIdParams,
  ZListBookingsResponse,
  ZListInstrumentBookingsQuery,
  ZMaintenanceParams,
  ZQuoteRequest,
  ZQuoteResponse,
  ZTrainingParams,
} from '#shared/contracts/booking.ts'
import {
  ZCalendarYearResponse,
  ZCreateMaintenanceRequest,
  ZListTrainingsResponse,
  ZLoadCalendarYearRequest,
  ZMaintenance,
  ZRecordTrainingRequest,
} from '#shared/contracts/booking-admin.ts'
import type { TApp } from '../../http/app-type.ts'
import type { TBookingService } from './booking.service.ts'

const TAGS = ['booking']

/** Routes about one instrument (rules, calendar, quote, its bookings, maintenance, trainings) and the holiday calendar. */
export function registerInstrumentBookingRoutes(app: TApp, booking: TBookingService): void {
  registerPublicRoutes(app, booking)
  registerManagerRoutes(app, booking)
  registerCalendarYearRoutes(app, booking)
}

function registerPublicRoutes(app: TApp, booking: TBookingService): void {
  app.get(
    '/api/instruments/:id/booking-rules',
    {
      schema: {
        tags: TAGS,
        summary: '预约规则 An instrument’s booking rules (saved, or derived from its description)',
        params: ZInstrumentIdParams,
        response: { 200: ZBookingRulesResponse },
      },
    },
    (request) => booking.getRules(request.ctx, request.params.id),
  )
  app.get(
    '/api/instruments/:id/calendar',
    {
      schema: {
        tags: TAGS,
        summary: '预约日历 Free/busy, opening hours and holidays for some days (Asia/Shanghai, at most 62)',
        params: ZInstrumentIdParams,
        querystring: ZCalendarQuery,
        response: { 200: ZCalendarResponse },
      },
    },
    (request) => booking.getCalendar(request.ctx, request.params.id, request.query),
  )
  app.post(
    '/api/instruments/:id/quote',
    {
      schema: {
        tags: TAGS,
        summary: '报价 The price of a range and/or samples for the caller (internal / member / external)',
        params: ZInstrumentIdParams,
        body: ZQuoteRequest,
        response: { 200: ZQuoteResponse },
      },
    },
    (request) => booking.quoteBooking(request.ctx, request.params.id, request.body),
  )
}

function registerManagerRoutes(app: TApp, booking: TBookingService): void {
  app.put(
    '/api/instruments/:id/booking-rules',
    {
      schema: {
        tags: TAGS,
        summary: '设置预约规则 Save an instrument’s booking rules (its instrument managers and org admins)',
        params: ZInstrumentIdParams,
        body: ZBookingRules,
        response: { 200: ZBookingRulesResponse },
      },
    },
    (request) => booking.updateRules(request.ctx, request.params.id, request.body),
  )
  app.get(
    '/api/instruments/:id/bookings',
    {
      schema: {
        tags: TAGS,
        summary: '仪器预约列表 An instrument’s bookings (its managers)',
        params: ZInstrumentIdParams,
        querystring: ZListInstrumentBookingsQuery,
        response: { 200: ZListBookingsResponse },
      },
    },
    (request) => booking.listInstrumentBookings(request.ctx, request.params.id, request.query),
  )
  app.post(
    '/api/instruments/:id/maintenance',
    {
      schema: {
        tags: TAGS,
        summary: '维护时段 Close an instrument for maintenance (its managers)',
        params: ZInstrumentIdParams,
        body: ZCreateMaintenanceRequest,
        response: { 201: ZMaintenance },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await booking.addMaintenance(request.ctx, request.params.id, request.body)),
  )
  app.delete(
    '/api/instruments/:id/maintenance/:maintenanceId',
    {
      schema: {
        tags: TAGS,
        summary: '删除维护时段 Remove a maintenance window (its managers)',
        params: ZMaintenanceParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await booking.deleteMaintenance(request.ctx, request.params.id, request.params.maintenanceId)
      return reply.status(204).send(null)
    },
  )
  app.get(
    '/api/instruments/:id/trainings',
    {
      schema: {
        tags: TAGS,
        summary: '培训记录 People trained on an instrument (its managers)',
        params: ZInstrumentIdParams,
        response: { 200: ZListTrainingsResponse },
      },
    },
    (request) => booking.listTrainings(request.ctx, request.params.id),
  )
  app.put(
    '/api/instruments/:id/trainings/:userId',
    {
      schema: {
        tags: TAGS,
        summary: '记录培训 Record that a person is trained (may then operate it themselves; its managers)',
        params: ZTrainingParams,
        body: ZRecordTrainingRequest,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await booking.recordTraining(request.ctx, request.params.id, request.params.userId, request.body)
      return reply.status(204).send(null)
    },
  )
  app.delete(
    '/api/instruments/:id/trainings/:userId',
    {
      schema: {
        tags: TAGS,
        summary: '撤销培训记录 Withdraw a training record (its managers)',
        params: ZTrainingParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await booking.deleteTraining(request.ctx, request.params.id, request.params.userId)
      return reply.status(204).send(null)
    },
  )
}

function registerCalendarYearRoutes(app: TApp, booking: TBookingService): void {
  app.get(
    '/api/booking-calendar/:year',
    {
      schema: {
        tags: TAGS,
        summary: '节假日日历 A year’s public holidays and adjusted workdays (loaded, bundled or missing)',
        params: ZCalendarYearParams,
        response: { 200: ZCalendarYearResponse },
      },
    },
    (request) => booking.getCalendarYear(request.params.year),
  )
  app.put(
    '/api/booking-calendar/:year',
    {
      schema: {
        tags: TAGS,
        summary: '载入节假日日历 Load a year’s holidays and 调休 workdays (platform admins)',
        params: ZCalendarYearParams,
        body: ZLoadCalendarYearRequest,
        response: { 200: ZCalendarYearResponse },
      },
    },
    (request) => booking.loadCalendarYear(request.ctx, request.params.year, request.body),
  )
}
