import { useTranslation } from 'react-i18next'
import { localDetail } from '../../api/errors'
import type { Flag, MeetingStatus } from './types'

/** Crucial players who are missing, said plainly at the top of the meeting: who, and why they matter. */
export function MeetingFlags({ flags, status }: { flags: readonly Flag[]; status: MeetingStatus }) {
  const { t, i18n } = useTranslation()
  if (flags.length === 0) return null
  return (
    <section className="alert alert-warning meeting-flags" aria-labelledby="flags-heading">
      <h2 id="flags-heading" className="alert-title">
        {status === 'held' ? t('meetings.flags.titleHeld', { count: flags.length }) : t('meetings.flags.title', { count: flags.length })}
      </h2>
      <p>{status === 'held' ? t('meetings.flags.introHeld') : t('meetings.flags.intro')}</p>
      <ul>
        {flags.map((flag) => (
          <li key={`${flag.reason}-${flag.person.kind}-${flag.person.id ?? flag.person.name}`}>
            <strong>{localDetail(flag.message, i18n.language)}</strong>
            {flag.because.length > 0 ? (
              <span className="flag-because">
                {' '}
                {t('meetings.flags.because')} {flag.because.join('; ')}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** "2 signalen" as a badge in lists. */
export function FlagBadge({ count }: { count: number }) {
  const { t } = useTranslation()
  if (count === 0) return null
  return <span className="badge badge-flag">{t('meetings.flags.badge', { count })}</span>
}
