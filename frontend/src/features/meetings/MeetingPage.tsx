import { useTranslation } from 'react-i18next'
import { Link, useLocation, useParams } from 'react-router'
import { isApiError } from '../../api/errors'
import { NotFound } from '../../components/NotFound'
import { PageHeading } from '../../components/Page'
import { Alert, ErrorState, Loading } from '../../components/States'
import { formatDateTime } from '../../i18n/format'
import { useFamily } from '../families/queries'
import { usePlan } from '../plans/queries'
import { Agenda } from './Agenda'
import { CloseMeeting } from './CloseMeeting'
import { Decisions } from './Decisions'
import { MeetingFlags } from './MeetingFlags'
import { MeetingStatusBadge } from './MeetingList'
import { MeetingSide } from './MeetingSide'
import { Participants } from './Participants'
import { type LoadedMeeting, useMeeting } from './queries'
import { meetingWhen } from './time'
import '../plans/plan.css'
import { FamilyProposals } from '../voice/FamilyProposals'
import './meetings.css'

/** One roundtable meeting, laid out in the order the chair works: who is there, the agenda, decisions, minutes, close. */
export function MeetingPage() {
  const { meetingId = '' } = useParams()
  const { t } = useTranslation()
  const meeting = useMeeting(meetingId)
  if (meeting.isError) {
    if (isApiError(meeting.error, 404) || isApiError(meeting.error, 422)) return <NotFound />
    return <ErrorState error={meeting.error} onRetry={() => void meeting.refetch()} />
  }
  if (meeting.isPending) return <Loading label={t('meetings.loading')} />
  return <MeetingScreen loaded={meeting.data} onReload={() => void meeting.refetch()} />
}

function MeetingScreen({ loaded, onReload }: { loaded: LoadedMeeting; onReload: () => void }) {
  const { t } = useTranslation()
  const { meeting } = loaded
  const family = useFamily(meeting.family_id)
  const plan = usePlan(meeting.family_id)
  const created = Boolean((useLocation().state as { created?: boolean } | null)?.created)

  if (family.isError) return <ErrorState error={family.error} onRetry={() => void family.refetch()} />
  if (family.isPending) return <Loading label={t('meetings.loading')} />
  const detail = family.data.family

  return (
    <div className="meeting-page">
      <p className="breadcrumb">
        <Link to={`/families/${meeting.family_id}/meetings`}>← {t('meetings.backToMeetings')}</Link>
      </p>
      <PageHeading
        title={t('meetings.pageTitle', { reference: meeting.family_reference })}
        actions={
          <Link className="button button-secondary" to={`/meetings/${meeting.id}/summary`}>
            {t('meetings.summary.open')}
          </Link>
        }
      >
        {t('meetings.meetingTitle')} <span className="heading-sub">{detail.display_name}</span>
      </PageHeading>
      <p className="lead meeting-lead">
        <MeetingStatusBadge meeting={meeting} /> <strong>{meetingWhen(meeting.starts_at, meeting.ends_at)}</strong>
        {meeting.place ? ` · ${meeting.place}` : meeting.video_url ? ` · ${t('meetings.video')}` : ''}
        {meeting.chair_name ? ` · ${t('meetings.chairedBy', { name: meeting.chair_name })}` : ''}
      </p>
      {created ? (
        <Alert kind="success">
          <p>{t('meetings.created')}</p>
        </Alert>
      ) : null}
      {meeting.status === 'cancelled' ? (
        <Alert kind="info" title={t('meetings.cancelledTitle')}>
          <p>{meeting.cancel_reason ?? t('meetings.cancelledBody')}</p>
        </Alert>
      ) : null}
      {meeting.status === 'held' ? (
        <Alert kind="success" title={t('meetings.heldTitle')}>
          <p>{t('meetings.heldBody', { date: formatDateTime(meeting.closed_at) })}</p>
          <p>
            <Link to={`/families/${meeting.family_id}/plan`}>{t('meetings.toPlan')}</Link>
          </p>
        </Alert>
      ) : null}
      <MeetingFlags flags={meeting.flags} status={meeting.status} meetingId={meeting.id} />
      <div className="family-grid">
        <div className="family-main">
          <Participants meeting={meeting} family={detail} />
          <Agenda meeting={meeting} />
          {meeting.status === 'planned' && <FamilyProposals familyId={meeting.family_id} meetingId={meeting.id} />}
          {plan.isError && meeting.status === 'planned' ? (
            <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />
          ) : null}
          <Decisions meeting={meeting} family={detail} plan={plan.data?.plan} />
          <CloseMeeting loaded={loaded} onReload={onReload} />
        </div>
        <div className="family-side">
          <MeetingSide loaded={loaded} onReload={onReload} />
        </div>
      </div>
    </div>
  )
}
