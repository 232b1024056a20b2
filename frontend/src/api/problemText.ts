import i18n, { type TFunction } from 'i18next'
import { ApiError } from './errors'

/**
 * The app's own text for a problem's `code` (features/workday/i18n, key "problem"), never the server's `detail`:
 * null when the error carries no code we know, so the caller picks a text by status.
 */
export function problemText(error: unknown, t: TFunction | ((key: string) => string)): string | null {
  if (!(error instanceof ApiError)) return null
  const code = error.problem?.code
  if (!code || !i18n.exists(`problem.${code}`)) return null
  return t(`problem.${code}`)
}
