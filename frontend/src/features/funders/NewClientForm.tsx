import { type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Region } from '../../api/types'
import { ErrorSummary, Field } from '../../components/Field'
import { formErrors } from '../../components/forms'
import { useFormValues } from '../../components/useFormValues'
import { useCreateFunderClient } from './queries'
import { scopeLabel } from './labels'
import { type FunderClientWithSecret, type FunderScope, SCOPES } from './types'

const FIELDS = ['name', 'funder_name', 'region_ids', 'scopes'] as const

interface Values {
  name: string
  funder_name: string
  region_ids: string[]
  scopes: FunderScope[]
}

const empty = (): Values => ({ name: '', funder_name: '', region_ids: [], scopes: ['outcomes:read'] })

function toggle<T>(list: T[], item: T, on: boolean): T[] {
  return on ? [...list, item] : list.filter((x) => x !== item)
}

/** Register a funder's system: name, funder, regions and scopes. The answer's secret goes to `onCreated`. */
export function NewClientForm({
  regions,
  onCreated,
}: {
  regions: Region[]
  onCreated: (client: FunderClientWithSecret) => void
}) {
  const { t } = useTranslation()
  const { values, set, update, reset } = useFormValues<Values>(empty)
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const create = useCreateFunderClient()
  const labels = Object.fromEntries(FIELDS.map((f) => [f, t(`funders.form.${f}`)]))
  const { fields, detail } = formErrors(create.error, clientErrors, FIELDS, t)

  function chooseRegion(region: Region, on: boolean) {
    const region_ids = toggle(values.region_ids, region.id, on)
    // The first region chosen suggests its funder; a name typed by hand is kept.
    const funder_name = on && !values.funder_name.trim() ? region.funder_name : values.funder_name
    update({ region_ids, funder_name })
  }

  function submit(event: SyntheticEvent) {
    event.preventDefault()
    const missing: Record<string, string> = {}
    if (!values.name.trim()) missing.name = t('form.required')
    if (!values.funder_name.trim()) missing.funder_name = t('form.required')
    if (values.region_ids.length === 0) missing.region_ids = t('funders.form.chooseRegion')
    if (values.scopes.length === 0) missing.scopes = t('funders.form.chooseScope')
    setClientErrors(missing)
    if (Object.keys(missing).length > 0) return
    create.mutate(
      { ...values, name: values.name.trim(), funder_name: values.funder_name.trim() },
      {
        onSuccess: (client) => {
          reset()
          onCreated(client)
        },
      },
    )
  }

  const textField = (name: 'name' | 'funder_name', hint: string) => (
    <Field id={`field-${name}`} label={labels[name] ?? ''} hint={hint} error={fields[name]} required>
      {(p) => (
        <input
          {...p}
          type="text"
          autoComplete="off"
          maxLength={120}
          value={values[name]}
          onChange={(e) => set(name, e.target.value)}
        />
      )}
    </Field>
  )

  return (
    <section className="card" aria-labelledby="new-client-heading">
      <h2 id="new-client-heading">{t('funders.form.title')}</h2>
      {regions.length === 0 ? <p className="muted">{t('funders.form.noRegions')}</p> : null}
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary errors={fields} labels={labels} detail={detail} />
        {textField('name', t('funders.form.nameHint'))}
        <fieldset className="fieldset" aria-describedby="regions-hint">
          <legend id="field-region_ids" tabIndex={-1}>
            {labels.region_ids}
          </legend>
          <p className="hint" id="regions-hint">
            {t('funders.form.regionsHint')}
          </p>
          {fields.region_ids ? <p className="field-error">{fields.region_ids}</p> : null}
          <div className="checkbox-grid">
            {regions.map((region) => (
              <div className="field-checkbox" key={region.id}>
                <input
                  id={`region-${region.id}`}
                  type="checkbox"
                  checked={values.region_ids.includes(region.id)}
                  onChange={(e) => chooseRegion(region, e.target.checked)}
                />
                <label htmlFor={`region-${region.id}`}>
                  {region.name} <span className="muted">({region.funder_name})</span>
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        {textField('funder_name', t('funders.form.funderHint'))}
        <fieldset className="fieldset funder-checks" aria-describedby="scopes-hint">
          <legend id="field-scopes" tabIndex={-1}>
            {labels.scopes}
          </legend>
          <p className="hint" id="scopes-hint">
            {t('funders.form.scopesHint')}
          </p>
          {fields.scopes ? <p className="field-error">{fields.scopes}</p> : null}
          {SCOPES.map((scope) => (
            <div className="field-checkbox" key={scope}>
              <input
                id={`scope-${scope}`}
                type="checkbox"
                checked={values.scopes.includes(scope)}
                onChange={(e) => update({ scopes: toggle(values.scopes, scope, e.target.checked) })}
              />
              <label htmlFor={`scope-${scope}`}>
                {scopeLabel(scope, t)} <code className="funder-id">{scope}</code>
              </label>
            </div>
          ))}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? t('common.saving') : t('funders.form.submit')}
          </button>
        </div>
      </form>
    </section>
  )
}
