import type { TDemoResource } from './resource-base.ts'

/**
 * PostgreSQL COPY text format (the default of `COPY … FROM STDIN`): tab-separated columns, one line per
 * row, `\N` for NULL, and backslash, tab, newline and carriage return escaped with a backslash.
 */

/** Columns written by resourceCopyLine, in order; `id` is left to the column default. */
export const RESOURCE_COPY_COLUMNS = [
  'kind',
  'title',
  'summary',
  'owner_org_id',
  'node_id',
  'region_code',
  'city_code',
  'discipline_code',
  'industry_code',
  'category',
  'tags',
  'sharing_level',
  'status',
  'contact',
  'attributes',
  'created_at',
  'updated_at',
  'published_at',
] as const

const SPECIAL = /[\\\t\n\r]/
const SPECIAL_ALL = /[\\\t\n\r]/g
const REPLACEMENT: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' }

/**
 * Escapes one column value for COPY text format.
 * @param value text, or null for SQL NULL
 */
export function copyField(value: string | null): string {
  if (value === null) return '\\N'
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => REPLACEMENT[c] ?? c) : value
}

/**
 * A PostgreSQL array literal of text elements, every element quoted: `{"a","b \"c\""}`.
 * @param items the elements (no NULLs)
 */
export function textArrayLiteral(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`
}

/**
 * One COPY text line (with its final newline) for a resource, in RESOURCE_COPY_COLUMNS order.
 * @param row a built resource
 */
export function resourceCopyLine(row: TDemoResource): string {
  return (
    [
      row.kind,
      row.title,
      row.summary,
      row.owner_org_id,
      row.node_id,
      row.region_code,
      row.city_code,
      row.discipline_code,
      row.industry_code,
      row.category,
      textArrayLiteral(row.tags),
      row.sharing_level,
      row.status,
      row.contact === null ? null : JSON.stringify(row.contact),
      JSON.stringify(row.attributes),
      row.created_at.toISOString(),
      row.updated_at.toISOString(),
      row.published_at === null ? null : row.published_at.toISOString(),
    ]
      .map(copyField)
      .join('\t') + '\n'
  )
}
