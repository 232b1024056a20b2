import { useTranslation } from 'react-i18next'
import { Field } from '../../components/Field'
import { useRegions } from '../admin/queries'
import { useModelVersions } from './queries'
import type { ReportQuery } from './types'

/** The report's scope lives in the address, so a printed summary and a shared link show the same figure. */
export function queryFromParams(params: URLSearchParams): ReportQuery {
  const query: ReportQuery = {}
  const region = params.get('region_id')
  const from = params.get('from')
  const to = params.get('to')
  const families = Number(params.get('families'))
  const version = Number(params.get('model_version'))
  if (region) query.region_id = region
  if (from) query.from = from
  if (to) query.to = to
  if (Number.isInteger(families) && families > 0) query.families = families
  if (Number.isInteger(version) && version > 0) query.model_version = version
  return query
}

export function paramsFromQuery(query: ReportQuery): URLSearchParams {
  return new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]))
}

export function Filters({ query, onChange }: { query: ReportQuery; onChange: (query: ReportQuery) => void }) {
  const { t } = useTranslation()
  const regions = useRegions()
  const versions = useModelVersions()
  const set = (name: keyof ReportQuery, value: string) => {
    const rest = Object.fromEntries(Object.entries(query).filter(([key]) => key !== name)) as ReportQuery
    const numeric = name === 'families' || name === 'model_version'
    onChange(value ? { ...rest, [name]: numeric ? Number(value) : value } : rest)
  }
  return (
    <form
      className="filters bc-filters"
      aria-label={t('businessCase.filters')}
      onSubmit={(event) => event.preventDefault()}
    >
      <Field label={t('businessCase.region')}>
        {(props) => (
          <select {...props} value={query.region_id ?? ''} onChange={(event) => set('region_id', event.target.value)}>
            <option value="">{t('businessCase.allRegions')}</option>
            {(regions.data?.items ?? []).map((region) => (
              <option key={region.id} value={region.id}>
                {region.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field date label={t('businessCase.from')}>
        {(props) => (
          <input
            {...props}
            type="date"
            value={query.from ?? ''}
            onChange={(event) => set('from', event.target.value)}
          />
        )}
      </Field>
      <Field date label={t('businessCase.to')}>
        {(props) => (
          <input {...props} type="date" value={query.to ?? ''} onChange={(event) => set('to', event.target.value)} />
        )}
      </Field>
      <Field label={t('businessCase.families')} hint={t('businessCase.familiesHint')}>
        {(props) => (
          <input
            {...props}
            type="number"
            min={1}
            inputMode="numeric"
            value={query.families ?? ''}
            onChange={(event) => set('families', event.target.value)}
          />
        )}
      </Field>
      <Field label={t('businessCase.version')}>
        {(props) => (
          <select
            {...props}
            value={query.model_version ?? ''}
            onChange={(event) => set('model_version', event.target.value)}
          >
            <option value="">{t('businessCase.latest')}</option>
            {(versions.data?.items ?? []).map((version) => (
              <option key={version.version} value={version.version}>
                {t('businessCase.versionOption', { version: version.version })}
              </option>
            ))}
          </select>
        )}
      </Field>
    </form>
  )
}
