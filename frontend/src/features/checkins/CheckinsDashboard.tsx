import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PageHeading } from '../../components/Page'
import { DataTable } from '../../components/DataTable'
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
        ) : (
          <DataTable
            className="table table-cards"
            empty={t('checkins.dashboard.familiesEmpty')}
            rows={summary.data.families}
            rowKey={(family) => family.family_id}
            columns={[
              {
                header: t('checkins.dashboard.family'),
                cell: (family) => (
                  <>
                    <Link to={`/families/${family.family_id}`}>{family.family_name}</Link>{' '}
                    <span className="muted">({family.family_reference})</span>
                  </>
                ),
              },
              { header: t('checkins.dashboard.last'), cell: (family) => formatDateTime(family.last_checkin_at) },
              {
                header: t('checkins.wellbeing'),
                cell: (family) => t('checkins.outOfTen', { value: family.last_wellbeing }),
              },
              {
                header: t('checkins.burden'),
                cell: (family) => t('checkins.outOfTen', { value: family.last_care_burden }),
              },
              { header: t('checkins.dashboard.recent'), cell: (family) => family.checkins_last_28_days },
              {
                header: t('checkins.dashboard.open'),
                cell: (family) =>
                  family.open_alerts > 0 ? <span className="badge ck-count">{family.open_alerts}</span> : '0',
              },
            ]}
          />
        )}
      </section>
    </>
  )
}
