import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { PageHeading } from '../../components/Page'
import { Alert, EmptyState, ErrorState, Loading } from '../../components/States'
import { formatDate } from '../../i18n/format'
import { useMe } from '../auth/AuthContext'
import { FactorTable, ObservedTable } from './Evidence'
import { Filters, paramsFromQuery, queryFromParams } from './Filters'
import { useBusinessCase } from './queries'
import { CohortCard, PayerTable, SensitivitySection, TypeTable } from './Sections'
import type { Report } from './types'
import './businessCase.css'

/** Coordinators and administrators: the cohort's societal business case, how sure it is, and what was observed. */
export function BusinessCasePage() {
  const { t } = useTranslation()
  const me = useMe()
  const [params, setParams] = useSearchParams()
  const query = queryFromParams(params)
  const report = useBusinessCase(query)
  const title = t('businessCase.title')
  const search = paramsFromQuery(query).toString()
  return (
    <>
      <PageHeading
        title={title}
        actions={
          <>
            <Link className="button button-secondary" to={`/business-case/print${search ? `?${search}` : ''}`}>
              {t('businessCase.print')}
            </Link>
            {me.role === 'admin' ? (
              <Link className="button button-secondary" to="/admin/business-case">
                {t('businessCase.editModel')}
              </Link>
            ) : null}
          </>
        }
      >
        {title}
      </PageHeading>
      <p className="lead">{t('businessCase.intro')}</p>
      <Filters query={query} onChange={(next) => setParams(paramsFromQuery(next), { replace: true })} />
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <Results report={report.data} />
      )}
    </>
  )
}

export function ModelNotice({ report }: { report: Report }) {
  const { t, i18n } = useTranslation()
  return (
    <>
      <p className="bc-model-line">
        {report.is_example ? <span className="badge bc-example">{t('businessCase.example')}</span> : null}{' '}
        {t('businessCase.modelLine', {
          name: report.model_name,
          version: report.model_version,
          year: report.price_year,
        })}
        {' · '}
        {t('businessCase.scopeLine', { from: formatDate(report.scope.from_on), to: formatDate(report.scope.to_on) })}
      </p>
      {report.is_example ? (
        <Alert kind="info" title={t('businessCase.exampleTitle')}>
          <p>{i18n.language === 'en' ? report.notice_en : report.notice_nl}</p>
        </Alert>
      ) : null}
    </>
  )
}

function Results({ report }: { report: Report }) {
  const { t } = useTranslation()
  return (
    <>
      <ModelNotice report={report} />
      {report.cohort.net_per_family_per_year === null ? (
        <section className="card">
          <EmptyState title={t('businessCase.cohort.empty')}>
            <p>{t('businessCase.cohort.emptyHint')}</p>
          </EmptyState>
        </section>
      ) : (
        <>
          <CohortCard cohort={report.cohort} />
          <PayerTable cohort={report.cohort} />
          <SensitivitySection report={report} />
        </>
      )}
      <TypeTable report={report} />
      <ObservedTable report={report} />
      <FactorTable report={report} />
    </>
  )
}
