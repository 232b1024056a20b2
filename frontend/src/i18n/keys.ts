import i18n, { type ParseKeys, type TFunction } from 'i18next'

/** Any key of the Dutch texts (src/i18n/i18next.d.ts): what `t()` accepts. */
export type TranslationKey = ParseKeys

/**
 * For a key built from what the server sends as free text (a problem code, a validation type): checked against the
 * loaded texts at run time, as the type checker cannot. Keys from our own unions and tables need no such check.
 */
export function isTranslationKey(key: string): key is TranslationKey {
  return i18n.exists(key)
}

/** The words for a code the API sends as plain text (`prefix.code`), or the code itself when we have none. */
export function codeText(t: TFunction, prefix: string, code: string | number): string {
  const key = `${prefix}.${code}`
  return isTranslationKey(key) ? t(key) : String(code)
}
