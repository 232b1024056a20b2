import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { isApiError } from '../../api/errors'
import { NotFound } from '../../components/NotFound'
import { PageHeading } from '../../components/Page'
import { EmptyState, ErrorState, Loading } from '../../components/States'
import { useLayoutFamily } from '../families/layoutFamily'
import { MeetingList } from './MeetingList'
import { useFamilyMeetings } from './queries'
import { isUpcoming } from './time'
import './meetings.css'

/** A family's roundtable meetings: what is coming (soonest first) and what has been, with their flags. */
export function FamilyMeetingsPage() {
  const { familyId = '' } = useParams()
  const { t } = useTranslation()
  const { family: detail } = useLayoutFamily()
  const meetings = useFamilyMeetings(familyId)

  if (meetings.isError) {
    if (isApiError(meetings.error, 404) || isApiError(meetings.error, 422)) return <NotFound kind="family" />
    return <ErrorState error={meetings.error} onRetry={() => void meetings.refetch()} />
  }
  if (meetings.isPending) return <Loading label={t('meetings.loading')} />

  const all = meetings.data.pages.flatMap((page) => page.items)
  const upcoming = all.filter((m) => isUpcoming(m)).reverse()
  const past = all.filter((m) => !isUpcoming(m))

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/families/${familyId}`}>← {t('meetings.backToFamily')}</Link>
      </p>
      <PageHeading
        title={t('meetings.familyPageTitle', { reference: detail.reference })}
        actions={
          detail.archived_at ? null : (
            <Link className="button" to={`/families/${familyId}/meetings/new`}>
              {t('meetings.plan')}
            </Link>
          )
        }
      >
        {t('meetings.title')} <span className="heading-sub">{detail.display_name}</span>
      </PageHeading>
      <p className="lead">{t('meetings.familyIntro')}</p>
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{t('meetings.upcoming')}</h2>
        {upcoming.length === 0 ? (
          <EmptyState title={t('meetings.noUpcoming')}>
            {detail.archived_at ? null : <p>{t('meetings.noUpcomingBody')}</p>}
          </EmptyState>
        ) : (
          <MeetingList meetings={upcoming} />
        )}
      </section>
      <section aria-labelledby="past-heading">
        <h2 id="past-heading">{t('meetings.past')}</h2>
        {past.length === 0 ? <p className="muted">{t('meetings.noPast')}</p> : <MeetingList meetings={past} />}
        {meetings.hasNextPage ? (
          <p className="load-more">
            <button
              type="button"
              className="button button-secondary"
              disabled={meetings.isFetchingNextPage}
              onClick={() => void meetings.fetchNextPage()}
            >
              {t('meetings.more')}
            </button>
          </p>
        ) : null}
      </section>
    </>
  )
}
