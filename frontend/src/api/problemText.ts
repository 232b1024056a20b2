import type { TFunction } from 'i18next'
import { isTranslationKey } from '../i18n/keys'
import { ApiError } from './errors'

/**
 * The app's own text for a problem's `code` (features/workday/i18n, key "problem"), never the server's `detail`:
 * null when the error carries no code we know, so the caller picks a text by status.
 */
export function problemText(error: unknown, t: TFunction): string | null {
  if (!(error instanceof ApiError)) return null
  const code = error.problem?.code
  const key = `problem.${code ?? ''}`
  return code && isTranslationKey(key) ? t(key) : null
}
