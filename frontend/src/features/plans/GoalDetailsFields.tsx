import { useTranslation } from 'react-i18next'
import type { Member } from '../../api/types'
import { Field } from '../../components/Field'
import type { GoalValues } from './goalValues'
import { type GoalStatus, LEVELS, levelLabel, type LifeDomain } from './types'

const STATUSES: readonly GoalStatus[] = ['proposed', 'active', 'achieved', 'discontinued']

interface GoalDetailsFieldsProps {
  id: (name: string) => string
  values: GoalValues
  labels: Record<string, string>
  errors: Record<string, string | undefined>
  domains: readonly LifeDomain[]
  members: readonly Member[]
  isNew: boolean
  ladderComplete: boolean
  set: (patch: Partial<GoalValues>) => void
  onStatus: (status: GoalStatus) => void
}

/** Everything about a goal after its words and ladder: domain, status, priority, date, members, start level, weight. */
export function GoalDetailsFields({
  id,
  values,
  labels,
  errors,
  domains,
  members,
  isNew,
  ladderComplete,
  set,
  onStatus,
}: GoalDetailsFieldsProps) {
  const { t } = useTranslation()
  const statuses = isNew ? STATUSES.slice(0, 2) : STATUSES
  return (
    <>
      <div className="form-grid">
        <Field id={id('life_domain_id')} label={labels.life_domain_id ?? ''} error={errors.life_domain_id} required>
          {(props) => (
            <select {...props} value={values.life_domain_id} onChange={(e) => set({ life_domain_id: e.target.value })}>
              {domains.map((domain) => (
                <option key={domain.id} value={domain.id}>
                  {t('plan.domainLabel', { nl: domain.label_nl, en: domain.label_en })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={id('status')}
          label={labels.status ?? ''}
          hint={t('plan.goal.statusHint')}
          error={errors.status}
          required
        >
          {(props) => (
            <select {...props} value={values.status} onChange={(e) => onStatus(e.target.value as GoalStatus)}>
              {statuses.map((status) => (
                <option
                  key={status}
                  value={status}
                  disabled={status === 'active' && !ladderComplete && values.status !== 'active'}
                >
                  {status === 'active' && !ladderComplete
                    ? t('plans.goalForm.activeNeedsLadder')
                    : t(`plan.goalStatus.${status}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id('priority')} label={labels.priority ?? ''} error={errors.priority} required>
          {(props) => (
            <select {...props} value={values.priority} onChange={(e) => set({ priority: e.target.value })}>
              {([1, 2, 3, 4, 5] as const).map((priority) => (
                <option key={priority} value={String(priority)}>
                  {t(`plan.priority.${priority}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field date id={id('target_on')} label={labels.target_on ?? ''} error={errors.target_on}>
          {(props) => (
            <input
              {...props}
              type="date"
              value={values.target_on}
              onChange={(e) => set({ target_on: e.target.value })}
            />
          )}
        </Field>
      </div>
      {members.length > 0 ? (
        <fieldset className="fieldset-plain" id={id('member_ids')} tabIndex={-1}>
          <legend>
            {labels.member_ids} <span className="optional">{t('form.optional')}</span>
          </legend>
          {errors.member_ids ? <p className="field-error">{errors.member_ids}</p> : null}
          <div className="checkbox-grid">
            {members.map((member) => (
              <div className="field field-checkbox" key={member.id}>
                <input
                  id={id(`member-${member.id}`)}
                  type="checkbox"
                  checked={values.member_ids.includes(member.id)}
                  onChange={(e) =>
                    set({
                      member_ids: e.target.checked
                        ? [...values.member_ids, member.id]
                        : values.member_ids.filter((m) => m !== member.id),
                    })
                  }
                />
                <label htmlFor={id(`member-${member.id}`)}>{member.display_name}</label>
              </div>
            ))}
          </div>
        </fieldset>
      ) : null}
      <div className="form-grid">
        <Field
          id={id('baseline_level')}
          label={labels.baseline_level ?? ''}
          hint={t('plan.goal.baselineHint')}
          error={errors.baseline_level}
        >
          {(props) => (
            <select {...props} value={values.baseline_level} onChange={(e) => set({ baseline_level: e.target.value })}>
              <option value="">{t('plan.goal.baselineUnknown')}</option>
              {LEVELS.map((level) => (
                <option key={level} value={String(level)}>
                  {levelLabel(level)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={id('weight')}
          label={labels.weight ?? ''}
          hint={t('plan.goal.weightHint')}
          error={errors.weight}
          required
        >
          {(props) => (
            <input
              {...props}
              inputMode="decimal"
              value={values.weight}
              onChange={(e) => set({ weight: e.target.value })}
            />
          )}
        </Field>
      </div>
    </>
  )
}
