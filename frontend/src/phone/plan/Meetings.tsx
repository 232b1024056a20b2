import { usePhoneTranslation } from '../i18n'
import type { PhonePlan } from './api'

interface Props {
  plan: PhonePlan
  onInvitation: (meetingId: string) => void
}

/** The next meeting (with its invitation for the calendar) and what the last meeting decided, in plain words. */
export function Meetings({ plan, onInvitation }: Props) {
  const { t } = usePhoneTranslation()
  const next = plan.next_meeting
  return (
    <>
      <section className="ci-card" aria-labelledby="ph-next">
        <h2 id="ph-next">{t('phone.nextMeeting')}</h2>
        {next ? (
          <>
            <p className="ph-big">{next.when}</p>
            {next.where && <p>{next.where}</p>}
            {next.video_url && (
              <p>
                <a href={next.video_url} rel="noreferrer" target="_blank">
                  {t('phone.videoLink')}
                </a>
              </p>
            )}
            {next.agenda.length > 0 && (
              <>
                <h3>{t('phone.agenda')}</h3>
                <ul>
                  {next.agenda.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              </>
            )}
            <button type="button" className="ci-button ci-secondary" onClick={() => onInvitation(next.meeting_id)}>
              {t('phone.addToCalendar')}
            </button>
          </>
        ) : (
          <p>{t('phone.noNextMeeting')}</p>
        )}
      </section>
      {plan.summaries.map((summary, index) => (
        <section key={summary.meeting_id} className="ci-card" aria-labelledby={`ph-s-${summary.meeting_id}`}>
          <h2 id={`ph-s-${summary.meeting_id}`}>
            {index === 0 ? t('phone.lastMeeting') : t('phone.earlierMeeting', { when: summary.when })}
          </h2>
          <p className="ph-muted" lang="nl">
            {summary.when}
          </p>
          {summary.plan_adopted && <p lang="nl">{summary.plan_adopted}</p>}
          {summary.decisions.length > 0 && (
            <ul lang="nl">
              {summary.decisions.map((decision) => (
                <li key={decision}>{decision}</li>
              ))}
            </ul>
          )}
          {summary.agreements.length > 0 && (
            <>
              <h3>{t('phone.agreements')}</h3>
              <ul lang="nl">
                {summary.agreements.map((a) => (
                  <li key={`${a.what}-${a.who}`}>
                    {a.what} — {a.who}
                    {a.when ? `, ${a.when}` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ))}
    </>
  )
}
