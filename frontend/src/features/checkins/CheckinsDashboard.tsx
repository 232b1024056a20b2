import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PageHeading } from '../../components/Page'
import { ErrorState, Loading } from '../../components/States'
import { formatDateTime } from '../../i18n/format'
import { AlertList } from './AlertList'
import { checkinKeys, useCheckinSummary, useOpenAlerts } from './queries'
import './checkins.css'

/** The supporter's (or coordinator's) check-in dashboard: open alerts first, then each family's latest check-in. */
export function CheckinsDashboard() {
  const { t } = useTranslation()
  const alerts = useOpenAlerts()
  const summary = useCheckinSummary()
  // The nav badge follows the list the supporter is looking at.
  const client = useQueryClient()
  const loadedAt = alerts.dataUpdatedAt
  useEffect(() => {
    if (loadedAt) void client.invalidateQueries({ queryKey: checkinKeys.count })
  }, [client, loadedAt])
  return (
    <>
      <PageHeading title={t('checkins.dashboard.title')}>{t('checkins.dashboard.title')}</PageHeading>
      <p className="muted">{t('checkins.dashboard.intro')}</p>
      <section className="card" aria-labelledby="open-alerts-heading">
        <h2 id="open-alerts-heading">{t('checkins.alerts.title')}</h2>
        <p className="muted">{t('checkins.alerts.intro')}</p>
        {alerts.isPending ? (
          <Loading />
        ) : alerts.isError ? (
          <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />
        ) : (
          <AlertList alerts={alerts.data.items} showFamily />
        )}
      </section>
      <section className="card" aria-labelledby="families-heading">
        <h2 id="families-heading">{t('checkins.dashboard.families')}</h2>
        <p className="hint">{t('checkins.dashboard.familiesOrder')}</p>
        {summary.isPending ? (
          <Loading />
        ) : summary.isError ? (
          <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
        ) : summary.data.families.length === 0 ? (
          <p className="muted">{t('checkins.dashboard.familiesEmpty')}</p>
        ) : (
          <table className="table table-cards">
            <thead>
              <tr>
                <th scope="col">{t('checkins.dashboard.family')}</th>
                <th scope="col">{t('checkins.dashboard.last')}</th>
                <th scope="col">{t('checkins.wellbeing')}</th>
                <th scope="col">{t('checkins.burden')}</th>
                <th scope="col">{t('checkins.dashboard.recent')}</th>
                <th scope="col">{t('checkins.dashboard.open')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.data.families.map((family) => (
                <tr key={family.family_id}>
                  <th scope="row">
                    <Link to={`/families/${family.family_id}`}>{family.family_name}</Link>{' '}
                    <span className="muted">({family.family_reference})</span>
                  </th>
                  <td data-label={t('checkins.dashboard.last')}>{formatDateTime(family.last_checkin_at)}</td>
                  <td data-label={t('checkins.wellbeing')}>
                    {t('checkins.outOfTen', { value: family.last_wellbeing })}
                  </td>
                  <td data-label={t('checkins.burden')}>
                    {t('checkins.outOfTen', { value: family.last_care_burden })}
                  </td>
                  <td data-label={t('checkins.dashboard.recent')}>{family.checkins_last_28_days}</td>
                  <td data-label={t('checkins.dashboard.open')}>
                    {family.open_alerts > 0 ? <span className="badge ck-count">{family.open_alerts}</span> : '0'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  )
}
