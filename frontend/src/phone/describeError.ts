import type { PhoneT } from './i18n'
import { CheckinError } from './api'

/** What went wrong, in the member's words. */
export function describeCheckinError(error: unknown, t: PhoneT): string {
  if (!(error instanceof CheckinError)) return t('checkin.server')
  switch (error.kind) {
    case 'wrong_code':
      return error.attemptsLeft === null
        ? t('checkin.wrongCode')
        : t('checkin.wrongCodeLeft', { count: error.attemptsLeft })
    case 'locked':
      return t('checkin.locked')
    case 'unusable':
    case 'no_token':
      return t('checkin.unusable')
    case 'rate_limited':
      return error.retryAfter === null
        ? t('checkin.rateLimitedSoon')
        : t('checkin.rateLimited', { minutes: Math.max(1, Math.ceil(error.retryAfter / 60)) })
    case 'offline':
      return t('checkin.offline')
    case 'invalid':
      return t('checkin.codeMissing')
    case 'session_expired':
      return t('checkin.sessionEnded')
    case 'server':
      return t('checkin.server')
  }
}
