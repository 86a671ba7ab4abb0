import type { TBookingRules, TBookingRulesResponse } from '#shared/contracts/booking.ts'
import type {
  TCreateMaintenanceRequest,
  TListTrainingsResponse,
  TMaintenance,
  TRecordTrainingRequest,
} from '#shared/contracts/booking-admin.ts'
import { requireActor, type TRequestContext } from '../../context.ts'
import { inTransaction, type TDb } from '../../db/transaction.ts'
import { AppError } from '../../errors.ts'
import { violationError } from './booking-checks.ts'
import { instrumentNotFound, loadRules, type TBookingDeps } from './booking.deps.ts'
import { canManageInstrument } from './booking.policy.ts'
import { userExists } from './instrument.repo.ts'
import { rowFromRules } from './rules.ts'
import * as rulesRepo from './rules.repo.ts'
import { toShanghaiIso } from './time.ts'

/** Instrument managers' side: rules, maintenance windows, training records (issue 5 item 1). */
export function createRulesAdminActions(deps: TBookingDeps) {
  const { db, clock, audit } = deps

  /**
   * The instrument, if the actor manages it; refusals are audited.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND | FORBIDDEN
   */
  async function loadManagedInstrument(ctx: TRequestContext, instrumentId: string, action: string) {
    const actor = requireActor(ctx)
    const loaded = await loadRules(db, instrumentId)
    const isManager = canManageInstrument(actor, loaded.instrument.owner_org_id)
    if (!isManager && loaded.instrument.status !== 'published') throw instrumentNotFound(instrumentId)
    if (!isManager) {
      await audit.recordFor(ctx, { action, targetType: 'instrument', targetId: instrumentId, result: 'denied' })
      throw new AppError('FORBIDDEN', `not a manager of instrument ${instrumentId}`)
    }
    return { actor, ...loaded }
  }

  /**
   * The instrument's booking rules (saved, or derived from its description). Public for published instruments.
   * @throws AppError NOT_FOUND
   */
  async function getRules(ctx: TRequestContext, instrumentId: string): Promise<TBookingRulesResponse> {
    const loaded = await loadRules(db, instrumentId)
    const isVisible =
      loaded.instrument.status === 'published' || canManageInstrument(ctx.actor, loaded.instrument.owner_org_id)
    if (!isVisible) throw instrumentNotFound(instrumentId)
    return {
      instrumentId,
      rules: loaded.rules,
      isDerived: loaded.isDerived,
      updatedAt: loaded.updatedAt ? toShanghaiIso(loaded.updatedAt) : null,
    }
  }

  /**
   * Saves the instrument's rules (they apply to new bookings and changes; existing bookings keep the
   * cancellation terms they were made under). Audited.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND | FORBIDDEN
   */
  async function updateRules(
    ctx: TRequestContext,
    instrumentId: string,
    rules: TBookingRules,
  ): Promise<TBookingRulesResponse> {
    const { actor } = await loadManagedInstrument(ctx, instrumentId, 'booking.rules_update')
    const now = clock.now()
    const saved = await inTransaction(db, async (trx) => {
      const row = await rulesRepo.upsertRuleRow(trx, {
        instrument_id: instrumentId,
        ...rowFromRules(rules),
        updated_by: actor.userId,
        updated_at: now,
      })
      const detail = { rules }
      await audit.recordFor(
        ctx,
        { action: 'booking.rules_update', targetType: 'instrument', targetId: instrumentId, result: 'success', detail },
        trx,
      )
      return row
    })
    return { instrumentId, rules, isDerived: false, updatedAt: toShanghaiIso(saved.updated_at) }
  }

  /**
   * Closes the instrument for a window (servicing, calibration). Bookings already inside it stay; the answer
   * counts them so the manager can move or cancel them.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND | FORBIDDEN | VALIDATION (end before start)
   */
  async function addMaintenance(
    ctx: TRequestContext,
    instrumentId: string,
    input: TCreateMaintenanceRequest,
  ): Promise<TMaintenance> {
    const { actor } = await loadManagedInstrument(ctx, instrumentId, 'booking.maintenance_add')
    const start = new Date(input.start)
    const end = new Date(input.end)
    if (end <= start) throw violationError({ reason: 'RANGE_INVALID', vars: {} })
    return inTransaction(db, async (trx) => {
      const row = await rulesRepo.insertMaintenance(trx, {
        instrumentId,
        start,
        end,
        reason: input.reason,
        createdBy: actor.userId,
        at: clock.now(),
      })
      const overlapping = await rulesRepo.countActiveBookingsIn(trx, instrumentId, start, end)
      const detail = { start: input.start, end: input.end, reason: input.reason, overlapping }
      await audit.recordFor(
        ctx,
        {
          action: 'booking.maintenance_add',
          targetType: 'instrument',
          targetId: instrumentId,
          result: 'success',
          detail,
        },
        trx,
      )
      return {
        id: row.id,
        start: toShanghaiIso(row.start),
        end: toShanghaiIso(row.end),
        reason: row.reason,
        overlappingBookings: overlapping,
      }
    })
  }

  /**
   * Removes a maintenance window.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND (instrument or window) | FORBIDDEN
   */
  async function deleteMaintenance(ctx: TRequestContext, instrumentId: string, maintenanceId: string): Promise<void> {
    await loadManagedInstrument(ctx, instrumentId, 'booking.maintenance_delete')
    if (!(await rulesRepo.deleteMaintenance(db, instrumentId, maintenanceId))) {
      throw new AppError('NOT_FOUND', `maintenance ${maintenanceId} not found`, {
        messageKey: 'booking.MAINTENANCE_NOT_FOUND',
      })
    }
  }

  /**
   * The people trained on the instrument.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND | FORBIDDEN
   */
  async function listTrainings(ctx: TRequestContext, instrumentId: string): Promise<TListTrainingsResponse> {
    await loadManagedInstrument(ctx, instrumentId, 'booking.training_list')
    const rows = await rulesRepo.listTrainings(db, instrumentId)
    return {
      items: rows.map((r) => ({
        user: { id: r.user_id, displayName: r.display_name },
        note: r.note,
        recordedAt: toShanghaiIso(r.recorded_at),
      })),
    }
  }

  /**
   * Records that a person completed the instrument's training: they may then book it to operate themselves.
   * Audited.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND (instrument or person) | FORBIDDEN
   */
  async function recordTraining(
    ctx: TRequestContext,
    instrumentId: string,
    userId: string,
    input: TRecordTrainingRequest,
  ): Promise<void> {
    const { actor } = await loadManagedInstrument(ctx, instrumentId, 'booking.training_record')
    if (!(await userExists(db, userId))) {
      throw new AppError('NOT_FOUND', `user ${userId} not found`, { messageKey: 'booking.USER_NOT_FOUND' })
    }
    await inTransaction(db, async (trx) => {
      await rulesRepo.upsertTraining(trx, {
        instrumentId,
        userId,
        note: input.note,
        recordedBy: actor.userId,
        at: clock.now(),
      })
      await recordTrainingAudit(ctx, instrumentId, { userId, note: input.note, isRecorded: true }, trx)
    })
  }

  /**
   * Withdraws a person's training record. Audited.
   * @throws AppError UNAUTHENTICATED | NOT_FOUND (instrument or record) | FORBIDDEN
   */
  async function deleteTraining(ctx: TRequestContext, instrumentId: string, userId: string): Promise<void> {
    await loadManagedInstrument(ctx, instrumentId, 'booking.training_delete')
    await inTransaction(db, async (trx) => {
      if (!(await rulesRepo.deleteTraining(trx, instrumentId, userId))) {
        throw new AppError('NOT_FOUND', `no training of ${userId}`, { messageKey: 'booking.TRAINING_NOT_FOUND' })
      }
      await recordTrainingAudit(ctx, instrumentId, { userId, isRecorded: false }, trx)
    })
  }

  async function recordTrainingAudit(
    ctx: TRequestContext,
    instrumentId: string,
    detail: { userId: string; note?: string; isRecorded: boolean },
    trx: TDb,
  ): Promise<void> {
    const action = detail.isRecorded ? 'booking.training_record' : 'booking.training_delete'
    await audit.recordFor(
      ctx,
      { action, targetType: 'instrument', targetId: instrumentId, result: 'success', detail },
      trx,
    )
  }

  return { getRules, updateRules, addMaintenance, deleteMaintenance, listTrainings, recordTraining, deleteTraining }
}
