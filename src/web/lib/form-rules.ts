import type { FormRule } from 'antd'
import type { TTranslate } from '../i18n/i18n-context.ts'

const MOBILE = /^1[3-9]\d{9}$/
const SIX_DIGITS = /^\d{6}$/

/** The password rules the server enforces (MLPS level 3): at least 8 characters from 3 of 4 classes. */
export const PASSWORD_MIN_LENGTH = 8
export const PASSWORD_MIN_CLASSES = 3
const PASSWORD_CLASSES = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z\d]/]

/**
 * How many of the four classes (upper, lower, digit, symbol) a password mixes.
 * @param password the candidate
 * @returns 0–4
 */
export function countPasswordClasses(password: string): number {
  return PASSWORD_CLASSES.filter((pattern) => pattern.test(password)).length
}

/** A mainland mobile number, required. */
export function phoneRules(t: TTranslate): FormRule[] {
  return [
    { required: true, message: t('auth.phoneRequired') },
    { pattern: MOBILE, message: t('auth.phoneInvalid') },
  ]
}

/** A 6-digit SMS code, required. */
export function smsCodeRule(t: TTranslate): FormRule {
  return { required: true, pattern: SIX_DIGITS, message: t('auth.smsCodeInvalid') }
}

/** A 6-digit authenticator code, required. */
export function totpCodeRule(t: TTranslate): FormRule {
  return { required: true, pattern: SIX_DIGITS, message: t('totp.codeInvalid') }
}

/** A new password: the length and class rules, checked here for quick feedback (the server checks again). */
export function newPasswordRules(t: TTranslate): FormRule[] {
  return [
    { required: true, message: t('auth.passwordRequired') },
    {
      validator: async (_rule, value: unknown) => {
        const password = typeof value === 'string' ? value : ''
        if (!password) return
        if (password.length < PASSWORD_MIN_LENGTH)
          throw new Error(t('auth.passwordTooShort', { min: PASSWORD_MIN_LENGTH }))
        if (countPasswordClasses(password) < PASSWORD_MIN_CLASSES) {
          throw new Error(t('auth.passwordTooFewClasses', { classes: PASSWORD_MIN_CLASSES }))
        }
      },
    },
  ]
}
