import { useTranslation } from 'react-i18next'
import { DataTable } from '../../components/DataTable'
import { formatDecimal, formatEuro } from './money'
import { typeName } from './Sections'
import type { Report } from './types'
import { Scroll } from './Scroll'

const FEW = 5 // below this many families an observation is a first sign, not evidence

export function ObservedTable({ report }: { report: Report }) {
  const { t, i18n } = useTranslation()
  const factors = new Map(report.cost_factors.map((row) => [row.code, row]))
  return (
    <section className="card" aria-labelledby="bc-observed">
      <h2 id="bc-observed">{t('businessCase.observed.title')}</h2>
      <p>{t('businessCase.observed.intro')}</p>
      {report.observed.length === 0 ? <p className="muted">{t('businessCase.observed.empty')}</p> : null}
      {report.family_types.map((type) => {
        const rows = report.observed.filter((row) => row.family_type === type.code)
        if (rows.length === 0) return null
        const id = `bc-observed-${type.code}`
        return (
          <details key={type.code} className="bc-breakdown">
            <summary id={id}>
              {typeName(type, i18n.language)} ·{' '}
              {t('businessCase.observed.families', { count: rows[0]?.families_observed ?? 0 })}
            </summary>
            <Scroll labelledBy={id}>
              <DataTable
                caption={t('businessCase.observed.caption')}
                rows={rows}
                rowKey={(row) => row.factor}
                columns={[
                  {
                    header: t('businessCase.observed.factor'),
                    cell: (row) => {
                      const factor = factors.get(row.factor)
                      return factor ? (
                        <>
                          {typeName(factor, i18n.language)}
                          <span className="muted bc-sub">{t(`businessCase.unit.${factor.unit}`)}</span>
                        </>
                      ) : (
                        row.factor
                      )
                    },
                  },
                  {
                    header: t('businessCase.observed.basis'),
                    cell: (row) => (
                      <>
                        {t('businessCase.observed.basisValue', {
                          observed: row.families_observed,
                          before: row.families_with_event_before,
                          during: row.families_with_event_during,
                        })}
                        {row.families_observed < FEW ? (
                          <span className="muted bc-sub">{t('businessCase.observed.small')}</span>
                        ) : null}
                      </>
                    ),
                  },
                  {
                    header: t('businessCase.observed.before'),
                    cell: (row) => formatDecimal(row.before_per_family_per_year, 2),
                  },
                  {
                    header: t('businessCase.observed.assumedUsual'),
                    cell: (row) => formatDecimal(row.assumed_usual, 2),
                  },
                  {
                    header: t('businessCase.observed.during'),
                    cell: (row) => formatDecimal(row.during_per_family_per_year, 2),
                  },
                  {
                    header: t('businessCase.observed.assumedWith'),
                    cell: (row) => formatDecimal(row.assumed_with_support, 2),
                  },
                ]}
              />
            </Scroll>
          </details>
        )
      })}
    </section>
  )
}

export function FactorTable({ report }: { report: Report }) {
  const { t, i18n } = useTranslation()
  return (
    <section className="card" aria-labelledby="bc-factors">
      <h2 id="bc-factors">{t('businessCase.factors.title')}</h2>
      <details className="bc-breakdown">
        <summary>{t('businessCase.factors.caption')}</summary>
        <Scroll labelledBy="bc-factors">
          <DataTable
            rows={report.cost_factors}
            rowKey={(factor) => factor.code}
            columns={[
              { header: t('businessCase.factors.factor'), cell: (factor) => typeName(factor, i18n.language) },
              { header: t('businessCase.factors.payer'), cell: (factor) => factor.payer_name },
              {
                header: t('businessCase.factors.unitCost'),
                cell: (factor) => (
                  <>
                    {formatEuro(factor.unit_cost, { cents: true })} / {t(`businessCase.unit.${factor.unit}`)}
                  </>
                ),
              },
              {
                header: t('businessCase.factors.range'),
                cell: (factor) => (
                  <>
                    {formatEuro(factor.unit_cost_low)} – {formatEuro(factor.unit_cost_high)}
                  </>
                ),
              },
              { header: t('businessCase.factors.source'), cell: (factor) => factor.source, className: 'bc-source' },
            ]}
          />
        </Scroll>
      </details>
    </section>
  )
}
