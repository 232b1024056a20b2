import { useTranslation } from 'react-i18next'
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
              <table className="table table-cards table-compact">
                <caption className="visually-hidden">{t('businessCase.observed.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('businessCase.observed.factor')}</th>
                    <th scope="col">{t('businessCase.observed.basis')}</th>
                    <th scope="col">{t('businessCase.observed.before')}</th>
                    <th scope="col">{t('businessCase.observed.assumedUsual')}</th>
                    <th scope="col">{t('businessCase.observed.during')}</th>
                    <th scope="col">{t('businessCase.observed.assumedWith')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => {
                    const factor = factors.get(row.factor)
                    return (
                      <tr key={row.factor}>
                        <th scope="row" data-label={t('businessCase.observed.factor')}>
                          {factor ? typeName(factor, i18n.language) : row.factor}
                          {factor ? (
                            <span className="muted bc-sub">{t(`businessCase.unit.${factor.unit}`)}</span>
                          ) : null}
                        </th>
                        <td data-label={t('businessCase.observed.basis')}>
                          {t('businessCase.observed.basisValue', {
                            observed: row.families_observed,
                            before: row.families_with_event_before,
                            during: row.families_with_event_during,
                          })}
                          {row.families_observed < FEW ? (
                            <span className="muted bc-sub">{t('businessCase.observed.small')}</span>
                          ) : null}
                        </td>
                        <td data-label={t('businessCase.observed.before')}>
                          {formatDecimal(row.before_per_family_per_year, 2)}
                        </td>
                        <td data-label={t('businessCase.observed.assumedUsual')}>
                          {formatDecimal(row.assumed_usual, 2)}
                        </td>
                        <td data-label={t('businessCase.observed.during')}>
                          {formatDecimal(row.during_per_family_per_year, 2)}
                        </td>
                        <td data-label={t('businessCase.observed.assumedWith')}>
                          {formatDecimal(row.assumed_with_support, 2)}
                        </td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
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
          <table className="table table-cards table-compact">
            <thead>
              <tr>
                <th scope="col">{t('businessCase.factors.factor')}</th>
                <th scope="col">{t('businessCase.factors.payer')}</th>
                <th scope="col">{t('businessCase.factors.unitCost')}</th>
                <th scope="col">{t('businessCase.factors.range')}</th>
                <th scope="col">{t('businessCase.factors.source')}</th>
              </tr>
            </thead>
            <tbody>
              {report.cost_factors.map((factor) => (
                <tr key={factor.code}>
                  <th scope="row" data-label={t('businessCase.factors.factor')}>
                    {typeName(factor, i18n.language)}
                  </th>
                  <td data-label={t('businessCase.factors.payer')}>{factor.payer_name}</td>
                  <td data-label={t('businessCase.factors.unitCost')}>
                    {formatEuro(factor.unit_cost, { cents: true })} / {t(`businessCase.unit.${factor.unit}`)}
                  </td>
                  <td data-label={t('businessCase.factors.range')}>
                    {formatEuro(factor.unit_cost_low)} – {formatEuro(factor.unit_cost_high)}
                  </td>
                  <td data-label={t('businessCase.factors.source')} className="bc-source">
                    {factor.source}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      </details>
    </section>
  )
}
