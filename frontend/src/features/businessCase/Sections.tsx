import { useTranslation } from 'react-i18next'
import { DataTable } from '../../components/DataTable'
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
      <DataTable
        className="table table-compact"
        rows={row.contributions}
        rowKey={(part) => part.code}
        columns={[
          {
            header: t('businessCase.types.factor'),
            cell: (part) => {
              const factor = factors.get(part.code)
              return factor ? typeName(factor, i18n.language) : part.code
            },
          },
          {
            header: t('businessCase.types.avoidedVolume'),
            cell: (part) => {
              const factor = factors.get(part.code)
              return (
                <>
                  {formatDecimal(part.avoided_volume, 3)} {factor ? t(`businessCase.unit.${factor.unit}`) : ''}
                </>
              )
            },
          },
          { header: t('businessCase.types.avoidedCost'), cell: (part) => formatEuro(part.avoided_cost) },
        ]}
      />
    </details>
  )
}

export function TypeTable({ report }: { report: Report }) {
  const { t, i18n } = useTranslation()
  return (
    <section className="card" aria-labelledby="bc-types">
      <h2 id="bc-types">{t('businessCase.types.title')}</h2>
      <Scroll labelledBy="bc-types">
        <DataTable
          caption={t('businessCase.types.caption')}
          rows={report.family_types}
          rowKey={(row) => row.code}
          columns={[
            { header: t('businessCase.types.type'), cell: (row) => typeName(row, i18n.language) },
            { header: t('businessCase.types.families'), cell: (row) => row.families },
            { header: t('businessCase.types.gross'), cell: (row) => formatEuro(row.gross_per_family_per_year) },
            {
              header: t('businessCase.types.support'),
              cell: (row) => (
                <>
                  {formatEuro(row.support_cost_per_family_per_year)}
                  <span className="muted bc-sub">
                    {t('businessCase.types.hours', {
                      hours: formatDecimal(row.support_hours_per_year, 1),
                      rate: formatEuro(row.hourly_rate, { cents: true }),
                    })}
                  </span>
                </>
              ),
            },
            {
              header: t('businessCase.types.net'),
              cell: (row) => <strong>{formatEuro(row.net_per_family_per_year)}</strong>,
            },
            { header: t('businessCase.types.perEuro'), cell: (row) => formatDecimal(row.return_per_euro) },
          ]}
        />
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
        <DataTable
          caption={t('businessCase.payers.caption')}
          rows={cohort.by_payer}
          rowKey={(payer) => payer.code}
          columns={[
            { header: t('businessCase.payers.payer'), cell: (payer) => typeName(payer, i18n.language) },
            {
              header: t('businessCase.payers.avoided'),
              cell: (payer) => formatEuro(payer.avoided_per_family_per_year),
            },
            {
              header: t('businessCase.payers.support'),
              cell: (payer) => formatEuro(payer.support_cost_per_family_per_year),
            },
            { header: t('businessCase.payers.net'), cell: (payer) => formatEuro(payer.net_per_family_per_year) },
            { header: t('businessCase.payers.total'), cell: (payer) => formatEuro(payer.total_net_per_year) },
          ]}
        />
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
        <DataTable
          className="table table-compact"
          rows={report.sensitivity}
          rowKey={(row) => row.factor}
          columns={[
            { header: t('businessCase.tornado.factor'), cell: (row) => typeName(row, i18n.language) },
            { header: t('businessCase.tornado.low'), cell: (row) => formatEuro(row.low_net_per_family_per_year) },
            { header: t('businessCase.tornado.high'), cell: (row) => formatEuro(row.high_net_per_family_per_year) },
            { header: t('businessCase.tornado.swing'), cell: (row) => formatEuro(row.swing) },
          ]}
        />
      </details>
    </section>
  )
}
