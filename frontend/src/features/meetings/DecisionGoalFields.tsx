import { useTranslation } from 'react-i18next'
import { Field } from '../../components/Field'
import type { GoalStatus, LifeDomain } from '../plans/types'
import { type DecisionFieldsProps, type GoalChoice, PREFIX } from './decisionValues'

/** Which goal a decision is about; `onlyPlan` leaves out goals added earlier in this meeting. */
export function GoalSelect({
  v,
  set,
  labels,
  errors,
  goals,
  onlyPlan,
}: DecisionFieldsProps & { goals: readonly GoalChoice[]; onlyPlan: boolean }) {
  return (
    <Field id={`${PREFIX}goal`} label={labels.goal ?? ''} error={errors.goal} required>
      {(props) => (
        <select {...props} value={v.goal} onChange={(e) => set({ goal: e.target.value })}>
          {(onlyPlan ? goals.filter((g) => g.value.startsWith('goal:')) : goals).map((g) => (
            <option key={g.value} value={g.value}>
              {g.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}

function TargetOnField({ v, set, labels, errors }: DecisionFieldsProps) {
  return (
    <Field date id={`${PREFIX}target_on`} label={labels.target_on ?? ''} error={errors.target_on}>
      {(props) => (
        <input {...props} type="date" value={v.targetOn} onChange={(e) => set({ targetOn: e.target.value })} />
      )}
    </Field>
  )
}

/** A new goal in the family's words, with its life domain and an optional target date. */
export function AddGoalFields(props: DecisionFieldsProps & { domains: readonly LifeDomain[] }) {
  const { v, set, labels, errors, domains } = props
  const { t, i18n } = useTranslation()
  return (
    <>
      <Field
        id={`${PREFIX}goal_text`}
        label={labels.goal_text ?? ''}
        error={errors.goal_text}
        hint={t('meetings.decisions.goalHint')}
        required
      >
        {(field) => (
          <textarea
            {...field}
            rows={2}
            maxLength={1000}
            value={v.goalText}
            onChange={(e) => set({ goalText: e.target.value })}
          />
        )}
      </Field>
      <div className="form-grid">
        <Field
          id={`${PREFIX}life_domain_id`}
          label={labels.life_domain_id ?? ''}
          error={errors.life_domain_id}
          required
        >
          {(field) => (
            <select {...field} value={v.domain} onChange={(e) => set({ domain: e.target.value })}>
              <option value="">{t('meetings.decisions.pick')}</option>
              {domains.map((d) => (
                <option key={d.id} value={d.id}>
                  {i18n.language.startsWith('en') ? d.label_en : d.label_nl}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TargetOnField {...props} />
      </div>
    </>
  )
}

/** A changed goal: a new status, a new target date, or both. */
export function ChangeGoalFields(props: DecisionFieldsProps) {
  const { v, set, labels, errors } = props
  const { t } = useTranslation()
  return (
    <div className="form-grid">
      <Field id={`${PREFIX}status`} label={labels.status ?? ''} error={errors.status}>
        {(field) => (
          <select {...field} value={v.status} onChange={(e) => set({ status: e.target.value as GoalStatus | '' })}>
            <option value="">{t('meetings.decisions.keep')}</option>
            {(['active', 'achieved', 'discontinued'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`plan.goalStatus.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TargetOnField {...props} />
    </div>
  )
}
