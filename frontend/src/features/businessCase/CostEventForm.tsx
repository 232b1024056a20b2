import { type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fieldErrors } from '../../api/errors'
import { Field } from '../../components/Field'
import { Alert, errorText } from '../../components/States'
import { useFormValues } from '../../components/useFormValues'
import { parseDecimal } from './money'
import { useRecordCostEvent } from './queries'
import type { CostEventCreate, ModelDefinition } from './types'

const EMPTY = () => ({ factor_code: '', occurred_on: '', ended_on: '', volume: '', note: '' })

/** Record one cost event; a period of a per-day factor counts its days when no volume is typed. */
export function CostEventForm({ familyId, model }: { familyId: string; model: ModelDefinition }) {
  const { t, i18n } = useTranslation()
  const { values: form, set: setField, reset } = useFormValues(EMPTY)
  const [localError, setLocalError] = useState<string | null>(null)
  const record = useRecordCostEvent(familyId)
  const errors = fieldErrors(record.error)
  const factor = model.cost_factors.find((row) => row.code === form.factor_code)
  const set = (name: keyof typeof form) => (event: { target: { value: string } }) => setField(name, event.target.value)
  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    const volume = form.volume ? parseDecimal(form.volume) : null
    if (form.volume && volume === null) {
      setLocalError(t('businessCase.editor.invalid'))
      return
    }
    setLocalError(null)
    const body: CostEventCreate = { factor_code: form.factor_code, occurred_on: form.occurred_on }
    if (form.ended_on) body.ended_on = form.ended_on
    if (volume) body.volume = volume
    if (form.note.trim()) body.note = form.note.trim()
    record.mutate(body, { onSuccess: reset })
  }
  return (
    <form className="card" onSubmit={submit} aria-labelledby="cost-event-form" noValidate>
      <h2 id="cost-event-form">{t('businessCase.events.add')}</h2>
      <Field
        label={t('businessCase.events.factor')}
        required
        error={errors.factor_code?.message}
        id="field-factor_code"
      >
        {(props) => (
          <select {...props} value={form.factor_code} onChange={set('factor_code')}>
            <option value="">{t('businessCase.events.chooseFactor')}</option>
            {model.cost_factors.map((row) => (
              <option key={row.code} value={row.code}>
                {i18n.language === 'en' ? row.name_en : row.name_nl}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="bc-editor-grid">
        <Field date label={t('businessCase.events.occurredOn')} required error={errors.occurred_on?.message}>
          {(props) => <input {...props} type="date" value={form.occurred_on} onChange={set('occurred_on')} />}
        </Field>
        <Field
          date
          label={t('businessCase.events.endedOn')}
          hint={t('businessCase.events.endedHint')}
          error={errors.ended_on?.message}
        >
          {(props) => <input {...props} type="date" value={form.ended_on} onChange={set('ended_on')} />}
        </Field>
        <Field
          label={t('businessCase.events.volume')}
          hint={t('businessCase.events.volumeHint', { unit: t(`businessCase.unit.${factor?.unit ?? 'occurrence'}`) })}
          error={errors.volume?.message}
        >
          {(props) => <input {...props} inputMode="decimal" value={form.volume} onChange={set('volume')} />}
        </Field>
      </div>
      <Field label={t('businessCase.events.note')}>
        {(props) => <textarea {...props} rows={2} maxLength={1000} value={form.note} onChange={set('note')} />}
      </Field>
      {localError ? <Alert kind="error">{localError}</Alert> : null}
      {record.isError ? <Alert kind="error">{errorText(record.error, t)}</Alert> : null}
      {record.isSuccess ? <Alert kind="success">{t('businessCase.events.saved')}</Alert> : null}
      <button type="submit" className="button" disabled={record.isPending}>
        {t('businessCase.events.save')}
      </button>
    </form>
  )
}
