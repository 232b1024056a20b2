import { type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../api/errors'
import { ConflictMessage } from '../../components/ConflictMessage'
import { ErrorSummary, Field } from '../../components/Field'
import { formErrors } from '../../components/forms'
import { useFormValues } from '../../components/useFormValues'

export type FormValues = Record<string, string | boolean>

export interface FieldSpec {
  name: string
  label: string
  type: 'text' | 'email' | 'tel' | 'number' | 'select' | 'checkbox'
  required?: boolean
  options?: { value: string; label: string }[]
  maxLength?: number
  autoComplete?: string
}

interface EntityFormProps {
  fields: readonly FieldSpec[]
  draftKey: string
  initial: () => FormValues
  legend: string
  busy: boolean
  error: unknown
  onSubmit: (values: FormValues, done: () => void) => void
  onCancel: () => void
  onReload: () => void
}

/** The add or change form of one entity (a member, a contact), its values kept as a draft until saved. */
export function EntityForm({
  fields,
  draftKey,
  initial,
  legend,
  busy,
  error,
  onSubmit,
  onCancel,
  onReload,
}: EntityFormProps) {
  const { t } = useTranslation()
  const form = useFormValues(initial, { draft: draftKey })
  const { values, set } = form
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const names = fields.map((field) => field.name)
  const labels = Object.fromEntries(fields.map((field) => [field.name, field.label]))
  const shown = formErrors(error, clientErrors, names, t)
  const prefix = draftKey.replace(/\W/g, '-')

  function submit(event: SyntheticEvent) {
    event.preventDefault()
    const missing: Record<string, string> = {}
    for (const field of fields) {
      const value = values[field.name]
      if (field.required && (typeof value !== 'string' || value.trim() === '')) missing[field.name] = t('form.required')
    }
    setClientErrors(missing)
    if (Object.keys(missing).length === 0) onSubmit(values, form.reset)
  }

  return (
    <form className="entity-form" onSubmit={submit} noValidate>
      <fieldset className="fieldset">
        <legend>{legend}</legend>
        {isApiError(error, 412) ? (
          <ConflictMessage
            onReload={() => {
              form.reset()
              onReload()
            }}
          />
        ) : (
          <ErrorSummary errors={shown.fields} labels={labels} detail={shown.detail} fieldPrefix={`${prefix}-`} />
        )}
        <div className="form-grid">
          {fields.map((field) => {
            const id = `${prefix}-${field.name}`
            const value = values[field.name]
            if (field.type === 'checkbox') {
              return (
                <div className="field field-checkbox" key={field.name}>
                  <input
                    id={id}
                    type="checkbox"
                    checked={value === true}
                    onChange={(e) => set(field.name, e.target.checked)}
                  />
                  <label htmlFor={id}>{field.label}</label>
                </div>
              )
            }
            return (
              <Field
                key={field.name}
                id={id}
                label={field.label}
                error={shown.fields[field.name]}
                required={field.required ?? false}
              >
                {(inputProps) =>
                  field.type === 'select' ? (
                    <select
                      {...inputProps}
                      value={typeof value === 'string' ? value : ''}
                      onChange={(e) => set(field.name, e.target.value)}
                    >
                      {field.options?.map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input
                      {...inputProps}
                      type={field.type}
                      inputMode={field.type === 'number' ? 'numeric' : undefined}
                      value={typeof value === 'string' ? value : ''}
                      maxLength={field.maxLength}
                      autoComplete={field.autoComplete ?? 'off'}
                      onChange={(e) => set(field.name, e.target.value)}
                    />
                  )
                }
              </Field>
            )
          })}
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              form.reset()
              onCancel()
            }}
          >
            {t('common.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  )
}
