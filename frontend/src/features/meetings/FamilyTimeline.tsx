import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorState, Loading } from '../../components/States'
import { formatDate } from '../../i18n/format'
import { useTimeline } from './queries'
import { meetingDay } from './time'
import type { TimelineEntry } from './types'
import './timeline.css'

function entryText(entry: TimelineEntry, t: TFunction): string {
  switch (entry.kind) {
    case 'status_changed':
      return t('meetings.timeline.status', {
        from: entry.from_status ? t(`status.${entry.from_status}`) : '—',
        to: entry.to_status ? t(`status.${entry.to_status}`) : '—',
      })
    case 'plan_adopted':
      return t('meetings.timeline.adopted', { number: entry.plan_version_number ?? '' })
    case 'decision':
    case 'supporter_changed': // "Nieuwe bondgenoot: <naam>"
      return entry.title
    default:
      return t(`meetings.timeline.kind.${entry.kind}`)
  }
}

/** The family's history on its page: enrolment, status changes, meetings, decisions and plan adoptions, newest first. */
export function FamilyTimeline({ familyId }: { familyId: string }) {
  const { t } = useTranslation()
  const timeline = useTimeline(familyId)
  const entries = timeline.data?.pages.flatMap((page) => page.items) ?? []
  return (
    <section className="card timeline-card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('meetings.timeline.title')}</h2>
      {timeline.isPending ? <Loading /> : null}
      {timeline.isError ? <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} /> : null}
      {timeline.isSuccess && entries.length === 0 ? <p className="muted">{t('meetings.timeline.none')}</p> : null}
      <ol className="timeline">
        {entries.map((entry) => {
          const text = entryText(entry, t)
          const meeting = entry.kind.startsWith('meeting_')
          return (
            <li key={`${entry.kind}-${entry.id}`} className={`timeline-entry timeline-${entry.kind}`}>
              <p className="timeline-date">{meeting ? meetingDay(entry.at) : formatDate(entry.at)}</p>
              <p className="timeline-text">
                {entry.kind === 'decision' ? (
                  <span className="timeline-label">{t('meetings.timeline.decision')} </span>
                ) : null}
                {entry.meeting_id && entry.kind !== 'plan_adopted' ? (
                  <Link to={`/meetings/${entry.meeting_id}`}>{text}</Link>
                ) : (
                  text
                )}
              </p>
              {(entry.kind === 'plan_adopted' || entry.kind === 'supporter_changed') && entry.detail ? (
                <p className="timeline-detail">{entry.detail}</p>
              ) : null}
            </li>
          )
        })}
      </ol>
      {timeline.hasNextPage ? (
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={timeline.isFetchingNextPage}
          onClick={() => void timeline.fetchNextPage()}
        >
          {t('meetings.timeline.more')}
        </button>
      ) : null}
    </section>
  )
}
