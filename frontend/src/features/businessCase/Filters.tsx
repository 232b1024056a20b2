import { useTranslation } from 'react-i18next'
import { Field } from '../../components/Field'
import { FilterForm, PeriodFilter, SelectFilter, withFilter } from '../../components/FilterForm'
import { RegionFilter } from '../admin/RegionFilter'
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
  const versions = useModelVersions()
  const set = (name: keyof ReportQuery, value: string) => {
    const numeric = name === 'families' || name === 'model_version'
    onChange(withFilter(query, name, value && numeric ? Number(value) : value))
  }
  return (
    <FilterForm className="bc-filters" label={t('businessCase.filters')}>
      <RegionFilter
        label={t('businessCase.region')}
        all={t('businessCase.allRegions')}
        value={query.region_id}
        onChange={(value) => set('region_id', value)}
      />
      <PeriodFilter
        from={query.from}
        to={query.to}
        labels={{ from: t('businessCase.from'), to: t('businessCase.to') }}
        onChange={set}
      />
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
      <SelectFilter
        label={t('businessCase.version')}
        value={query.model_version ?? ''}
        options={[
          { value: '', label: t('businessCase.latest') },
          ...(versions.data?.items ?? []).map((version) => ({
            value: version.version,
            label: t('businessCase.versionOption', { version: version.version }),
          })),
        ]}
        onChange={(value) => set('model_version', value)}
      />
    </FilterForm>
  )
}
