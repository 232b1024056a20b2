import type { SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { fieldErrors } from '../../api/errors'
import { DateHint, dateHintId } from '../../components/Field'
import { Alert, errorText } from '../../components/States'
import { formatDate } from '../../i18n/format'
import { useCloseFamily } from '../workday/queries'
import type { ClosureReason, ClosureState } from '../workday/types'
import { ResolutionRow, type Resolved } from './ResolutionRow'
import { useFormValues } from '../../components/useFormValues'

const REASONS: ClosureReason[] = [
  'goals_achieved',
  'family_request',
  'moved_away',
  'other_care',
  'no_contact',
  'deceased',
  'other',
]

/** Ending support: the reason, what happens to each open goal and action, and the handover. */
export function CloseForm({ state }: { state: ClosureState }) {
  const { t } = useTranslation()
  const close = useCloseFamily(state.family_id)
  const form = useFormValues<{
    reason: ClosureReason
    reasonText: string
    endedOn: string
    handoverNote: string
    successorName: string
    successorOrganisation: string
    goals: Record<string, Resolved>
    actions: Record<string, Resolved>
  }>(() => ({
    reason: 'goals_achieved',
    reasonText: '',
    endedOn: '',
    handoverNote: '',
    successorName: '',
    successorOrganisation: '',
    goals: {},
    actions: {},
  }))
  const { reason, reasonText, endedOn, handoverNote, successorName, successorOrganisation, goals, actions } =
    form.values
  const errors = fieldErrors(close.error)
  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    const pick = (map: Record<string, Resolved>, id: string) => ({
      resolution: map[id]?.resolution ?? 'achieved',
      handed_over_to: map[id]?.to || null,
    })
    close.mutate({
      reason,
      reason_text: reasonText.trim() || null,
      ended_on: endedOn || null,
      handover_note: handoverNote.trim() || null,
      successor_name: successorName.trim() || null,
      successor_organisation: successorOrganisation.trim() || null,
      goals: state.open_goals.map((g) => ({ goal_id: g.id, ...pick(goals, g.id) })),
      actions: state.open_actions.map((a) => ({ action_id: a.id, ...pick(actions, a.id) })),
    })
  }
  if (close.isSuccess) {
    return (
      <Alert kind="success">
        <p>{t('workday.closure.done', { date: formatDate(close.data.follow_up_due_on) })}</p>
      </Alert>
    )
  }
  return (
    <form className="card stack" onSubmit={submit} noValidate>
      <p>{t('workday.closure.intro')}</p>
      {close.error ? (
        <Alert kind="error">
          <p>{errorText(close.error, t)}</p>
        </Alert>
      ) : null}
      <div className="field">
        <label htmlFor="closure-reason">{t('workday.closure.reason')}</label>
        <select
          id="closure-reason"
          value={reason}
          onChange={(event) => form.set('reason', event.target.value as ClosureReason)}
        >
          {REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`workday.closure.reasons.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className={errors.reason_text ? 'field field-invalid' : 'field'}>
        <label htmlFor="closure-reason-text">{t('workday.closure.reasonText')}</label>
        <p className="hint" id="closure-reason-text-hint">
          {t('workday.closure.reasonTextHint')}
        </p>
        <textarea
          id="closure-reason-text"
          rows={3}
          maxLength={1000}
          aria-describedby="closure-reason-text-hint"
          value={reasonText}
          onChange={(event) => form.set('reasonText', event.target.value)}
        />
      </div>
      <div className={errors.ended_on ? 'field field-invalid' : 'field'}>
        <label htmlFor="closure-ended-on">{t('workday.closure.endedOn')}</label>
        <DateHint id="closure-ended-on" />
        <p className="hint" id="closure-ended-on-hint">
          {t('workday.closure.dateHint')}
        </p>
        <input
          id="closure-ended-on"
          type="date"
          aria-describedby={`${dateHintId('closure-ended-on')} closure-ended-on-hint`}
          value={endedOn}
          onChange={(event) => form.set('endedOn', event.target.value)}
        />
        <p className="hint">{t('workday.closure.followUp', { months: state.follow_up_months })}</p>
      </div>
      <fieldset>
        <legend>{t('workday.closure.goals')}</legend>
        {state.open_goals.length === 0 ? <p className="muted">{t('workday.closure.none')}</p> : null}
        {state.open_goals.map((goal) => (
          <ResolutionRow
            key={goal.id}
            id={goal.id}
            text={goal.text}
            value={goals[goal.id]}
            onChange={(v) => form.set('goals', { ...goals, [goal.id]: v })}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('workday.closure.actions')}</legend>
        {state.open_actions.length === 0 ? <p className="muted">{t('workday.closure.none')}</p> : null}
        {state.open_actions.map((action) => (
          <ResolutionRow
            key={action.id}
            id={action.id}
            text={action.description}
            value={actions[action.id]}
            onChange={(v) => form.set('actions', { ...actions, [action.id]: v })}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('workday.closure.handover')}</legend>
        <div className="field">
          <label htmlFor="closure-successor">
            {t('workday.closure.successorName')} <span className="optional">{t('form.optional')}</span>
          </label>
          <input
            id="closure-successor"
            maxLength={200}
            value={successorName}
            onChange={(event) => form.set('successorName', event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="closure-successor-org">
            {t('workday.closure.successorOrganisation')} <span className="optional">{t('form.optional')}</span>
          </label>
          <input
            id="closure-successor-org"
            maxLength={200}
            value={successorOrganisation}
            onChange={(event) => form.set('successorOrganisation', event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="closure-note">
            {t('workday.closure.handoverNote')} <span className="optional">{t('form.optional')}</span>
          </label>
          <textarea
            id="closure-note"
            rows={4}
            maxLength={2000}
            value={handoverNote}
            onChange={(event) => form.set('handoverNote', event.target.value)}
          />
        </div>
      </fieldset>
      <p>
        <button type="submit" className="button button-danger" disabled={close.isPending}>
          {t('workday.closure.submit')}
        </button>
      </p>
    </form>
  )
}
