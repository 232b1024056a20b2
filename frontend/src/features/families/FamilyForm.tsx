import { type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary, Field } from '../../components/Field'
import { formErrors } from '../../components/forms'
import type { FormValues } from '../../components/useFormValues'
import { useRegions, useUsers } from '../admin/queries'
import { useMe } from '../auth/AuthContext'
import { FAMILY_FIELDS as FIELDS, FAMILY_TYPES, type FamilyFormValues, TARGET_GROUPS } from './familyValues'

export {
  emptyFamilyValues,
  FAMILY_TYPES,
  type FamilyFormValues,
  familyBody,
  familyValues,
  TARGET_GROUPS,
} from './familyValues'

interface FamilyFormProps {
  form: FormValues<FamilyFormValues>
  onSubmit: () => void
  onCancel: () => void
  error: unknown
  busy: boolean
  submitLabel: string
  /** The reference is chosen once, when the family is created. */
  mode: 'create' | 'edit'
}

export function FamilyForm({ form, onSubmit, onCancel, error, busy, submitLabel, mode }: FamilyFormProps) {
  const { t } = useTranslation()
  const me = useMe()
  const isSupervisor = me.role !== 'supporter'
  const regions = useRegions()
  const supporters = useUsers('supporter', isSupervisor)
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const labels: Record<string, string> = Object.fromEntries(FIELDS.map((field) => [field, t(`familyForm.${field}`)]))
  const { fields, detail } = formErrors(error, clientErrors, FIELDS, t)

  const { values, set } = form

  function submit(event: SyntheticEvent) {
    event.preventDefault()
    const missing: Record<string, string> = {}
    if (!values.display_name.trim()) missing.display_name = t('form.required')
    setClientErrors(missing)
    if (Object.keys(missing).length === 0) onSubmit()
  }

  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorSummary errors={fields} labels={labels} detail={detail} />
      <Field
        id="field-display_name"
        label={labels.display_name ?? ''}
        hint={t('familyForm.display_nameHint')}
        error={fields.display_name}
        required
      >
        {(props) => (
          <input
            {...props}
            type="text"
            value={values.display_name}
            onChange={(e) => set('display_name', e.target.value)}
            maxLength={200}
            autoComplete="off"
          />
        )}
      </Field>
      {mode === 'create' ? (
        <Field
          id="field-reference"
          label={labels.reference ?? ''}
          hint={t('familyForm.referenceHint')}
          error={fields.reference}
        >
          {(props) => (
            <input
              {...props}
              type="text"
              value={values.reference}
              onChange={(e) => set('reference', e.target.value)}
              maxLength={40}
              autoComplete="off"
            />
          )}
        </Field>
      ) : (
        <p className="readonly-field">
          <span className="readonly-label">{labels.reference}</span> {values.reference}
        </p>
      )}
      <div className="form-row">
        <Field id="field-region_id" label={labels.region_id ?? ''} error={fields.region_id}>
          {(props) => (
            <select {...props} value={values.region_id} onChange={(e) => set('region_id', e.target.value)}>
              <option value="">{t('familyForm.noRegion')}</option>
              {regions.data?.items.map((region) => (
                <option key={region.id} value={region.id}>
                  {region.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="field-municipality" label={labels.municipality ?? ''} error={fields.municipality}>
          {(props) => (
            <input
              {...props}
              type="text"
              value={values.municipality}
              onChange={(e) => set('municipality', e.target.value)}
              maxLength={120}
              autoComplete="off"
            />
          )}
        </Field>
      </div>
      <Field
        id="field-family_type"
        label={labels.family_type ?? ''}
        hint={t('familyForm.family_typeHint')}
        error={fields.family_type}
      >
        {(props) => (
          <select {...props} value={values.family_type} onChange={(e) => set('family_type', e.target.value)}>
            <option value="">{t('familyForm.noFamilyType')}</option>
            {FAMILY_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`familyType.${type}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset
        className={fields.target_groups ? 'fieldset field-invalid' : 'fieldset'}
        id="field-target_groups"
        tabIndex={-1}
      >
        <legend>
          {labels.target_groups} <span className="optional">{t('form.optional')}</span>
        </legend>
        {fields.target_groups ? <p className="field-error">{fields.target_groups}</p> : null}
        <div className="checkbox-grid">
          {TARGET_GROUPS.map((group) => (
            <div className="field-checkbox" key={group}>
              <input
                id={`target-${group}`}
                type="checkbox"
                checked={values.target_groups.includes(group)}
                onChange={(e) =>
                  set(
                    'target_groups',
                    e.target.checked
                      ? [...values.target_groups, group]
                      : values.target_groups.filter((g) => g !== group),
                  )
                }
              />
              <label htmlFor={`target-${group}`}>{t(`targetGroup.${group}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="form-row">
        {isSupervisor ? (
          <Field id="field-supporter_id" label={labels.supporter_id ?? ''} error={fields.supporter_id}>
            {(props) => (
              <select {...props} value={values.supporter_id} onChange={(e) => set('supporter_id', e.target.value)}>
                <option value="">{t('familyForm.noSupporter')}</option>
                {supporters.data?.pages
                  .flatMap((page) => page.items)
                  .map((user) => (
                    <option key={user.id} value={user.id}>
                      {user.full_name}
                    </option>
                  ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field date id="field-started_on" label={labels.started_on ?? ''} error={fields.started_on}>
          {(props) => (
            <input
              {...props}
              type="date"
              value={values.started_on}
              onChange={(e) => set('started_on', e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('common.saving') : submitLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
