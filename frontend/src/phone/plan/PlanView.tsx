import './plan.css'
import { useCallback, useEffect, useState } from 'react'
import { usePhoneTranslation } from '../i18n'
import { formatDateTime } from '../../i18n/format'
import { CheckinError } from '../api'
import { markAction, type PhoneAction, type PhonePlan, propose, readPlan, saveInvitation } from './api'
import { ActionItem } from './ActionItem'
import { GoalCard } from './GoalCard'
import { Meetings } from './Meetings'
import { SayForm } from './SayForm'
import { keepPlan, keptPlan } from './store'

interface Props {
  token: string
  onProblem: (error: CheckinError) => void
}

type State = { plan: PhonePlan; savedAt: string | null } | 'loading' | 'error'

/** "Ons plan": the family's goals, who does what, the meetings; a network contact sees their own part. */
export function PlanView({ token, onProblem }: Props) {
  const { t } = usePhoneTranslation()
  const [state, setState] = useState<State>('loading')
  const [note, setNote] = useState<string | null>(null)

  const [revision, setRevision] = useState(0)
  const load = useCallback(() => setRevision((r) => r + 1), [])

  useEffect(() => {
    let live = true
    readPlan(token).then(
      (plan) => {
        if (!live) return
        keepPlan(plan)
        setState({ plan, savedAt: null })
      },
      (error: unknown) => {
        if (!live) return
        const kept = keptPlan()
        if (error instanceof CheckinError && error.kind === 'offline' && kept)
          setState({ plan: kept.plan, savedAt: kept.savedAt })
        else if (error instanceof CheckinError && error.kind !== 'offline' && error.kind !== 'server') onProblem(error)
        else setState('error')
      },
    )
    return () => {
      live = false
    }
  }, [token, onProblem, revision])

  const failed = useCallback(
    (error: unknown) => {
      if (error instanceof CheckinError && ['session_expired', 'locked', 'unusable'].includes(error.kind))
        onProblem(error)
      else
        setNote(
          error instanceof CheckinError && error.kind === 'offline' ? t('phone.offlineWrite') : t('checkin.server'),
        )
    },
    [onProblem, t],
  )

  async function mark(action: PhoneAction, done: boolean) {
    setNote(null)
    try {
      await markAction(token, action.id, done ? 'done' : 'open')
      setNote(done ? t('phone.markedDone') : t('phone.markedOpen'))
      load()
    } catch (error) {
      failed(error)
    }
  }

  async function say(kind: 'goal' | 'comment', text: string, goalId?: string): Promise<boolean> {
    setNote(null)
    try {
      await propose(token, { kind, text, goal_id: goalId ?? null })
      setNote(kind === 'goal' ? t('phone.proposalSent') : t('phone.commentSent'))
      load()
      return true
    } catch (error) {
      failed(error)
      return false
    }
  }

  if (state === 'loading') return <p className="ci-card">{t('phone.loading')}</p>
  if (state === 'error') return <p className="ci-card ci-problem">{t('phone.loadError')}</p>
  const { plan, savedAt } = state
  const member = plan.party === 'member'
  return (
    <div className="ph-plan">
      {savedAt && (
        <p className="ci-card ci-kept" role="status">
          {t('phone.offlineRead', { when: formatDateTime(savedAt) })}
        </p>
      )}
      {note && (
        <p className="ci-card ci-thanks" role="status">
          {note}
        </p>
      )}
      <p className="ci-intro">
        {member ? t('phone.introMember') : t('phone.introContact', { name: plan.supporter_first_name ?? '' })}
      </p>
      <section className="ci-card" aria-labelledby="ph-mine">
        <h2 id="ph-mine">{t('phone.myActions')}</h2>
        {plan.my_actions.length === 0 ? (
          <p>{t('phone.noActions')}</p>
        ) : (
          <ul className="ph-actions">
            {plan.my_actions.map((action) => (
              <ActionItem key={action.id} action={action} onMark={(a, done) => void mark(a, done)} />
            ))}
          </ul>
        )}
      </section>
      {(member || plan.goals.length > 0) && (
        <section aria-labelledby="ph-goals">
          <h2 id="ph-goals">{member ? t('phone.ourGoals') : t('phone.familyGoals')}</h2>
          {plan.goals.length === 0 && <p className="ci-card">{t('phone.noGoals')}</p>}
          {plan.goals.map((goal) => (
            <GoalCard
              key={goal.id}
              goal={goal}
              canComment={member && !savedAt}
              onMark={(a, done) => void mark(a, done)}
              onComment={(goalId, text) => say('comment', text, goalId)}
            />
          ))}
        </section>
      )}
      <Meetings plan={plan} onInvitation={(id) => void saveInvitation(token, id).catch(failed)} />
      {member && (
        <section className="ci-card" aria-labelledby="ph-propose">
          <h2 id="ph-propose">{t('phone.proposeTitle')}</h2>
          {plan.proposals.map((p) => (
            <p key={p.id} className="ph-comment">
              “{p.text}” — {t(`phone.proposalStatus.${p.status}`)}
              {p.answer && <span className="ph-answer">{t('phone.answer', { text: p.answer })}</span>}
            </p>
          ))}
          {!savedAt && (
            <SayForm
              label={t('phone.proposeLabel')}
              hint={t('phone.proposeHint', { name: plan.supporter_first_name ?? t('phone.supporter') })}
              button={t('phone.proposeSend')}
              onSend={(text) => say('goal', text)}
            />
          )}
        </section>
      )}
      {!member && plan.consent && (
        <p className="ci-card ph-muted">
          {plan.consent.plan || plan.consent.summaries ? t('phone.consentSome') : t('phone.consentNone')}
        </p>
      )}
    </div>
  )
}
