import { useTranslation } from 'react-i18next'
import { Field } from '../../components/Field'
import type { OwnerOption } from '../plans/owners'
import type { Action } from '../plans/types'
import { type DecisionFieldsProps, PERSON, PREFIX } from './decisionValues'

/** Tick the plan's actions that the family agrees to at the table. */
export function ConfirmActionsFields({
  v,
  set,
  labels,
  errors,
  unagreed,
}: DecisionFieldsProps & { unagreed: readonly Action[] }) {
  return (
    <fieldset className="fieldset-plain" id={`${PREFIX}action_ids`} tabIndex={-1}>
      <legend>{labels.action_ids}</legend>
      {errors.action_ids ? <p className="field-error">{errors.action_ids}</p> : null}
      <ul className="check-list">
        {unagreed.map((action) => (
          <li key={action.id} className="field-checkbox">
            <input
              id={`confirm-${action.id}`}
              type="checkbox"
              checked={v.actionIds.includes(action.id)}
              onChange={(e) => {
                const rest = v.actionIds.filter((id) => id !== action.id)
                set({ actionIds: e.target.checked ? [...rest, action.id] : rest })
              }}
            />
            <label htmlFor={`confirm-${action.id}`}>
              {action.description} <span className="muted">({action.owner_name ?? '—'})</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  )
}

/** A new action: what, who and by when (the goal it belongs to is chosen just above). */
export function AddActionFields({
  v,
  set,
  labels,
  errors,
  owners,
}: DecisionFieldsProps & { owners: readonly OwnerOption[] }) {
  const { t } = useTranslation()
  return (
    <>
      <Field id={`${PREFIX}description`} label={labels.description ?? ''} error={errors.description} required>
        {(props) => (
          <textarea
            {...props}
            rows={2}
            maxLength={1000}
            value={v.description}
            onChange={(e) => set({ description: e.target.value })}
          />
        )}
      </Field>
      <div className="form-grid">
        <Field id={`${PREFIX}owner`} label={labels.owner ?? ''} required>
          {(props) => (
            <select {...props} value={v.owner} onChange={(e) => set({ owner: e.target.value })}>
              {owners.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
              <option value={PERSON}>{t('plan.action.someoneElse')}</option>
            </select>
          )}
        </Field>
        {v.owner === PERSON ? (
          <Field id={`${PREFIX}owner_name`} label={labels.owner_name ?? ''} error={errors.owner_name} required>
            {(props) => (
              <input
                {...props}
                type="text"
                maxLength={200}
                value={v.ownerName}
                onChange={(e) => set({ ownerName: e.target.value })}
              />
            )}
          </Field>
        ) : null}
        <Field date id={`${PREFIX}due_on`} label={labels.due_on ?? ''} error={errors.due_on}>
          {(props) => <input {...props} type="date" value={v.dueOn} onChange={(e) => set({ dueOn: e.target.value })} />}
        </Field>
      </div>
    </>
  )
}
