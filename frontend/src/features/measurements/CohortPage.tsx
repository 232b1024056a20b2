import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Column, DataTable } from '../../components/DataTable'
import { PageHeading } from '../../components/Page'
import { EmptyState, ErrorState, Loading } from '../../components/States'
import { formatNumber } from '../../i18n/format'
import { CohortFilters } from './CohortFilters'
import { factorLabel } from './FactorsSection'
import { LicenceNote } from './LicenceNote'
import { useCohort, useInstruments } from './queries'
import { formatChange, formatShare, localized } from './text'
import type { CohortOutcomes, CohortQuery, CohortScale } from './types'
import { WorkEngagementSummarySection } from './WorkEngagementSummary'
import { CohortExplainer } from '../evidence/CohortExplainer'
import { CohortSummary } from '../evidence/CohortSummary'
import { MethodDetails } from '../evidence/MethodDetails'
import { PartiesTable } from '../voice/PartiesTable'
import { ExampleBadge, NormsNote } from '../evidence/NormsNote'
import './measurements.css'
import '../evidence/evidence.css'

/** Coordinators: per instrument and scale the mean change from T0 and the shares of reliable change, with filters. */
export function CohortPage() {
  const { t } = useTranslation()
  const [query, setQuery] = useState<CohortQuery>({ wave: 't1', unit: 'family' })
  const cohort = useCohort(query)
  const title = t('measurements.cohort.title')
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('measurements.cohort.intro')}</p>
      <CohortFilters query={query} onChange={setQuery} />
      {cohort.isPending ? (
        <Loading />
      ) : cohort.isError ? (
        <ErrorState error={cohort.error} onRetry={() => void cohort.refetch()} />
      ) : (
        <>
          <CohortSummary data={cohort.data} />
          <Results data={cohort.data} />
          <MethodDetails>
            {cohort.data.mean_gas_t_score == null ? null : (
              <p>
                {t('evidence.gasScore', {
                  score: formatNumber(Math.round(cohort.data.mean_gas_t_score * 10) / 10),
                  count: cohort.data.gas_families,
                })}
              </p>
            )}
          </MethodDetails>
          <PartiesTable parties={cohort.data.parties} />
        </>
      )}
      <CohortExplainer />
      <WorkEngagementSummarySection />
    </>
  )
}

/** The licence of an instrument whose results are shown (the list is cached from the filter). */
function InstrumentLicence({ code }: { code: string }) {
  const instruments = useInstruments()
  const licence = instruments.data?.items.find((item) => item.code === code)?.licence
  return licence ? <LicenceNote licence={licence} /> : null
}

/** A share of the families, marked when it comes from the example norms. */
function shareColumn(
  header: string,
  share: 'share_improved' | 'share_unchanged' | 'share_deteriorated',
): Column<CohortScale> {
  return {
    header,
    cell: (scale) => (
      <>
        {formatShare(scale[share])}
        <ExampleBadge scale={scale} />
      </>
    ),
  }
}

function Results({ data }: { data: CohortOutcomes }) {
  const { t, i18n } = useTranslation()
  if (data.scales.length === 0) {
    return (
      <section className="card">
        <EmptyState title={t('measurements.cohort.empty')}>
          <p>{t('measurements.cohort.emptyHint')}</p>
        </EmptyState>
      </section>
    )
  }
  const byInstrument = new Map<string, CohortScale[]>()
  for (const scale of data.scales)
    byInstrument.set(scale.instrument_code, [...(byInstrument.get(scale.instrument_code) ?? []), scale])
  return (
    <>
      {[...byInstrument.entries()].map(([code, scales]) => (
        <section key={code} className="card" aria-labelledby={`cohort-${code}`}>
          <h2 id={`cohort-${code}`}>{localized(scales[0]?.instrument_name, i18n.language)}</h2>
          <InstrumentLicence code={code} />
          <div className="table-scroll">
            <DataTable
              caption={t('measurements.cohort.caption', {
                wave: data.wave === 'latest' ? t('evidence.latest') : t(`measurements.wave.${data.wave}`),
              })}
              rows={scales}
              rowKey={(scale) => scale.scale_code}
              columns={[
                {
                  header: t('measurements.scores.scale'),
                  cell: (scale) => (
                    <>
                      {localized(scale.scale_name, i18n.language)}
                      <span className="muted scale-direction">
                        {' '}
                        (
                        {scale.higher_is_better
                          ? t('measurements.outcomes.higherBetter')
                          : t('measurements.outcomes.lowerBetter')}
                        )
                      </span>
                    </>
                  ),
                },
                {
                  header: t('measurements.cohort.families'),
                  cell: (scale) =>
                    t('measurements.cohort.familiesValue', {
                      families: scale.n_families,
                      respondents: scale.n_respondents,
                    }),
                },
                {
                  header: t('measurements.cohort.meanChange'),
                  cell: (scale) => formatChange(scale.mean_change_from_t0),
                },
                shareColumn(t('measurements.cohort.improved'), 'share_improved'),
                shareColumn(t('measurements.cohort.unchanged'), 'share_unchanged'),
                shareColumn(t('measurements.cohort.deteriorated'), 'share_deteriorated'),
              ]}
            />
          </div>
          <NormsNote scales={scales} />
          <p className="muted">
            {t(data.unit === 'family' ? 'measurements.cohort.unitFamily' : 'measurements.cohort.unit')}
          </p>
        </section>
      ))}
      {data.factors.length > 0 ? (
        <section className="card" aria-labelledby="cohort-factors">
          <h2 id="cohort-factors">{t('measurements.factors.title')}</h2>
          <ul className="factor-list">
            {data.factors.map((factor) => (
              <li key={factor.code} className="factor-item">
                <span className={`badge factor-${factor.kind}`}>{t(`measurements.factors.kind.${factor.kind}`)}</span>{' '}
                {factorLabel({ ...factor, id: factor.code, is_active: true, version: 1 }, i18n.language)}:{' '}
                <strong>{t('measurements.cohort.factorFamilies', { count: factor.n_families })}</strong>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}
