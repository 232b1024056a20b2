import { useTranslation } from 'react-i18next'
import { formatDecimal, formatEuro } from './money'
import { Tornado } from './Tornado'
import type { CohortFigures, Report, TypeFigures } from './types'
import { Scroll } from './Scroll'

export function typeName(row: { name: string; name_en: string }, language: string): string {
  return language === 'en' ? row.name_en : row.name
}

export function CohortCard({ cohort }: { cohort: CohortFigures }) {
  const { t } = useTranslation()
  return (
    <section className="card bc-cohort" aria-labelledby="bc-cohort">
      <h2 id="bc-cohort">{t('businessCase.cohort.title')}</h2>
      <dl className="bc-figures">
        <div>
          <dt>{t('businessCase.cohort.net')}</dt>
          <dd className="bc-headline">{formatEuro(cohort.net_per_family_per_year)}</dd>
        </div>
        <div>
          <dt>{t('businessCase.cohort.total', { count: cohort.scaled_to })}</dt>
          <dd>{formatEuro(cohort.total_net_per_year)}</dd>
        </div>
        <div>
          <dt>{t('businessCase.cohort.perEuro')}</dt>
          <dd>{t('businessCase.cohort.perEuroValue', { value: formatDecimal(cohort.return_per_euro) })}</dd>
        </div>
        <div>
          <dt>{t('businessCase.cohort.gross')}</dt>
          <dd>{formatEuro(cohort.gross_per_family_per_year)}</dd>
        </div>
        <div>
          <dt>{t('businessCase.cohort.support')}</dt>
          <dd>{formatEuro(cohort.support_cost_per_family_per_year)}</dd>
        </div>
      </dl>
      <p className="muted">{t('businessCase.cohort.basis', { count: cohort.families })}</p>
      {cohort.families_untyped ? (
        <p className="muted">{t('businessCase.cohort.untyped', { count: cohort.families_untyped })}</p>
      ) : null}
      {cohort.families_unmodelled ? (
        <p className="muted">{t('businessCase.cohort.unmodelled', { count: cohort.families_unmodelled })}</p>
      ) : null}
    </section>
  )
}

function TypeBreakdown({ row, report }: { row: TypeFigures; report: Report }) {
  const { t, i18n } = useTranslation()
  const factors = new Map(report.cost_factors.map((factor) => [factor.code, factor]))
  return (
    <details className="bc-breakdown">
      <summary>{t('businessCase.types.details', { name: typeName(row, i18n.language) })}</summary>
      <table className="table table-compact">
        <thead>
          <tr>
            <th scope="col">{t('businessCase.types.factor')}</th>
            <th scope="col">{t('businessCase.types.avoidedVolume')}</th>
            <th scope="col">{t('businessCase.types.avoidedCost')}</th>
          </tr>
        </thead>
        <tbody>
          {row.contributions.map((part) => {
            const factor = factors.get(part.code)
            return (
              <tr key={part.code}>
                <th scope="row">{factor ? typeName(factor, i18n.language) : part.code}</th>
                <td>
                  {formatDecimal(part.avoided_volume, 3)} {factor ? t(`businessCase.unit.${factor.unit}`) : ''}
                </td>
                <td>{formatEuro(part.avoided_cost)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </details>
  )
}

export function TypeTable({ report }: { report: Report }) {
  const { t, i18n } = useTranslation()
  return (
    <section className="card" aria-labelledby="bc-types">
      <h2 id="bc-types">{t('businessCase.types.title')}</h2>
      <Scroll labelledBy="bc-types">
        <table className="table table-cards table-compact">
          <caption className="visually-hidden">{t('businessCase.types.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('businessCase.types.type')}</th>
              <th scope="col">{t('businessCase.types.families')}</th>
              <th scope="col">{t('businessCase.types.gross')}</th>
              <th scope="col">{t('businessCase.types.support')}</th>
              <th scope="col">{t('businessCase.types.net')}</th>
              <th scope="col">{t('businessCase.types.perEuro')}</th>
            </tr>
          </thead>
          <tbody>
            {report.family_types.map((row) => (
              <tr key={row.code}>
                <th scope="row" data-label={t('businessCase.types.type')}>
                  {typeName(row, i18n.language)}
                </th>
                <td data-label={t('businessCase.types.families')}>{row.families}</td>
                <td data-label={t('businessCase.types.gross')}>{formatEuro(row.gross_per_family_per_year)}</td>
                <td data-label={t('businessCase.types.support')}>
                  {formatEuro(row.support_cost_per_family_per_year)}
                  <span className="muted bc-sub">
                    {t('businessCase.types.hours', {
                      hours: formatDecimal(row.support_hours_per_year, 1),
                      rate: formatEuro(row.hourly_rate, { cents: true }),
                    })}
                  </span>
                </td>
                <td data-label={t('businessCase.types.net')}>
                  <strong>{formatEuro(row.net_per_family_per_year)}</strong>
                </td>
                <td data-label={t('businessCase.types.perEuro')}>{formatDecimal(row.return_per_euro)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
      {report.family_types.map((row) => (
        <TypeBreakdown key={row.code} row={row} report={report} />
      ))}
    </section>
  )
}

export function PayerTable({ cohort }: { cohort: CohortFigures }) {
  const { t, i18n } = useTranslation()
  return (
    <section className="card" aria-labelledby="bc-payers">
      <h2 id="bc-payers">{t('businessCase.payers.title')}</h2>
      <p>{t('businessCase.payers.intro')}</p>
      <Scroll labelledBy="bc-payers">
        <table className="table table-cards table-compact">
          <caption className="visually-hidden">{t('businessCase.payers.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('businessCase.payers.payer')}</th>
              <th scope="col">{t('businessCase.payers.avoided')}</th>
              <th scope="col">{t('businessCase.payers.support')}</th>
              <th scope="col">{t('businessCase.payers.net')}</th>
              <th scope="col">{t('businessCase.payers.total')}</th>
            </tr>
          </thead>
          <tbody>
            {cohort.by_payer.map((payer) => (
              <tr key={payer.code}>
                <th scope="row" data-label={t('businessCase.payers.payer')}>
                  {typeName(payer, i18n.language)}
                </th>
                <td data-label={t('businessCase.payers.avoided')}>{formatEuro(payer.avoided_per_family_per_year)}</td>
                <td data-label={t('businessCase.payers.support')}>
                  {formatEuro(payer.support_cost_per_family_per_year)}
                </td>
                <td data-label={t('businessCase.payers.net')}>{formatEuro(payer.net_per_family_per_year)}</td>
                <td data-label={t('businessCase.payers.total')}>{formatEuro(payer.total_net_per_year)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
    </section>
  )
}

export function SensitivitySection({ report }: { report: Report }) {
  const { t, i18n } = useTranslation()
  const range = report.sensitivity_range
  if (!range || report.sensitivity.length === 0) return null
  return (
    <section className="card" aria-labelledby="bc-tornado">
      <h2 id="bc-tornado">{t('businessCase.tornado.title')}</h2>
      <p>{t('businessCase.tornado.intro')}</p>
      <p>
        <strong>
          {t('businessCase.tornado.range', {
            low: formatEuro(range.all_low_net_per_family_per_year),
            base: formatEuro(range.base_net_per_family_per_year),
            high: formatEuro(range.all_high_net_per_family_per_year),
          })}
        </strong>
      </p>
      <Tornado rows={report.sensitivity} base={range.base_net_per_family_per_year} />
      <details className="bc-breakdown">
        <summary>{t('businessCase.tornado.caption')}</summary>
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">{t('businessCase.tornado.factor')}</th>
              <th scope="col">{t('businessCase.tornado.low')}</th>
              <th scope="col">{t('businessCase.tornado.high')}</th>
              <th scope="col">{t('businessCase.tornado.swing')}</th>
            </tr>
          </thead>
          <tbody>
            {report.sensitivity.map((row) => (
              <tr key={row.factor}>
                <th scope="row">{typeName(row, i18n.language)}</th>
                <td>{formatEuro(row.low_net_per_family_per_year)}</td>
                <td>{formatEuro(row.high_net_per_family_per_year)}</td>
                <td>{formatEuro(row.swing)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  )
}
