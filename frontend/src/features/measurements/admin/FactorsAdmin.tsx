import { type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SaveError } from '../../../components/ConflictMessage'
import { Field } from '../../../components/Field'
import { formErrors } from '../../../components/forms'
import { Alert, ErrorState, Loading } from '../../../components/States'
import { useCreateFactor, useFactors, useUpdateFactor } from '../queries'
import type { Factor, FactorKind } from '../types'
import { useFormValues } from '../../../components/useFormValues'

const KINDS: readonly FactorKind[] = ['hindering', 'facilitating']

/** Administrator: the coded hindering and facilitating factors; codes stay, labels change, old ones are retired. */
export function FactorsAdmin() {
  const { t } = useTranslation()
  const factors = useFactors(true)
  return (
    <section className="card" aria-labelledby="factor-admin-heading">
      <h2 id="factor-admin-heading">{t('measurements.factors.adminTitle')}</h2>
      <p className="muted">{t('measurements.factors.adminIntro')}</p>
      {factors.isPending ? (
        <Loading />
      ) : factors.isError ? (
        <ErrorState error={factors.error} onRetry={() => void factors.refetch()} />
      ) : (
        <ul className="factor-list">
          {factors.data.items.map((factor) => (
            <FactorRow key={factor.id} factor={factor} />
          ))}
        </ul>
      )}
      <NewFactor />
    </section>
  )
}

function FactorRow({ factor }: { factor: Factor }) {
  const { t } = useTranslation()
  const update = useUpdateFactor()
  const [editing, setEditing] = useState(false)
  const form = useFormValues(() => ({ label_nl: factor.label_nl, label_en: factor.label_en, kind: factor.kind }))
  const save = (event: SyntheticEvent) => {
    event.preventDefault()
    update.mutate({ id: factor.id, version: factor.version, body: form.values }, { onSuccess: () => setEditing(false) })
  }
  return (
    <li className="factor-item">
      <span className={`badge factor-${factor.kind}`}>{t(`measurements.factors.kind.${factor.kind}`)}</span>{' '}
      <strong>{factor.label_nl}</strong>{' '}
      <span className="muted">
        / {factor.label_en} ({factor.code})
      </span>
      {factor.is_active ? null : <span className="badge badge-archived">{t('measurements.factors.retired')}</span>}
      <SaveError error={update.error} onReload={() => update.reset()} />
      {editing ? (
        <form className="form entity-form measurement-form" onSubmit={save}>
          <Field label={t('measurements.factors.labelNl')} required>
            {(props) => (
              <input
                {...props}
                type="text"
                value={form.values.label_nl}
                maxLength={200}
                onChange={(event) => form.set('label_nl', event.target.value)}
              />
            )}
          </Field>
          <Field label={t('measurements.factors.labelEn')} required>
            {(props) => (
              <input
                {...props}
                type="text"
                value={form.values.label_en}
                maxLength={200}
                onChange={(event) => form.set('label_en', event.target.value)}
              />
            )}
          </Field>
          <KindField value={form.values.kind} onChange={(kind) => form.set('kind', kind)} />
          <div className="form-actions">
            <button type="submit" className="button" disabled={update.isPending}>
              {t('common.save')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="entity-actions">
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            {t('common.edit')}
            <span className="visually-hidden"> {factor.label_nl}</span>
          </button>
          <button
            type="button"
            className="link-button"
            disabled={update.isPending}
            onClick={() =>
              update.mutate({ id: factor.id, version: factor.version, body: { is_active: !factor.is_active } })
            }
          >
            {factor.is_active ? t('measurements.factors.retire') : t('measurements.factors.restore')}
            <span className="visually-hidden"> {factor.label_nl}</span>
          </button>
        </div>
      )}
    </li>
  )
}

function KindField({ value, onChange }: { value: FactorKind; onChange: (kind: FactorKind) => void }) {
  const { t } = useTranslation()
  return (
    <Field label={t('measurements.factors.kindLabel')} required>
      {(props) => (
        <select {...props} value={value} onChange={(event) => onChange(event.target.value as FactorKind)}>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`measurements.factors.kind.${kind}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}

function NewFactor() {
  const { t } = useTranslation()
  const create = useCreateFactor()
  const [open, setOpen] = useState(false)
  const { values, set, reset } = useFormValues<{ code: string; label_nl: string; label_en: string; kind: FactorKind }>(
    () => ({ code: '', label_nl: '', label_en: '', kind: 'hindering' }),
  )
  const errors = formErrors(create.error, {}, ['code', 'label_nl', 'label_en', 'kind'], t)
  if (!open) {
    return (
      <p>
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          {t('measurements.factors.new')}
        </button>
      </p>
    )
  }
  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    create.mutate(values, {
      onSuccess: () => {
        reset()
        setOpen(false)
      },
    })
  }
  const input = (name: 'code' | 'label_nl' | 'label_en', label: string, hint?: string) => (
    <Field label={label} required hint={hint} error={errors.fields[name]}>
      {(props) => (
        <input
          {...props}
          type="text"
          value={values[name]}
          maxLength={200}
          onChange={(event) => set(name, event.target.value)}
        />
      )}
    </Field>
  )
  return (
    <form className="form entity-form measurement-form" onSubmit={submit} noValidate>
      <h3>{t('measurements.factors.new')}</h3>
      {errors.detail ? (
        <Alert kind="error">
          <p>{errors.detail}</p>
        </Alert>
      ) : null}
      {input('code', t('measurements.factors.code'), t('measurements.factors.codeHint'))}
      {input('label_nl', t('measurements.factors.labelNl'))}
      {input('label_en', t('measurements.factors.labelEn'))}
      <KindField value={values.kind} onChange={(kind) => set('kind', kind)} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {t('common.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
