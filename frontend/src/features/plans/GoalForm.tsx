import { type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../api/errors'
import type { Member } from '../../api/types'
import { ConflictMessage } from '../../components/ConflictMessage'
import { ErrorSummary, Field } from '../../components/Field'
import { formErrors, newIdempotencyKey } from '../../components/forms'
import { useFormValues } from '../../components/useFormValues'
import { DraftRestored } from '../auth/DraftRestored'
import { useFocusFirstField } from './focus'
import { GoalDetailsFields } from './GoalDetailsFields'
import { GoalLadderFields } from './GoalLadderFields'
import { emptySteps, type GoalValues, statusAfterLadder, stepsWritten, toBody, toValues } from './goalValues'
import { useSaveGoal } from './queries'
import { type Goal, type GoalStatus, LADDER_KEYS, LEVELS, levelLabel, type LifeDomain } from './types'

const LADDER_FIELDS = LEVELS.map((level) => `ladder.${LADDER_KEYS[level]}`)
const FIELDS = [
  'text',
  'life_domain_id',
  'member_ids',
  'priority',
  'target_on',
  'status',
  'ladder',
  ...LADDER_FIELDS,
  'baseline_level',
  'weight',
]

interface GoalFormProps {
  familyId: string
  goal?: Goal | undefined
  domains: readonly LifeDomain[]
  members: readonly Member[]
  onDone: () => void
  onCancel: () => void
  onReload: () => void
}

/**
 * Write or change a goal in the family's own words, ladder first: level 0 (what we expect), then −1 and +1, then
 * −2 and +2. A goal stays a proposal until its ladder is complete; the draft survives a reload of the tab.
 */
export function GoalForm({ familyId, goal, domains, members, onDone, onCancel, onReload }: GoalFormProps) {
  const { t } = useTranslation()
  const formRef = useFocusFirstField<HTMLFormElement>()
  const draftKey = goal ? `goal.edit.${goal.id}.${String(goal.version)}` : `goal.new.${familyId}`
  // Whether the supporter chose the status: then a completed ladder no longer makes a proposal active.
  const form = useFormValues(() => ({ values: toValues(goal, domains), statusChosen: false }), {
    draft: draftKey,
    persist: true,
  })
  const { values, statusChosen } = form.values
  const initial = form.initial.values
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const [idempotencyKey] = useState(newIdempotencyKey)
  const save = useSaveGoal(familyId)
  const shown = formErrors(save.error, clientErrors, FIELDS, t)
  const prefix = `goal-${goal?.id ?? 'new'}-`
  const id = (name: string) => `${prefix}${name}`
  const labels: Record<string, string> = {
    text: t('plan.goal.text'),
    life_domain_id: t('plan.goal.domain'),
    member_ids: t('plan.goal.members'),
    priority: t('plan.goal.priority'),
    target_on: t('plan.goal.targetOn'),
    status: t('plan.goal.status'),
    ladder: t('plan.ladder.title'),
    baseline_level: t('plan.goal.baseline'),
    weight: t('plan.goal.weight'),
    ...Object.fromEntries(
      LEVELS.map((level) => [
        `ladder.${LADDER_KEYS[level]}`,
        t('plan.ladder.levelLabel', { level: levelLabel(level) }),
      ]),
    ),
  }
  const set = (patch: Partial<GoalValues>) => form.set('values', { ...values, ...patch })
  const setLadder = (ladder: GoalValues['ladder']) =>
    form.set('values', { ...values, ladder, status: statusAfterLadder(values, ladder, statusChosen, !goal) })
  const setStatus = (status: GoalStatus) => form.update({ values: { ...values, status }, statusChosen: true })

  function submit(event: SyntheticEvent) {
    event.preventDefault()
    const missing: Record<string, string> = {}
    if (values.text.trim() === '') missing.text = t('form.required')
    if (values.life_domain_id === '') missing.life_domain_id = t('form.required')
    for (const key of emptySteps(values.ladder)) missing[`ladder.${key}`] = t('plans.goalForm.fillStep')
    if (values.status === 'active' && stepsWritten(values.ladder) === 0)
      missing.ladder = t('problem.goal_ladder_incomplete')
    setClientErrors(missing)
    if (Object.keys(missing).length > 0) return
    const body = toBody(values, initial, !goal)
    const done = () => {
      form.reset()
      onDone()
    }
    if (goal && Object.keys(body).length === 0) {
      done()
      return
    }
    save.mutate(
      goal
        ? { kind: 'update', goalId: goal.id, version: goal.version, body }
        : { kind: 'create', body, idempotencyKey },
      { onSuccess: done },
    )
  }

  function cancel() {
    form.reset()
    onCancel()
  }

  return (
    <form className="plan-form" onSubmit={submit} noValidate ref={formRef}>
      <fieldset className="fieldset">
        <legend>{goal ? t('plan.goal.editTitle') : t('plan.goal.newTitle')}</legend>
        <DraftRestored shown={form.restored} />
        {isApiError(save.error, 412) ? (
          <ConflictMessage onReload={onReload} />
        ) : (
          <ErrorSummary errors={shown.fields} labels={labels} detail={shown.detail} fieldPrefix={prefix} />
        )}
        <Field
          id={id('text')}
          label={labels.text ?? ''}
          hint={t('plan.goal.textHint')}
          error={shown.fields.text}
          required
        >
          {(props) => (
            <textarea
              {...props}
              rows={3}
              maxLength={1000}
              value={values.text}
              onChange={(e) => set({ text: e.target.value })}
            />
          )}
        </Field>
        <GoalLadderFields id={id} ladder={values.ladder} labels={labels} errors={shown.fields} onChange={setLadder} />
        <GoalDetailsFields
          id={id}
          values={values}
          labels={labels}
          errors={shown.fields}
          domains={domains}
          members={members}
          isNew={!goal}
          ladderComplete={stepsWritten(values.ladder) === 5}
          set={set}
          onStatus={setStatus}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('plan.goal.save')}
          </button>
          <button type="button" className="button button-secondary" onClick={cancel}>
            {t('common.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  )
}
