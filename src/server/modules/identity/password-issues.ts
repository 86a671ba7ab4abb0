import type { TFieldIssue } from '../../errors.ts'
import { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_CLASSES, PASSWORD_MIN_LENGTH } from './password-policy.ts'

const VARS = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH, classes: PASSWORD_MIN_CLASSES }

/**
 * The password rules a new password breaks, as field errors of `path` (one issue per rule, so the form can
 * say exactly what to change).
 * @param path e.g. 'body.password'
 */
export function passwordIssues(password: string, phone: string | null, path: string): TFieldIssue[] {
  return checkPassword(password, { phone }).map((rule) => ({
    path,
    messageKey: `identity.PASSWORD_${rule}`,
    vars: VARS,
  }))
}
