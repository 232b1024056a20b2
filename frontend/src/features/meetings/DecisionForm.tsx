import { type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FamilyDetail } from '../../api/types'
import { ErrorSummary, Field } from '../../components/Field'
import { formErrors, newIdempotencyKey } from '../../components/forms'
import { useFormValues } from '../../components/useFormValues'
import { DraftRestored } from '../auth/DraftRestored'
import { useFocusFirstField } from '../plans/focus'
import { ownerOptions } from '../plans/owners'
import { useLifeDomains } from '../plans/queries'
import type { Plan } from '../plans/types'
import { AddActionFields, ConfirmActionsFields } from './DecisionActionFields'
import { AddGoalFields, ChangeGoalFields, GoalSelect } from './DecisionGoalFields'
import { buildDecision, type DecisionValues, decisionChoices, FIELDS, PERSON, PREFIX } from './decisionValues'
import { useAddDecision } from './queries'
import type { DecisionCreate, DecisionKind, MeetingDetail } from './types'

/**
 * Write down one decision: confirm actions, a new action or goal, a changed goal, adopt the plan, or a note.
 * What was typed is a draft that survives a reload of the tab.
 */
export function DecisionForm({
  meeting,
  family,
  plan,
  onClose,
}: {
  meeting: MeetingDetail
  family: FamilyDetail
  plan: Plan
  onClose: () => void
}) {
  const { t } = useTranslation()
  const ref = useFocusFirstField<HTMLFormElement>()
  const save = useAddDecision(meeting.id)
  const domains = useLifeDomains()
  const [idempotencyKey] = useState(newIdempotencyKey)
  const { unagreed, kinds, goals } = decisionChoices(meeting, plan, t('meetings.decisions.newGoal'))
  const owners = ownerOptions(family, t('plan.action.supporter'))
  const form = useFormValues<DecisionValues>(
    () => ({
      kind: kinds[0] ?? 'note',
      actionIds: unagreed.map((a) => a.id),
      goal: goals[0]?.value ?? '',
      description: '',
      owner: owners[0]?.value ?? PERSON,
      ownerName: '',
      dueOn: '',
      goalText: '',
      domain: '',
      targetOn: '',
      status: '',
      text: '',
      note: '',
    }),
    { draft: `decision.new.${meeting.id}`, persist: true },
  )
  const draft = form.values
  // A restored draft may name a kind, action or goal that another decision has used up since.
  const v: DecisionValues = {
    ...draft,
    kind: kinds.includes(draft.kind) ? draft.kind : (kinds[0] ?? 'note'),
    actionIds: draft.actionIds.filter((id) => unagreed.some((a) => a.id === id)),
    goal: goals.some((g) => g.value === draft.goal) ? draft.goal : (goals[0]?.value ?? ''),
  }
  const { kind } = v
  const set = (patch: Partial<DecisionValues>) => form.update({ ...v, ...patch })
  const close = () => {
    form.reset()
    onClose()
  }
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const shown = formErrors(save.error, clientErrors, FIELDS, t)
  const labels: Record<string, string> = {
    kind: t('meetings.decisions.kindLabel'),
    action_ids: t('meetings.decisions.actionsLabel'),
    goal: t('meetings.decisions.goalLabel'),
    description: t('plan.action.description'),
    owner: t('plan.action.owner'),
    owner_name: t('plan.action.ownerName'),
    due_on: t('plan.action.dueOn'),
    goal_text: t('meetings.decisions.goalText'),
    life_domain_id: t('meetings.decisions.domain'),
    target_on: t('meetings.decisions.targetOn'),
    status: t('meetings.decisions.status'),
    text: kind === 'note' ? t('meetings.decisions.noteText') : t('meetings.decisions.text'),
    note: t('meetings.decisions.adoptNote'),
  }
  const fields = { v, set, labels, errors: shown.fields }

  function submit(event: SyntheticEvent) {
    event.preventDefault()
    const body = buildDecision(v, owners, t)
    if (!('kind' in body)) {
      setClientErrors(body)
      return
    }
    setClientErrors({})
    save.mutate({ body: body as DecisionCreate, idempotencyKey }, { onSuccess: close })
  }

  return (
    <form className="plan-form decision-form" onSubmit={submit} noValidate ref={ref}>
      <fieldset className="fieldset">
        <legend>{t('meetings.decisions.addTitle')}</legend>
        <DraftRestored shown={form.restored} />
        <ErrorSummary errors={shown.fields} labels={labels} detail={shown.detail} fieldPrefix={PREFIX} />
        <Field id={`${PREFIX}kind`} label={labels.kind ?? ''} required>
          {(props) => (
            <select {...props} value={kind} onChange={(e) => set({ kind: e.target.value as DecisionKind })}>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`meetings.decisions.choose.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {kind === 'confirm_action' ? <ConfirmActionsFields {...fields} unagreed={unagreed} /> : null}
        {kind === 'add_action' ? (
          <>
            <GoalSelect {...fields} goals={goals} onlyPlan={false} />
            <AddActionFields {...fields} owners={owners} />
          </>
        ) : null}
        {kind === 'add_goal' ? <AddGoalFields {...fields} domains={domains.data?.items ?? []} /> : null}
        {kind === 'change_goal' ? (
          <>
            <GoalSelect {...fields} goals={goals} onlyPlan />
            <ChangeGoalFields {...fields} />
          </>
        ) : null}
        {kind === 'adopt_plan' ? (
          <>
            <p className="hint">{t('meetings.decisions.adoptHint')}</p>
            <Field id={`${PREFIX}note`} label={labels.note ?? ''}>
              {(props) => (
                <input
                  {...props}
                  type="text"
                  maxLength={1000}
                  value={v.note}
                  onChange={(e) => set({ note: e.target.value })}
                />
              )}
            </Field>
          </>
        ) : null}
        <Field
          id={`${PREFIX}text`}
          label={labels.text ?? ''}
          error={shown.fields.text}
          hint={kind === 'note' ? undefined : t('meetings.decisions.textHint')}
          required={kind === 'note'}
        >
          {(props) => (
            <textarea
              {...props}
              rows={2}
              maxLength={1000}
              value={v.text}
              onChange={(e) => set({ text: e.target.value })}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {t('meetings.decisions.save')}
          </button>
          <button type="button" className="button button-secondary" onClick={close}>
            {t('common.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  )
}
