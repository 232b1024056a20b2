import { useTranslation } from 'react-i18next'
import { FilterForm, PeriodFilter, SelectFilter, withFilter } from '../../components/FilterForm'
import { RegionFilter } from '../admin/RegionFilter'
import { FAMILY_TYPES } from '../families/familyValues'
import { useInstruments } from './queries'
import { localized } from './text'
import type { CohortQuery, Wave } from './types'

const LATER_WAVES: readonly (Wave | 'latest')[] = ['t1', 't2', 'end', 'follow_up', 'latest']

/** The cohort's filters: the wave compared with T0, the unit, instrument, region, family type and period. */
export function CohortFilters({ query, onChange }: { query: CohortQuery; onChange: (query: CohortQuery) => void }) {
  const { t, i18n } = useTranslation()
  const instruments = useInstruments()
  const all = t('measurements.cohort.all')
  const set = (name: keyof CohortQuery, value: string) => onChange(withFilter(query, name, value))
  return (
    <FilterForm className="cohort-filters" label={t('measurements.cohort.filters')}>
      <SelectFilter
        label={t('measurements.cohort.wave')}
        required
        value={query.wave ?? 't1'}
        options={LATER_WAVES.map((wave) => ({
          value: wave,
          label:
            wave === 'latest'
              ? t('evidence.latest')
              : t('measurements.cohort.waveOption', { wave: t(`measurements.wave.${wave}`) }),
        }))}
        onChange={(value) => set('wave', value)}
      />
      <SelectFilter
        label={t('evidence.unit')}
        value={query.unit ?? 'family'}
        options={[
          { value: 'family', label: t('evidence.unitFamily') },
          { value: 'respondent', label: t('evidence.unitRespondent') },
        ]}
        onChange={(value) => set('unit', value)}
      />
      <SelectFilter
        label={t('measurements.cohort.instrument')}
        value={query.instrument ?? ''}
        options={[
          { value: '', label: all },
          ...(instruments.data?.items ?? [])
            .filter((item) => item.use === 'family_outcome')
            .map((item) => ({ value: item.code, label: localized(item.name, i18n.language) })),
        ]}
        onChange={(value) => set('instrument', value)}
      />
      <RegionFilter
        label={t('family.region')}
        all={all}
        value={query.region_id}
        onChange={(value) => set('region_id', value)}
      />
      <SelectFilter
        label={t('family.familyType')}
        value={query.family_type ?? ''}
        options={[
          { value: '', label: all },
          ...FAMILY_TYPES.map((type) => ({ value: type, label: t(`familyType.${type}`) })),
        ]}
        onChange={(value) => set('family_type', value)}
      />
      <PeriodFilter
        from={query.from}
        to={query.to}
        labels={{
          from: t('measurements.cohort.from'),
          to: t('measurements.cohort.to'),
          hint: t('measurements.cohort.periodHint'),
        }}
        onChange={set}
      />
    </FilterForm>
  )
}
