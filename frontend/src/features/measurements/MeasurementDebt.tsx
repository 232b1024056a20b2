import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDate } from '../../i18n/format'
import { useMeasurementDebt } from './queries'
import { respondentLabel } from './respondent'
import { localized } from './text'
import './measurements.css'

/** The family's due and overdue questionnaires from its evaluation debt, for the plan page; nothing when none. */
export function MeasurementDebt({ familyId }: { familyId: string }) {
  const { t, i18n } = useTranslation()
  const debt = useMeasurementDebt(familyId)
  const items = debt.data?.measurements ?? []
  if (items.length === 0) return null
  return (
    <section className="card measurement-debt" aria-labelledby="measurement-debt-heading">
      <h2 id="measurement-debt-heading">{t('measurements.debt.title', { count: items.length })}</h2>
      <ul className="factor-list">
        {items.map((item) => (
          <li key={`${item.instrument_code}-${item.wave}-${item.respondent.id}`} className="factor-item">
            <span className={`badge plan-status plan-status-${item.status}`}>
              {t(`measurements.status.${item.status}`)}
            </span>{' '}
            {localized(item.instrument_name, i18n.language)} · {t(`measurements.waveOf.${item.wave}`)}{' '}
            <span className="muted">
              · {respondentLabel(item.respondent, t)} · {formatDate(item.due_on)}
            </span>
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/families/${familyId}/outcomes`}>{t('measurements.debt.link')}</Link>
      </p>
    </section>
  )
}
