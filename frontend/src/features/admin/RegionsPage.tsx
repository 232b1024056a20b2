import { type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Region } from '../../api/types'
import { ErrorSummary, Field } from '../../components/Field'
import { formErrors } from '../../components/forms'
import { PageHeading } from '../../components/Page'
import { EmptyState, ErrorState, Loading } from '../../components/States'
import { useMe } from '../auth/AuthContext'
import { useSaveRegion, useRegions } from './queries'
import { useFormValues } from '../../components/useFormValues'

const FIELDS = ['name', 'funder_name'] as const

export function RegionsPage() {
  const { t } = useTranslation()
  const regions = useRegions()
  // Regions are shared by every organisation: only the platform operator changes them.
  const operator = useMe().platform_operator
  const [editing, setEditing] = useState<string | null>(null)
  const title = t('regions.title')
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('regions.intro')}</p>
      <div className="two-columns">
        <section className="card" aria-labelledby="regions-list-heading">
          <h2 id="regions-list-heading">{t('regions.listTitle')}</h2>
          {regions.isPending ? (
            <Loading />
          ) : regions.isError ? (
            <ErrorState error={regions.error} onRetry={() => void regions.refetch()} />
          ) : regions.data.items.length === 0 ? (
            <EmptyState title={t('regions.empty')} />
          ) : (
            <ul className="entity-list">
              {regions.data.items.map((region) => (
                <li key={region.id} className="entity">
                  {editing === region.id ? (
                    <RegionForm region={region} onDone={() => setEditing(null)} />
                  ) : (
                    <>
                      <div className="entity-body">
                        <p className="entity-title">{region.name}</p>
                        <p className="entity-meta">{t('regions.funder', { name: region.funder_name })}</p>
                      </div>
                      {operator ? (
                        <div className="entity-actions">
                          <button
                            type="button"
                            className="link-button"
                            aria-label={`${t('common.edit')}: ${region.name}`}
                            onClick={() => setEditing(region.id)}
                          >
                            {t('common.edit')}
                          </button>
                        </div>
                      ) : null}
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
        {operator ? (
          <section className="card" aria-labelledby="new-region-heading">
            <h2 id="new-region-heading">{t('regions.newTitle')}</h2>
            <RegionForm />
          </section>
        ) : (
          <section className="card" aria-labelledby="shared-regions-heading">
            <h2 id="shared-regions-heading">{t('accounts.regions.sharedTitle')}</h2>
            <p>{t('accounts.regions.sharedText')}</p>
          </section>
        )}
      </div>
    </>
  )
}

function RegionForm({ region, onDone }: { region?: Region; onDone?: () => void }) {
  const { t } = useTranslation()
  const { values, update, reset } = useFormValues(() => ({
    name: region?.name ?? '',
    funder_name: region?.funder_name ?? '',
  }))
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const save = useSaveRegion()
  const labels = { name: t('regions.name'), funder_name: t('regions.funder_name') }
  const { fields, detail } = formErrors(save.error, clientErrors, FIELDS, t)
  const prefix = region ? `region-${region.id}-` : 'region-new-'

  function submit(event: SyntheticEvent) {
    event.preventDefault()
    const missing: Record<string, string> = {}
    for (const f of FIELDS) if (!values[f].trim()) missing[f] = t('form.required')
    setClientErrors(missing)
    if (Object.keys(missing).length > 0) return
    save.mutate(
      {
        ...(region ? { id: region.id, version: region.version } : {}),
        body: { name: values.name.trim(), funder_name: values.funder_name.trim() },
      },
      {
        onSuccess: () => {
          if (!region) reset()
          onDone?.()
        },
      },
    )
  }

  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorSummary errors={fields} labels={labels} detail={detail} fieldPrefix={prefix} />
      <Field id={`${prefix}name`} label={labels.name} error={fields.name} required>
        {(p) => (
          <input
            {...p}
            type="text"
            maxLength={120}
            value={values.name}
            onChange={(e) => update({ name: e.target.value })}
          />
        )}
      </Field>
      <Field
        id={`${prefix}funder_name`}
        label={labels.funder_name}
        hint={t('regions.funderHint')}
        error={fields.funder_name}
        required
      >
        {(p) => (
          <input
            {...p}
            type="text"
            maxLength={120}
            value={values.funder_name}
            onChange={(e) => update({ funder_name: e.target.value })}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : region ? t('common.save') : t('regions.create')}
        </button>
        {onDone ? (
          <button type="button" className="button button-secondary" onClick={onDone}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  )
}
