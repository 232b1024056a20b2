import type { TFunction } from 'i18next'
import { ApiError, fieldErrors } from '../api/errors'
import { problemText } from '../api/problemText'
import { isTranslationKey } from '../i18n/keys'

/** A plain-language message for a validation error type; the API's own wording when we have none. */
function validationMessage(field: string, error: { message: string; type: string }, t: TFunction): string {
  const leaf = field.split('.').pop() ?? field
  // Our own words for the field's code; never the server's message.
  const key = [`validation.${error.type}.${leaf}`, `validation.${error.type}.default`].find(isTranslationKey)
  return t(key ?? 'problem.invalid_input')
}

/**
 * What a form shows after a failed save: messages per field (the API's, or our own "required" checks)
 * and a general message when the API gave no field to attach it to.
 */
export function formErrors(
  error: unknown,
  clientErrors: Record<string, string>,
  known: readonly string[],
  t: TFunction,
): { fields: Record<string, string>; detail: string | null } {
  if (Object.keys(clientErrors).length > 0) return { fields: clientErrors, detail: null }
  if (!error) return { fields: {}, detail: null }
  const all = fieldErrors(error)
  const fields: Record<string, string> = {}
  const other: string[] = []
  for (const [name, fieldError] of Object.entries(all)) {
    if (known.includes(name)) fields[name] = validationMessage(name, fieldError, t)
    else other.push(validationMessage(name, fieldError, t))
  }
  if (error instanceof ApiError && error.status === 412) return { fields: {}, detail: null }
  let detail: string | null = other.length > 0 ? other.join(' ') : null
  if (Object.keys(fields).length === 0 && !detail) {
    const own = error instanceof ApiError && error.status < 500 ? problemText(error, t) : null
    if (own) detail = own
    else if (error instanceof ApiError && error.status >= 500) detail = t('errors.server')
    else if (error instanceof ApiError && error.status === 429) detail = t('errors.throttled')
    else detail = error instanceof ApiError ? t('errors.generic') : t('errors.network')
  }
  return { fields, detail }
}

/** Empty inputs become null so optional fields are cleared rather than saved as "". */
export function blankToNull(value: string): string | null {
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID()
}
