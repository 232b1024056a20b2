import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { isApiError } from '../../api/errors'
import { NotFound } from '../../components/NotFound'
import { ErrorState, Loading } from '../../components/States'
import { formatDate } from '../../i18n/format'
import { useFamily } from '../families/queries'
import { usePrintFooter } from '../plans/printFooter'
import { useMeeting, useMeetingSummary } from './queries'
import '../plans/plan.css'
import './meetings.css'

/** The meeting as the family takes it home: the API writes it in plain Dutch (B1); this page lays it out for paper. */
export function MeetingSummaryPage() {
  const { meetingId = '' } = useParams()
  const { t, i18n } = useTranslation()
  const nl = i18n.getFixedT('nl')
  const summary = useMeetingSummary(meetingId)
  const meeting = useMeeting(meetingId)
  const reference = summary.data?.family_reference ?? ''

  useEffect(() => {
    document.title = `${t('meetings.summary.docTitle', { reference })} · Bondgenoot`
  }, [t, reference])
  usePrintFooter({ left: summary.data?.title ?? '', page: nl('plan.print.page'), of: nl('plan.print.of') })

  if (summary.isError) {
    if (isApiError(summary.error, 404) || isApiError(summary.error, 422)) return <NotFound />
    return <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
  }
  if (summary.isPending) return <Loading label={t('meetings.loading')} />
  const s = summary.data
  const lists: [string, string[]][] = [
    [nl('meetings.summary.invited'), s.invited],
    [nl('meetings.summary.agenda'), s.agenda],
    [nl('meetings.summary.present'), s.present],
    [nl('meetings.summary.absent'), s.absent],
    [nl('meetings.summary.decisions'), s.decisions],
  ]

  // The document itself stays Dutch: it is written for the family, whatever language the staff member reads.
  return (
    <div className="print-doc summary-doc" lang="nl">
      <div className="print-tools no-print">
        <Link to={`/meetings/${meetingId}`}>← {t('meetings.summary.back')}</Link>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('meetings.summary.print')}
        </button>
      </div>
      <h1>{s.title}</h1>
      <p className="print-meta">
        {meeting.data ? (
          <FamilyName familyId={meeting.data.meeting.family_id} fallback={s.family_reference} />
        ) : (
          s.family_reference
        )}
      </p>
      <dl className="summary-facts">
        <div>
          <dt>{nl('meetings.summary.when')}</dt>
          <dd>{s.when}</dd>
        </div>
        {s.where ? (
          <div>
            <dt>{nl('meetings.summary.where')}</dt>
            <dd>{s.where}</dd>
          </div>
        ) : null}
      </dl>
      <p>{s.intro}</p>
      {s.chair ? <p>{s.chair}</p> : null}
      {lists.map(([heading, items]) =>
        items.length > 0 ? (
          <section key={heading}>
            <h2>{heading}</h2>
            <ul>
              {items.map((item, index) => (
                <li key={`${String(index)}-${item}`}>{item}</li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
      {s.agreements.length > 0 ? (
        <section>
          <h2>{nl('meetings.summary.whoWhat')}</h2>
          <ul className="print-actions">
            {s.agreements.map((a, index) => (
              <li key={`${String(index)}-${a.what}`}>
                <strong>{a.who}</strong>: {a.what}
                {a.when ? ` (${a.when})` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {s.plan_adopted ? <p className="summary-adopted">{s.plan_adopted}</p> : null}
      {s.minutes ? (
        <section>
          <h2>{nl('meetings.summary.minutes')}</h2>
          <p className="summary-minutes">{s.minutes}</p>
        </section>
      ) : null}
      {s.next_meeting ? <p>{s.next_meeting}</p> : null}
      <p>{s.closing}</p>
      <p className="print-footer">
        {nl('meetings.summary.footer', { date: formatDate(new Date().toISOString()) })}
        {meeting.data ? <SupporterPhone familyId={meeting.data.meeting.family_id} /> : null}
      </p>
    </div>
  )
}

/** The family's own name on their paper (the summary itself only knows the case reference). */
function FamilyName({ familyId, fallback }: { familyId: string; fallback: string }) {
  const family = useFamily(familyId)
  return <>{family.data?.family.display_name ?? fallback}</>
}

/** The supporter's number under the summary, so the family knows whom to call (their settings page sets it). */
function SupporterPhone({ familyId }: { familyId: string }) {
  const { i18n } = useTranslation()
  const family = useFamily(familyId)
  const phone = family.data?.family.supporter_phone
  const name = family.data?.family.supporter_name
  return phone && name ? <> · {i18n.getFixedT('nl')('plan.print.footerLeft', { name, phone })}</> : null
}
