import { useTranslation } from 'react-i18next'
import { Field } from '../../components/Field'
import { useRegions } from '../admin/queries'
import { FAMILY_TYPES } from '../families/familyValues'
import { useInstruments } from './queries'
import { localized } from './text'
import type { CohortQuery, Wave } from './types'

const LATER_WAVES: readonly (Wave | 'latest')[] = ['t1', 't2', 'end', 'follow_up', 'latest']

/** The cohort's filters: the wave compared with T0, the unit, instrument, region, family type and period. */
export function CohortFilters({ query, onChange }: { query: CohortQuery; onChange: (query: CohortQuery) => void }) {
  const { t, i18n } = useTranslation()
  const regions = useRegions()
  const instruments = useInstruments()
  const set = (name: keyof CohortQuery, value: string) => {
    const rest = Object.fromEntries(Object.entries(query).filter(([key]) => key !== name)) as CohortQuery
    onChange(value ? { ...rest, [name]: value } : rest)
  }
  return (
    <form
      className="filters cohort-filters"
      aria-label={t('measurements.cohort.filters')}
      onSubmit={(event) => event.preventDefault()}
    >
      <Field label={t('measurements.cohort.wave')} required>
        {(props) => (
          <select {...props} value={query.wave ?? 't1'} onChange={(event) => set('wave', event.target.value)}>
            {LATER_WAVES.map((wave) => (
              <option key={wave} value={wave}>
                {wave === 'latest'
                  ? t('evidence.latest')
                  : t('measurements.cohort.waveOption', { wave: t(`measurements.wave.${wave}`) })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('evidence.unit')}>
        {(props) => (
          <select {...props} value={query.unit ?? 'family'} onChange={(event) => set('unit', event.target.value)}>
            <option value="family">{t('evidence.unitFamily')}</option>
            <option value="respondent">{t('evidence.unitRespondent')}</option>
          </select>
        )}
      </Field>
      <Field label={t('measurements.cohort.instrument')}>
        {(props) => (
          <select {...props} value={query.instrument ?? ''} onChange={(event) => set('instrument', event.target.value)}>
            <option value="">{t('measurements.cohort.all')}</option>
            {(instruments.data?.items ?? [])
              .filter((item) => item.use === 'family_outcome')
              .map((item) => (
                <option key={item.code} value={item.code}>
                  {localized(item.name, i18n.language)}
                </option>
              ))}
          </select>
        )}
      </Field>
      <Field label={t('family.region')}>
        {(props) => (
          <select {...props} value={query.region_id ?? ''} onChange={(event) => set('region_id', event.target.value)}>
            <option value="">{t('measurements.cohort.all')}</option>
            {(regions.data?.items ?? []).map((region) => (
              <option key={region.id} value={region.id}>
                {region.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('family.familyType')}>
        {(props) => (
          <select
            {...props}
            value={query.family_type ?? ''}
            onChange={(event) => set('family_type', event.target.value)}
          >
            <option value="">{t('measurements.cohort.all')}</option>
            {FAMILY_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`familyType.${type}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field date label={t('measurements.cohort.from')} hint={t('measurements.cohort.periodHint')}>
        {(props) => (
          <input
            {...props}
            type="date"
            value={query.from ?? ''}
            onChange={(event) => set('from', event.target.value)}
          />
        )}
      </Field>
      <Field date label={t('measurements.cohort.to')}>
        {(props) => (
          <input {...props} type="date" value={query.to ?? ''} onChange={(event) => set('to', event.target.value)} />
        )}
      </Field>
    </form>
  )
}
