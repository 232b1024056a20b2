import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PageHeading } from '../../components/Page'
import { EmptyState, ErrorState, Loading } from '../../components/States'
import { MeetingList } from './MeetingList'
import { type OverviewQuery, useOverview } from './queries'
import '../plans/plan.css'
import './meetings.css'

const RECENT_DAYS = 60
type Scope = NonNullable<OverviewQuery['scope']>

/** Start of the current minute, so the queries' keys stay the same while the page is open. */
function nowIso(): string {
  const now = new Date()
  now.setSeconds(0, 0)
  return now.toISOString()
}

/** Across the organisation: meetings that need attention (flagged), what is coming, and what was recently held. */
export function MeetingsOverviewPage() {
  const { t } = useTranslation()
  const [scope, setScope] = useState<Scope>('organisation')
  const [now] = useState(nowIso)
  const since = new Date(new Date(now).getTime() - RECENT_DAYS * 86_400_000).toISOString()
  return (
    <>
      <PageHeading title={t('meetings.overview.title')}>{t('meetings.overview.title')}</PageHeading>
      <p className="lead">{t('meetings.overview.intro', { days: RECENT_DAYS })}</p>
      <div className="field overview-scope">
        <label htmlFor="overview-scope">{t('meetings.overview.scope')}</label>
        <select id="overview-scope" value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
          <option value="organisation">{t('meetings.overview.scopeOrganisation')}</option>
          <option value="mine">{t('meetings.overview.scopeMine')}</option>
        </select>
      </div>
      <OverviewSection
        id="flagged"
        title={t('meetings.overview.flagged')}
        intro={t('meetings.overview.flaggedIntro')}
        empty={t('meetings.overview.noFlagged')}
        query={{ scope, flagged: true, from: since, order: 'asc', limit: 25 }}
      />
      <OverviewSection
        id="upcoming"
        title={t('meetings.overview.upcoming')}
        empty={t('meetings.overview.noUpcoming')}
        query={{ scope, status: 'planned', from: now, order: 'asc', limit: 25 }}
      />
      <OverviewSection
        id="recent"
        title={t('meetings.overview.recent')}
        empty={t('meetings.overview.noRecent')}
        query={{ scope, from: since, to: now, order: 'desc', limit: 25 }}
      />
    </>
  )
}

function OverviewSection({
  id,
  title,
  intro,
  empty,
  query,
}: {
  id: string
  title: string
  intro?: string
  empty: string
  query: OverviewQuery
}) {
  const result = useOverview(query)
  return (
    <section className="overview-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {intro ? <p className="muted">{intro}</p> : null}
      {result.isPending ? <Loading /> : null}
      {result.isError ? <ErrorState error={result.error} onRetry={() => void result.refetch()} /> : null}
      {result.isSuccess && result.data.items.length === 0 ? <EmptyState title={empty} /> : null}
      {result.isSuccess && result.data.items.length > 0 ? (
        <MeetingList meetings={result.data.items} showFlags={query.flagged === true} />
      ) : null}
    </section>
  )
}
