import type { TAuditRecord } from '#shared/contracts/audit.ts'

const COLUMNS: { header: string; value: (r: TAuditRecord) => string }[] = [
  { header: '序号 seq', value: (r) => String(r.chainSeq) },
  { header: '时间 occurredAt (UTC)', value: (r) => r.occurredAt },
  { header: '操作人ID actorId', value: (r) => r.actorId ?? '' },
  { header: '操作人 actorName', value: (r) => r.actorName },
  { header: '操作 action', value: (r) => r.action },
  { header: '对象类型 targetType', value: (r) => r.targetType },
  { header: '对象ID targetId', value: (r) => r.targetId ?? '' },
  { header: '结果 result', value: (r) => r.result },
  { header: 'IP', value: (r) => r.ip },
  { header: 'User-Agent', value: (r) => r.userAgent },
  { header: '详情 detail', value: (r) => JSON.stringify(r.detail) },
]

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A cell that a spreadsheet
 * would run as a formula (starts with = + - @ or a tab/CR) gets a leading apostrophe (OWASP CSV injection).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/**
 * The audit export: UTF-8 with a byte-order mark (so Excel shows the Chinese headers), CRLF line ends,
 * bilingual headers, one row per record.
 */
export function auditRecordsToCsv(records: TAuditRecord[]): string {
  const lines = [COLUMNS.map((c) => csvCell(c.header)).join(',')]
  for (const record of records) lines.push(COLUMNS.map((c) => csvCell(c.value(record))).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
