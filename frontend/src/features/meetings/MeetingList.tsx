import { useTranslation } from 'react-i18next'
import { localDetail } from '../../api/errors'
import { Link } from 'react-router'
import { FlagBadge } from './MeetingFlags'
import { isUpcoming, meetingWhen } from './time'
import type { Meeting, OverviewItem } from './types'

/** The meeting's state in one badge; a planned meeting whose time has passed is "not closed yet". */
export function MeetingStatusBadge({ meeting }: { meeting: Pick<Meeting, 'status' | 'ends_at'> }) {
  const { t } = useTranslation()
  const overdue = meeting.status === 'planned' && !isUpcoming(meeting)
  return (
    <span className={`badge badge-meeting-${overdue ? 'unclosed' : meeting.status}`}>
      {overdue ? t('meetings.status.unclosed') : t(`meetings.status.${meeting.status}`)}
    </span>
  )
}

function isOverview(meeting: Meeting | OverviewItem): meeting is OverviewItem {
  return 'family_display_name' in meeting
}

/** Meetings as cards: when, where, who chairs, how many came, flags; the overview adds the family. */
export function MeetingList({
  meetings,
  headingLevel = 3,
  showFlags = false,
}: {
  meetings: readonly (Meeting | OverviewItem)[]
  headingLevel?: 2 | 3
  showFlags?: boolean
}) {
  const { t, i18n } = useTranslation()
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <ul className="meeting-list">
      {meetings.map((meeting) => (
        <li key={meeting.id} className={meeting.flag_count > 0 ? 'meeting-item meeting-item-flagged' : 'meeting-item'}>
          <Heading className="meeting-item-title">
            <Link to={`/meetings/${meeting.id}`}>
              {isOverview(meeting) ? `${meeting.family_display_name} · ` : ''}
              {meetingWhen(meeting.starts_at, meeting.ends_at)}
            </Link>
          </Heading>
          <p className="meeting-item-meta">
            <MeetingStatusBadge meeting={meeting} />
            <FlagBadge count={meeting.flag_count} />
            <span>{meeting.place ?? (meeting.video_url ? t('meetings.video') : t('meetings.noPlace'))}</span>
            {meeting.chair_name ? <span>{t('meetings.chairedBy', { name: meeting.chair_name })}</span> : null}
            {isOverview(meeting) && meeting.supporter_name ? (
              <span>{t('meetings.supporter', { name: meeting.supporter_name })}</span>
            ) : null}
            <span>
              {meeting.status === 'held'
                ? t('meetings.presentCount', { present: meeting.present_count, count: meeting.participant_count })
                : t('meetings.participantCount', { count: meeting.participant_count })}
            </span>
          </p>
          {showFlags && isOverview(meeting) && meeting.flags.length > 0 ? (
            <ul className="meeting-item-flags">
              {meeting.flags.map((flag) => (
                <li key={`${flag.reason}-${flag.person.id ?? flag.person.name}`}>
                  {localDetail(flag.message, i18n.language)}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
