import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FamilyDetail } from '../../api/types'
import { ErrorState } from '../../components/States'
import type { Plan } from '../plans/types'
import { DecisionForm } from './DecisionForm'
import { useReturnFocus } from './focus'
import { useRemoveDecision } from './queries'
import type { MeetingDetail } from './types'

/** What the table decided; nothing reaches the plan until the meeting is closed, then all of it at once. */
export function Decisions({
  meeting,
  family,
  plan,
}: {
  meeting: MeetingDetail
  family: FamilyDetail
  plan: Plan | undefined
}) {
  const { t } = useTranslation()
  const open = meeting.status === 'planned'
  const remove = useRemoveDecision(meeting.id)
  const [adding, setAdding] = useState(false)
  const addButton = useReturnFocus<HTMLButtonElement>(adding)
  return (
    <section className="card" aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">{t('meetings.decisions.title')}</h2>
      <p className="muted">
        {open
          ? t('meetings.decisions.introOpen')
          : meeting.status === 'held'
            ? t('meetings.decisions.introHeld')
            : null}
      </p>
      {remove.error ? <ErrorState error={remove.error} /> : null}
      {meeting.decisions.length === 0 ? <p className="muted">{t('meetings.decisions.none')}</p> : null}
      <ol className="decision-list">
        {meeting.decisions.map((decision) => (
          <li key={decision.id} className="decision">
            <p className="decision-text">
              <span className={`badge badge-decision-${decision.kind}`}>
                {t(`meetings.decisions.kind.${decision.kind}`)}
              </span>{' '}
              {decision.text}
            </p>
            {decision.applied_at ? <p className="decision-applied">{t('meetings.decisions.applied')}</p> : null}
            {open ? (
              <button
                type="button"
                className="link-button link-danger"
                disabled={remove.isPending}
                aria-label={`${t('meetings.decisions.remove')}: ${decision.text}`}
                onClick={() => remove.mutate(decision.id)}
              >
                {t('meetings.decisions.remove')}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {open ? (
        adding ? (
          plan ? (
            <DecisionForm meeting={meeting} family={family} plan={plan} onClose={() => setAdding(false)} />
          ) : (
            <p className="muted">{t('meetings.decisions.planLoading')}</p>
          )
        ) : (
          <button type="button" className="button" ref={addButton} onClick={() => setAdding(true)}>
            {t('meetings.decisions.add')}
          </button>
        )
      ) : null}
    </section>
  )
}
