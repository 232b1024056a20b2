import { useTranslation } from 'react-i18next'
import { Alert, ErrorState, Loading } from '../../components/States'
import { useWorkEngagementSummary } from './queries'
import { formatScore, localized } from './text'

/** Coordinators see supporters' work engagement only as an average over at least five supporters. */
export function WorkEngagementSummarySection() {
  const { t, i18n } = useTranslation()
  const summary = useWorkEngagementSummary(true)
  return (
    <section className="card" aria-labelledby="engagement-summary">
      <h2 id="engagement-summary">{t('measurements.engagement.summaryTitle')}</h2>
      {summary.isPending ? (
        <Loading />
      ) : summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : summary.data.suppressed ? (
        <Alert kind="info" title={t('measurements.engagement.tooFewTitle')}>
          <p>
            {t('measurements.engagement.tooFew', { count: summary.data.n_supporters, min: summary.data.min_group })}
          </p>
        </Alert>
      ) : (
        <>
          <p className="muted">{t('measurements.engagement.summaryIntro', { count: summary.data.n_supporters })}</p>
          <table className="table table-cards table-compact">
            <caption className="visually-hidden">{t('measurements.engagement.summaryTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('measurements.scores.scale')}</th>
                <th scope="col">{t('measurements.engagement.mean')}</th>
                <th scope="col">{t('measurements.engagement.sd')}</th>
                <th scope="col">{t('measurements.engagement.supporters')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.data.scales.map((scale) => (
                <tr key={scale.code}>
                  <th scope="row" data-label={t('measurements.scores.scale')}>
                    {localized(scale.name, i18n.language)}
                  </th>
                  <td data-label={t('measurements.engagement.mean')}>{formatScore(scale.mean)}</td>
                  <td data-label={t('measurements.engagement.sd')}>{formatScore(scale.sd)}</td>
                  <td data-label={t('measurements.engagement.supporters')}>{scale.n_supporters}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}
