import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Alert, errorText } from '../../components/States'
import { formatDateTime } from '../../i18n/format'
import { useAcknowledge } from './queries'
import type { CheckinAlert } from './types'

/** Why an alert was raised, in plain words (the numbers it is about included). */
export function ReasonList({ alert }: { alert: CheckinAlert }) {
  const { t } = useTranslation()
  return (
    <ul className="ck-reasons">
      {alert.reasons.map((reason) => (
        <li key={reason} className="badge ck-reason">
          {t(`checkins.reason.${reason}`, {
            burden: alert.care_burden,
            wellbeing: alert.wellbeing,
            previous: alert.previous_wellbeing ?? '—',
          })}
        </li>
      ))}
    </ul>
  )
}

/**
 * Open alerts with an "acknowledge" button each. An acknowledged alert leaves the list after the refetch;
 * a short note says so, for screen reader users too.
 */
export function AlertList({
  alerts,
  familyId,
  showFamily,
}: {
  alerts: CheckinAlert[]
  familyId?: string
  showFamily?: boolean
}) {
  const { t } = useTranslation()
  const acknowledge = useAcknowledge(familyId)
  const [done, setDone] = useState<string | null>(null)
  return (
    <>
      {done ? (
        <Alert kind="success">
          <p>{t('checkins.alerts.acknowledged', { name: done })}</p>
        </Alert>
      ) : null}
      {acknowledge.error ? (
        <Alert kind="error">
          <p>{errorText(acknowledge.error, t)}</p>
        </Alert>
      ) : null}
      {alerts.length === 0 ? (
        <p className="muted">{t('checkins.alerts.empty')}</p>
      ) : (
        <ul className="ck-alerts">
          {alerts.map((alert) => (
            <li key={alert.id} className="ck-alert">
              <p className="ck-alert-who" id={`alert-${alert.id}`}>
                <strong>{alert.member_name}</strong>
                {showFamily ? (
                  <>
                    {' · '}
                    <Link to={`/families/${alert.family_id}`}>
                      {alert.family_name} ({alert.family_reference})
                    </Link>
                  </>
                ) : null}
              </p>
              <ReasonList alert={alert} />
              <p className="ck-alert-numbers">
                {t('checkins.alerts.checkin', { date: formatDateTime(alert.checked_in_at) })}
                {' · '}
                {t('checkins.wellbeing')} {t('checkins.outOfTen', { value: alert.wellbeing })}
                {' · '}
                {t('checkins.burden')} {t('checkins.outOfTen', { value: alert.care_burden })}
              </p>
              <button
                type="button"
                className="button button-small"
                aria-describedby={`alert-${alert.id}`}
                disabled={acknowledge.isPending}
                onClick={() =>
                  acknowledge.mutate(alert.id, {
                    onSuccess: () => setDone(alert.member_name),
                  })
                }
              >
                {acknowledge.isPending && acknowledge.variables === alert.id
                  ? t('checkins.alerts.acknowledging')
                  : t('checkins.alerts.acknowledge')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
