import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { ErrorState, Loading } from '../../components/States'
import { formatDate } from '../../i18n/format'
import { ModelNotice } from './BusinessCasePage'
import { paramsFromQuery, queryFromParams } from './Filters'
import { formatDecimal, formatEuro } from './money'
import { useBusinessCase } from './queries'
import { Scroll } from './Scroll'
import { typeName } from './Sections'
import './businessCase.css'

const TOP = 5

/** One printable page a manager hands to a funder: the figure, its range, per payer and per type, and how to check it. */
export function PrintSummaryPage() {
  const { t, i18n } = useTranslation()
  const [params] = useSearchParams()
  const query = queryFromParams(params)
  const report = useBusinessCase(query)
  useEffect(() => {
    document.title = `${t('businessCase.printPage.docTitle')} · Bondgenoot`
  }, [t])
  if (report.isPending) return <Loading />
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />
  const data = report.data
  const { cohort } = data
  const range = data.sensitivity_range
  const search = paramsFromQuery(query).toString()
  return (
    <div className="bc-print">
      <div className="print-tools no-print">
        <Link to={`/business-case${search ? `?${search}` : ''}`}>← {t('businessCase.printPage.back')}</Link>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('businessCase.printPage.button')}
        </button>
      </div>
      <h1>{t('businessCase.printPage.heading')}</h1>
      <ModelNotice report={data} />
      {cohort.net_per_family_per_year === null ? (
        <p>{t('businessCase.cohort.empty')}</p>
      ) : (
        <>
          <p className="bc-print-lead">
            {t('businessCase.printPage.lead', {
              net: formatEuro(cohort.net_per_family_per_year),
              gross: formatEuro(cohort.gross_per_family_per_year),
              support: formatEuro(cohort.support_cost_per_family_per_year),
            })}{' '}
            {t('businessCase.printPage.scaled', {
              count: cohort.scaled_to,
              total: formatEuro(cohort.total_net_per_year),
            })}
          </p>
          {range ? (
            <p>
              {t('businessCase.printPage.range', {
                low: formatEuro(range.all_low_net_per_family_per_year),
                high: formatEuro(range.all_high_net_per_family_per_year),
              })}
            </p>
          ) : null}
          <div className="bc-print-columns">
            <Scroll labelledBy="bc-print-payers">
              <table className="table table-compact">
                <caption id="bc-print-payers">{t('businessCase.payers.title')}</caption>
                <tbody>
                  {cohort.by_payer.map((payer) => (
                    <tr key={payer.code}>
                      <th scope="row">{typeName(payer, i18n.language)}</th>
                      <td>{formatEuro(payer.net_per_family_per_year)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Scroll>
            <Scroll labelledBy="bc-print-tornado">
              <table className="table table-compact">
                <caption id="bc-print-tornado">{t('businessCase.tornado.title')}</caption>
                <tbody>
                  {data.sensitivity.slice(0, TOP).map((row) => (
                    <tr key={row.factor}>
                      <th scope="row">{typeName(row, i18n.language)}</th>
                      <td>
                        {formatEuro(row.low_net_per_family_per_year)} – {formatEuro(row.high_net_per_family_per_year)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Scroll>
          </div>
        </>
      )}
      <Scroll labelledBy="bc-print-types">
        <table className="table table-compact">
          <caption id="bc-print-types">{t('businessCase.types.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('businessCase.types.type')}</th>
              <th scope="col">{t('businessCase.types.families')}</th>
              <th scope="col">{t('businessCase.types.net')}</th>
              <th scope="col">{t('businessCase.types.perEuro')}</th>
            </tr>
          </thead>
          <tbody>
            {data.family_types.map((row) => (
              <tr key={row.code}>
                <th scope="row">{typeName(row, i18n.language)}</th>
                <td>{row.families}</td>
                <td>{formatEuro(row.net_per_family_per_year)}</td>
                <td>{formatDecimal(row.return_per_euro)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
      <h2>{t('businessCase.printPage.how')}</h2>
      <p>{t('businessCase.printPage.howText')}</p>
      <p className="muted">
        {t('businessCase.printPage.reproduce', { version: data.model_version })}{' '}
        {t('businessCase.printPage.printed', { date: formatDate(new Date().toISOString()) })}
      </p>
    </div>
  )
}
