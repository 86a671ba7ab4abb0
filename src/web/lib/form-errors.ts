import type { FormInstance } from 'antd'
import { ApiError } from '../api-client.ts'

/** One field problem as the server reports it: `{ path: 'body.password', message }`. */
export type TFieldIssue = { path: string; message: string }

/**
 * The field issues of an API error (`details.issues`), or none.
 * @param error what the request threw
 * @returns the issues with their paths and localised messages
 */
export function fieldIssuesOf(error: unknown): TFieldIssue[] {
  if (!(error instanceof ApiError)) return []
  const details = error.details as { issues?: unknown } | null | undefined
  if (!details || !Array.isArray(details.issues)) return []
  return details.issues.flatMap((issue: unknown) => {
    const { path, message } = (issue ?? {}) as { path?: unknown; message?: unknown }
    return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : []
  })
}

type TApplyOptions = {
  /** The form's field names that a `body.<name>` path may land on. */
  fields: readonly string[]
  /** Body fields shown under another form field, e.g. privacyVersion under the consent checkbox. */
  aliases?: Readonly<Record<string, string>>
}

/**
 * Shows an API error where it belongs: each `body.<field>` issue under its form field, and whatever is
 * left (issues of fields the form does not have, or the error itself) as one message for the form.
 * @param form the antd form
 * @param error what the request threw
 * @returns issues that found no field, as text, or null when every issue is under its field
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  { fields, aliases = {} }: TApplyOptions,
): string[] | null {
  const issues = fieldIssuesOf(error)
  const byField = new Map<string, string[]>()
  const leftover: string[] = []
  for (const issue of issues) {
    const bodyPath = issue.path.startsWith('body.') ? issue.path.slice('body.'.length) : ''
    const top = bodyPath.split('.')[0] ?? ''
    const field = aliases[top] ?? top
    if (fields.includes(field)) byField.set(field, [...(byField.get(field) ?? []), issue.message])
    else leftover.push(issue.message)
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })))
  if (issues.length === 0) return []
  return leftover.length > 0 ? leftover : null
}
