import { type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../api/errors'
import type { Member } from '../../api/types'
import { ConflictMessage } from '../../components/ConflictMessage'
import { ErrorSummary, Field } from '../../components/Field'
import { formErrors, newIdempotencyKey } from '../../components/forms'
import { useFocusFirstField } from './focus'
import { useSaveGoal } from './queries'
import { type Goal, type GoalCreate, type GoalStatus, LADDER_KEYS, type Ladder, LEVELS, levelLabel, type LifeDomain } from './types'

const LADDER_FIELDS = LEVELS.map((level) => `ladder.${LADDER_KEYS[level]}`)
const FIELDS = ['text', 'life_domain_id', 'member_ids', 'priority', 'target_on', 'status', 'ladder', ...LADDER_FIELDS, 'baseline_level', 'weight']
const STATUSES: readonly GoalStatus[] = ['proposed', 'active', 'achieved', 'discontinued']

interface Values {
  text: string
  life_domain_id: string
  member_ids: string[]
  priority: string
  target_on: string
  status: GoalStatus
  ladder: Record<keyof Ladder, string>
  baseline_level: string
  weight: string
}

function toValues(goal: Goal | undefined, domains: readonly LifeDomain[]): Values {
  return {
    text: goal?.text ?? '',
    life_domain_id: goal?.life_domain.id ?? domains[0]?.id ?? '',
    member_ids: goal?.member_ids ?? [],
    priority: String(goal?.priority ?? 3),
    target_on: goal?.target_on ?? '',
    status: goal?.status ?? 'proposed',
    ladder: {
      plus_2: goal?.ladder?.plus_2 ?? '',
      plus_1: goal?.ladder?.plus_1 ?? '',
      zero: goal?.ladder?.zero ?? '',
      minus_1: goal?.ladder?.minus_1 ?? '',
      minus_2: goal?.ladder?.minus_2 ?? '',
    },
    baseline_level: goal?.baseline_level === null || goal?.baseline_level === undefined ? '' : String(goal.baseline_level),
    weight: String(goal?.weight ?? 1),
  }
}

/** The request body: everything for a new goal; only what changed for an existing one. */
function toBody(values: Values, initial: Values, isNew: boolean): GoalCreate {
  const ladderFilled = Object.values(values.ladder).some((text) => text.trim() !== '')
  const weight = Number(values.weight.replace(',', '.'))
  const full: GoalCreate = {
    text: values.text.trim(),
    life_domain_id: values.life_domain_id,
    member_ids: values.member_ids,
    priority: Number(values.priority),
    target_on: values.target_on || null,
    status: values.status,
    ...(ladderFilled ? { ladder: values.ladder } : {}),
    baseline_level: values.baseline_level === '' ? null : Number(values.baseline_level),
    weight: Number.isNaN(weight) ? (values.weight as unknown as number) : weight,
  }
  if (isNew) return full
  const changed: Record<string, unknown> = {}
  const before = toBody(initial, initial, true) as Record<string, unknown>
  for (const [key, value] of Object.entries(full)) {
    if (JSON.stringify(value) !== JSON.stringify(before[key])) changed[key] = value
  }
  return changed as GoalCreate
}

interface GoalFormProps {
  familyId: string
  goal?: Goal | undefined
  domains: readonly LifeDomain[]
  members: readonly Member[]
  onDone: () => void
  onCancel: () => void
  onReload: () => void
}

/** Write or change a goal in the family's own words, with its GAS ladder from −2 to +2. */
export function GoalForm({ familyId, goal, domains, members, onDone, onCancel, onReload }: GoalFormProps) {
  const { t } = useTranslation()
  const formRef = useFocusFirstField<HTMLFormElement>()
  const [initial] = useState(() => toValues(goal, domains))
  const [values, setValues] = useState(initial)
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
    ...Object.fromEntries(LEVELS.map((level) => [`ladder.${LADDER_KEYS[level]}`, t('plan.ladder.levelLabel', { level: levelLabel(level) })])),
  }
  const set = (patch: Partial<Values>) => setValues({ ...values, ...patch })
  const statuses = goal ? STATUSES : STATUSES.slice(0, 2)

  function submit(event: SyntheticEvent) {
    event.preventDefault()
    const missing: Record<string, string> = {}
    if (values.text.trim() === '') missing.text = t('form.required')
    if (values.life_domain_id === '') missing.life_domain_id = t('form.required')
    setClientErrors(missing)
    if (Object.keys(missing).length > 0) return
    const body = toBody(values, initial, !goal)
    if (goal && Object.keys(body).length === 0) {
      onDone()
      return
    }
    save.mutate(
      goal ? { kind: 'update', goalId: goal.id, version: goal.version, body } : { kind: 'create', body, idempotencyKey },
      { onSuccess: onDone },
    )
  }

  return (
    <form className="plan-form" onSubmit={submit} noValidate ref={formRef}>
      <fieldset className="fieldset">
        <legend>{goal ? t('plan.goal.editTitle') : t('plan.goal.newTitle')}</legend>
        {isApiError(save.error, 412) ? (
          <ConflictMessage onReload={onReload} />
        ) : (
          <ErrorSummary errors={shown.fields} labels={labels} detail={shown.detail} fieldPrefix={prefix} />
        )}
        <Field id={id('text')} label={labels.text ?? ''} hint={t('plan.goal.textHint')} error={shown.fields.text} required>
          {(props) => <textarea {...props} rows={3} maxLength={1000} value={values.text} onChange={(e) => set({ text: e.target.value })} />}
        </Field>
        <div className="form-grid">
          <Field id={id('life_domain_id')} label={labels.life_domain_id ?? ''} error={shown.fields.life_domain_id} required>
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
          <Field id={id('status')} label={labels.status ?? ''} hint={t('plan.goal.statusHint')} error={shown.fields.status} required>
            {(props) => (
              <select {...props} value={values.status} onChange={(e) => set({ status: e.target.value as GoalStatus })}>
                {statuses.map((status) => (
                  <option key={status} value={status}>
                    {t(`plan.goalStatus.${status}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={id('priority')} label={labels.priority ?? ''} error={shown.fields.priority} required>
            {(props) => (
              <select {...props} value={values.priority} onChange={(e) => set({ priority: e.target.value })}>
                {[1, 2, 3, 4, 5].map((priority) => (
                  <option key={priority} value={String(priority)}>
                    {t(`plan.priority.${String(priority)}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field date id={id('target_on')} label={labels.target_on ?? ''} error={shown.fields.target_on}>
            {(props) => <input {...props} type="date" value={values.target_on} onChange={(e) => set({ target_on: e.target.value })} />}
          </Field>
        </div>
        {members.length > 0 ? (
          <fieldset className="fieldset-plain" id={id('member_ids')} tabIndex={-1}>
            <legend>
              {labels.member_ids} <span className="optional">{t('form.optional')}</span>
            </legend>
            {shown.fields.member_ids ? <p className="field-error">{shown.fields.member_ids}</p> : null}
            <div className="checkbox-grid">
              {members.map((member) => (
                <div className="field field-checkbox" key={member.id}>
                  <input
                    id={id(`member-${member.id}`)}
                    type="checkbox"
                    checked={values.member_ids.includes(member.id)}
                    onChange={(e) =>
                      set({ member_ids: e.target.checked ? [...values.member_ids, member.id] : values.member_ids.filter((m) => m !== member.id) })
                    }
                  />
                  <label htmlFor={id(`member-${member.id}`)}>{member.display_name}</label>
                </div>
              ))}
            </div>
          </fieldset>
        ) : null}
        <fieldset className="fieldset-plain ladder-fields" id={id('ladder')} tabIndex={-1}>
          <legend>{t('plan.ladder.title')}</legend>
          <p className="hint">{t('plan.ladder.hint')}</p>
          {shown.fields.ladder ? <p className="field-error">{shown.fields.ladder}</p> : null}
          {LEVELS.map((level) => {
            const name = `ladder.${LADDER_KEYS[level]}`
            return (
              <Field
                key={level}
                id={id(name)}
                label={labels[name] ?? ''}
                hint={t(`plan.ladder.meaning.${LADDER_KEYS[level]}`)}
                error={shown.fields[name]}
                required={values.status === 'active'}
              >
                {(props) => (
                  <textarea
                    {...props}
                    rows={2}
                    maxLength={500}
                    value={values.ladder[LADDER_KEYS[level]]}
                    onChange={(e) => set({ ladder: { ...values.ladder, [LADDER_KEYS[level]]: e.target.value } })}
                  />
                )}
              </Field>
            )
          })}
        </fieldset>
        <div className="form-grid">
          <Field id={id('baseline_level')} label={labels.baseline_level ?? ''} hint={t('plan.goal.baselineHint')} error={shown.fields.baseline_level}>
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
          <Field id={id('weight')} label={labels.weight ?? ''} hint={t('plan.goal.weightHint')} error={shown.fields.weight} required>
            {(props) => <input {...props} inputMode="decimal" value={values.weight} onChange={(e) => set({ weight: e.target.value })} />}
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('plan.goal.save')}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  )
}
