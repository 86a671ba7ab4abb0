import { useCallback, useState } from 'react'
import { Alert, type FormInstance } from 'antd'
import { useT } from '../i18n/use-t.ts'
import { applyFieldErrors } from '../lib/form-errors.ts'
import { describeError } from './query-state.tsx'

type TFormErrorOptions = Parameters<typeof applyFieldErrors>[2]

/**
 * Error handling of a form that posts to the API: field issues go under their fields, anything else
 * becomes the form's one message (shown by {@link FormErrorAlert}).
 * @param form the antd form
 * @param options the form's field names and aliases; pass a constant so the callbacks stay stable
 * @returns the current message, `showError(error)` for the mutation's onError, and `clearError()`
 */
export function useFormError(form: FormInstance, options: TFormErrorOptions) {
  const t = useT()
  const [formError, setFormError] = useState<string | null>(null)
  const showError = useCallback(
    (error: unknown) => {
      const leftover = applyFieldErrors(form, error, options)
      if (leftover === null) setFormError(null)
      else if (leftover.length > 0) setFormError(leftover.join(' '))
      else setFormError(describeError(error instanceof Error ? error : new Error(String(error)), t))
    },
    [form, options, t],
  )
  const clearError = useCallback(() => setFormError(null), [])
  return { formError, showError, clearError }
}

/**
 * The form-level error line, or nothing.
 * @param message from {@link useFormError}
 * @param testId data-testid for the browser tests
 * @returns an error Alert or null
 */
export function FormErrorAlert({ message, testId = 'form-error' }: { message: string | null; testId?: string }) {
  if (!message) return null
  return <Alert type="error" showIcon title={message} data-testid={testId} style={{ marginBottom: 16 }} />
}
