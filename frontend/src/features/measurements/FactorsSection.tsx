import { type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../components/Field'
import { blankToNull, formErrors, newIdempotencyKey } from '../../components/forms'
import { Alert, EmptyState, ErrorState, Loading } from '../../components/States'
import { formatDate } from '../../i18n/format'
import { useFactors, useFamilyFactors, useRecordFactor } from './queries'
import { lang } from './text'
import type { Factor, FactorKind } from './types'
import { useFormValues } from '../../components/useFormValues'

const KINDS: readonly FactorKind[] = ['hindering', 'facilitating']

export function factorLabel(factor: Factor, language: string): string {
  return lang(language) === 'en' ? factor.label_en : factor.label_nl
}

/** Hindering and facilitating factors seen in this family, each with a note, and a form to record one. */
export function FactorsSection({ familyId, canWrite }: { familyId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation()
  const recorded = useFamilyFactors(familyId)
  const [adding, setAdding] = useState(false)
  return (
    <section className="card" aria-labelledby="factors-heading">
      <div className="section-heading">
        <h2 id="factors-heading">{t('measurements.factors.title')}</h2>
        {canWrite && !adding ? (
          <button type="button" className="button button-secondary button-small" onClick={() => setAdding(true)}>
            {t('measurements.factors.add')}
          </button>
        ) : null}
      </div>
      <p className="muted">{t('measurements.factors.intro')}</p>
      {adding ? <FactorForm familyId={familyId} onDone={() => setAdding(false)} /> : null}
      {recorded.isPending ? (
        <Loading />
      ) : recorded.isError ? (
        <ErrorState error={recorded.error} onRetry={() => void recorded.refetch()} />
      ) : recorded.data.items.length === 0 ? (
        <EmptyState title={t('measurements.factors.empty')} />
      ) : (
        <ul className="factor-list">
          {recorded.data.items.map((item) => (
            <li key={item.id} className="factor-item">
              <span className={`badge factor-${item.factor.kind}`}>
                {t(`measurements.factors.kind.${item.factor.kind}`)}
              </span>{' '}
              <strong>{factorLabel(item.factor, i18n.language)}</strong>{' '}
              <span className="muted">{formatDate(item.recorded_on)}</span>
              {item.note ? <p>{item.note}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function FactorForm({ familyId, onDone }: { familyId: string; onDone: () => void }) {
  const { t, i18n } = useTranslation()
  const factors = useFactors()
  const record = useRecordFactor(familyId)
  const [key] = useState(newIdempotencyKey)
  const form = useFormValues(() => ({ factorId: '', note: '', recordedOn: '' }))
  const { factorId, note, recordedOn } = form.values
  const [missing, setMissing] = useState<Record<string, string>>({})
  const errors = formErrors(record.error, missing, ['factor_id', 'note', 'recorded_on'], t)

  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault()
    if (!factorId) {
      setMissing({ factor_id: t('measurements.factors.chooseOne') })
      return
    }
    setMissing({})
    record.mutate(
      {
        body: { factor_id: factorId, note: blankToNull(note), ...(recordedOn ? { recorded_on: recordedOn } : {}) },
        idempotencyKey: key,
      },
      { onSuccess: onDone },
    )
  }

  if (factors.isPending) return <Loading />
  if (factors.isError) return <ErrorState error={factors.error} onRetry={() => void factors.refetch()} />
  return (
    <form className="form entity-form measurement-form" onSubmit={onSubmit} noValidate>
      {errors.detail ? (
        <Alert kind="error">
          <p>{errors.detail}</p>
        </Alert>
      ) : null}
      <Field label={t('measurements.factors.factor')} required error={errors.fields.factor_id}>
        {(props) => (
          <select {...props} value={factorId} onChange={(event) => form.set('factorId', event.target.value)}>
            <option value="">{t('measurements.factors.choose')}</option>
            {KINDS.map((kind) => (
              <optgroup key={kind} label={t(`measurements.factors.kind.${kind}`)}>
                {factors.data.items
                  .filter((factor) => factor.kind === kind)
                  .map((factor) => (
                    <option key={factor.id} value={factor.id}>
                      {factorLabel(factor, i18n.language)}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('measurements.factors.note')}
        hint={t('measurements.factors.noteHint')}
        error={errors.fields.note}
      >
        {(props) => (
          <textarea
            {...props}
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(event) => form.set('note', event.target.value)}
          />
        )}
      </Field>
      <Field
        date
        label={t('measurements.factors.date')}
        hint={t('measurements.factors.dateHint')}
        error={errors.fields.recorded_on}
      >
        {(props) => (
          <input
            {...props}
            type="date"
            value={recordedOn}
            onChange={(event) => form.set('recordedOn', event.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button" disabled={record.isPending}>
          {record.isPending ? t('common.saving') : t('measurements.factors.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
