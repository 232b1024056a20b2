import { type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SaveError } from '../../components/ConflictMessage'
import { Alert, ErrorState, Loading } from '../../components/States'
import { formatDate } from '../../i18n/format'
import { type LoadedConsent, useConsent, useSaveConsent } from './queries'
import type { ConsentUpdate } from './types'
import './funders.css'

const OPTIONS = [
  ['aggregates_only', 'aggregatesHint'],
  ['funder_data', 'funderHint'],
  ['research', 'researchHint'],
] as const

/** On the family page: what the family agreed to share with funders and researchers, in plain Dutch. */
export function ConsentCard({ familyId, readOnly = false }: { familyId: string; readOnly?: boolean }) {
  const { t } = useTranslation()
  const query = useConsent(familyId)
  // Kept here: a save gives a new version, which remounts the form with what is now stored.
  const [saved, setSaved] = useState(false)
  return (
    <section className="card" aria-labelledby="consent-heading">
      <h2 id="consent-heading">{t('funders.consent.title')}</h2>
      <p>{t('funders.consent.intro')}</p>
      <p>{t('funders.consent.never')}</p>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        // Keyed by version: a reload after a conflict starts again from what is stored now.
        <ConsentForm
          key={query.data.consent.version}
          familyId={familyId}
          loaded={query.data}
          readOnly={readOnly}
          saved={saved}
          setSaved={setSaved}
          onReload={() => void query.refetch()}
        />
      )}
    </section>
  )
}

interface FormProps {
  familyId: string
  loaded: LoadedConsent
  readOnly: boolean
  saved: boolean
  setSaved: (saved: boolean) => void
  onReload: () => void
}

function ConsentForm({ familyId, loaded, readOnly, saved, setSaved, onReload }: FormProps) {
  const { t } = useTranslation()
  const { consent } = loaded
  const [values, setValues] = useState<ConsentUpdate>({
    funder_data: consent.funder_data,
    research: consent.research,
    aggregates_only: consent.aggregates_only,
  })
  const save = useSaveConsent(familyId)
  const nothing = !consent.funder_data && !consent.research && !consent.aggregates_only

  function submit(event: SyntheticEvent) {
    event.preventDefault()
    setSaved(false)
    save.mutate({ body: values, loaded }, { onSuccess: () => setSaved(true) })
  }

  return (
    <form onSubmit={submit} className="form" noValidate>
      {save.error ? (
        <SaveError
          error={save.error}
          onReload={() => {
            save.reset()
            onReload()
          }}
        />
      ) : saved ? (
        <Alert kind="success">
          <p>{t('funders.consent.saved')}</p>
        </Alert>
      ) : null}
      <fieldset className="fieldset consent-options" disabled={readOnly}>
        <legend>{t('funders.consent.legend')}</legend>
        {OPTIONS.map(([name, hint]) => (
          <div className="field-checkbox" key={name}>
            <input
              id={`consent-${name}`}
              type="checkbox"
              aria-describedby={`consent-${name}-hint`}
              checked={values[name]}
              onChange={(e) => {
                setSaved(false)
                setValues({ ...values, [name]: e.target.checked })
              }}
            />
            <label htmlFor={`consent-${name}`}>
              {t(`funders.consent.${name}`)}
              <span className="hint" id={`consent-${name}-hint`}>
                {t(`funders.consent.${hint}`)}
              </span>
            </label>
          </div>
        ))}
      </fieldset>
      <p className="muted">
        {consent.recorded_at
          ? t('funders.consent.recordedAt', { date: formatDate(consent.recorded_at) })
          : t('funders.consent.notRecorded')}{' '}
        {consent.recorded_at && nothing ? t('funders.consent.nothingShared') : null}
      </p>
      <p className="muted">{t('funders.consent.change')}</p>
      {readOnly ? null : (
        <div className="form-actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('funders.consent.save')}
          </button>
        </div>
      )}
    </form>
  )
}
