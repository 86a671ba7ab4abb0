import type { Kysely } from 'kysely'
import type {
  TAuditFilter,
  TAuditRecord,
  TAuditResult,
  TListAuditQuery,
  TListAuditResponse,
  TVerifyAuditResponse,
} from '#shared/contracts/audit.ts'
import type { TClock } from '../../clock.ts'
import { hasRole, requireActor, type TActor, type TRequestContext } from '../../context.ts'
import type { DB } from '../../db/schema.ts'
import { inTransaction, type TDb } from '../../db/transaction.ts'
import { AppError } from '../../errors.ts'
import { auditRecordsToCsv } from './audit.csv.ts'
import './audit.messages.ts'
import * as repo from './audit.repo.ts'

/** One thing that happened, as another module reports it. */
export type TAuditEntry = {
  actorId: string | null
  /** Defaults to the actor's current display name (empty when there is no actor). */
  actorName?: string
  /** `<module>.<verb>`, e.g. `identity.sign_in`, `org.approve`. */
  action: string
  targetType: string
  targetId: string | null
  ip: string
  userAgent?: string
  result: TAuditResult
  /** Context worth keeping; never passwords, codes or tokens. */
  detail?: Record<string, unknown>
}

/** The least retention the law allows (网络安全法 Art. 21: not less than six months). */
export const MIN_AUDIT_RETENTION_DAYS = 180

/** Most rows one export returns; narrow the time range for more. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000

const DAY_MS = 24 * 60 * 60 * 1000

function toRecord(row: repo.TAuditRow): TAuditRecord {
  return {
    id: row.id,
    chainSeq: row.chain_seq,
    occurredAt: row.occurred_at.toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    ip: row.ip,
    userAgent: row.user_agent,
    result: row.result as TAuditResult,
    detail: row.detail,
  }
}

/**
 * The audit log (MLPS 安全审计): other modules append records; only auditors (审计管理员) read them; rows
 * older than the retention are purged daily. Nothing here updates or deletes a record otherwise, and the
 * database refuses it anyway (0006_audit.sql).
 * @param deps.retentionDays how long records are kept (default and minimum 180)
 * @throws Error when retentionDays is below 180 (a configuration mistake)
 */
export function createAuditService(deps: { db: Kysely<DB>; clock: TClock; retentionDays?: number }) {
  const { db, clock } = deps
  const retentionDays = deps.retentionDays ?? MIN_AUDIT_RETENTION_DAYS
  if (!Number.isInteger(retentionDays) || retentionDays < MIN_AUDIT_RETENTION_DAYS) {
    throw new Error(`Audit retention must be a whole number of at least ${MIN_AUDIT_RETENTION_DAYS} days, not ${retentionDays}`)
  }

  /**
   * Appends a record. Pass the caller's transaction so the record commits (or rolls back) with the change
   * it describes. Audit writers take turns from their insert until they commit (the hash chain's lock), so
   * make it the last write of the transaction: that keeps the wait short and rules out lock-order
   * deadlocks with other writes.
   */
  async function record(entry: TAuditEntry, trx: TDb = db): Promise<void> {
    await repo.insertAuditRow(trx, {
      occurred_at: clock.now(),
      actor_id: entry.actorId,
      ...(entry.actorName === undefined ? {} : { actor_name: entry.actorName }),
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      ip: entry.ip,
      user_agent: entry.userAgent ?? '',
      result: entry.result,
      detail: JSON.stringify(entry.detail ?? {}),
    })
  }

  /** `record` with the actor, IP and user agent taken from the request context. */
  async function recordFor(
    ctx: TRequestContext,
    entry: Pick<TAuditEntry, 'action' | 'targetType' | 'targetId' | 'result' | 'detail'>,
    trx: TDb = db,
  ): Promise<void> {
    await record(
      {
        ...entry,
        actorId: ctx.actor?.userId ?? null,
        actorName: ctx.actor?.displayName ?? '',
        ip: ctx.ip,
        userAgent: ctx.userAgent,
      },
      trx,
    )
  }

  /** Only auditors pass; a signed-in non-auditor is refused, and the refusal is itself recorded. */
  async function requireAuditor(ctx: TRequestContext, action: string): Promise<TActor> {
    const actor = requireActor(ctx)
    if (hasRole(actor, 'auditor')) return actor
    await recordFor(ctx, { action, targetType: 'audit_log', targetId: null, result: 'denied' })
    throw new AppError('FORBIDDEN', `${actor.userId} is not an auditor`, { messageKey: 'audit.AUDITOR_ONLY' })
  }

  function toRowFilter(filter: TAuditFilter): repo.TAuditRowFilter {
    const from = filter.from === undefined ? undefined : new Date(filter.from)
    const to = filter.to === undefined ? undefined : new Date(filter.to)
    if (from && to && from >= to) {
      throw new AppError('VALIDATION', 'from must be before to', { messageKey: 'audit.INVALID_RANGE' })
    }
    return { ...filter, from, to }
  }

  /**
   * One page of records matching the filter, newest first.
   * @throws AppError UNAUTHENTICATED | SECOND_FACTOR_REQUIRED | FORBIDDEN (not an auditor) | VALIDATION
   */
  async function listRecords(ctx: TRequestContext, query: TListAuditQuery): Promise<TListAuditResponse> {
    await requireAuditor(ctx, 'audit.search')
    const { page, pageSize, ...filter } = query
    const rowFilter = toRowFilter(filter)
    const [rows, total] = await Promise.all([
      repo.listAuditRows(db, rowFilter, { limit: pageSize, offset: (page - 1) * pageSize }),
      repo.countAuditRows(db, rowFilter),
    ])
    return { items: rows.map(toRecord), total, page, pageSize }
  }

  /**
   * The matching records as CSV (newest first, at most AUDIT_EXPORT_MAX_ROWS). The export is recorded.
   * @throws AppError UNAUTHENTICATED | SECOND_FACTOR_REQUIRED | FORBIDDEN (not an auditor) | VALIDATION
   */
  async function exportCsv(
    ctx: TRequestContext,
    filter: TAuditFilter,
  ): Promise<{ csv: string; rowCount: number; isTruncated: boolean }> {
    await requireAuditor(ctx, 'audit.export')
    const rowFilter = toRowFilter(filter)
    const rows = await repo.listAuditRows(db, rowFilter, { limit: AUDIT_EXPORT_MAX_ROWS + 1, offset: 0 })
    const isTruncated = rows.length > AUDIT_EXPORT_MAX_ROWS
    const kept = rows.slice(0, AUDIT_EXPORT_MAX_ROWS)
    await recordFor(ctx, {
      action: 'audit.export',
      targetType: 'audit_log',
      targetId: null,
      result: 'success',
      detail: { filter, rowCount: kept.length, isTruncated },
    })
    return { csv: auditRecordsToCsv(kept.map(toRecord)), rowCount: kept.length, isTruncated }
  }

  /**
   * Recomputes the hash chain over the kept rows.
   * @throws AppError UNAUTHENTICATED | SECOND_FACTOR_REQUIRED | FORBIDDEN (not an auditor)
   */
  async function verifyChain(ctx: TRequestContext): Promise<TVerifyAuditResponse> {
    await requireAuditor(ctx, 'audit.verify')
    const result = await repo.checkAuditChain(db)
    return { isIntact: result.firstBrokenSeq === null, ...result }
  }

  /**
   * Deletes the records older than the retention (≥ 180 days) — the one deletion the database allows — and
   * records that it did. Run daily by the `audit-purge` job.
   * @returns how many records were removed
   */
  async function purgeExpired(now: Date = clock.now()): Promise<number> {
    const cutoff = new Date(now.getTime() - retentionDays * DAY_MS)
    return inTransaction(db, async (trx) => {
      const removed = await repo.deleteAuditRowsBefore(trx, cutoff)
      if (removed > 0) {
        await record(
          {
            actorId: null,
            actorName: 'system',
            action: 'audit.purge',
            targetType: 'audit_log',
            targetId: null,
            ip: '',
            result: 'success',
            detail: { removed, cutoff: cutoff.toISOString(), retentionDays },
          },
          trx,
        )
      }
      return removed
    })
  }

  return { retentionDays, record, recordFor, listRecords, exportCsv, verifyChain, purgeExpired }
}

export type TAuditService = ReturnType<typeof createAuditService>
