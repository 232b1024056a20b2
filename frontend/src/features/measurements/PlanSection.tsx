import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { isApiError } from '../../api/errors'
import { newIdempotencyKey } from '../../components/forms'
import { Alert, EmptyState, ErrorState, Loading, errorText } from '../../components/States'
import { formatDate } from '../../i18n/format'
import { useMeasurementPlan, useStartMeasurement } from './queries'
import { respondentLabel } from './respondent'
import { localized } from './text'
import type { MeasurementPlan, PlanEntry } from './types'
import { PhoneOffers } from '../voice/PhoneOffers'

/** The family's measurement waves: what is due for whom, and a button to start or resume each questionnaire. */
export function PlanSection({ familyId, canWrite }: { familyId: string; canWrite: boolean }) {
  const { t } = useTranslation()
  const plan = useMeasurementPlan(familyId)
  return (
    <section className="card" aria-labelledby="plan-heading">
      <h2 id="plan-heading">{t('measurements.plan.title')}</h2>
      {plan.isPending ? (
        <Loading />
      ) : plan.isError ? (
        <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />
      ) : plan.data.entries.length === 0 ? (
        <EmptyState title={t('measurements.plan.empty')}>
          <p>{t('measurements.plan.emptyHint')}</p>
        </EmptyState>
      ) : (
        <PlanTable plan={plan.data} familyId={familyId} canWrite={canWrite} />
      )}
      {plan.data ? <PhoneOffers offers={plan.data.phone} /> : null}
    </section>
  )
}

/** One row per questionnaire and respondent, one column per wave: the plan at a glance (cards on a phone). */
function PlanTable({ plan, familyId, canWrite }: { plan: MeasurementPlan; familyId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation()
  const rows = new Map<string, PlanEntry[]>()
  for (const entry of plan.entries) {
    const key = `${entry.instrument_code}:${entry.respondent.id}`
    rows.set(key, [...(rows.get(key) ?? []), entry])
  }
  return (
    <>
      <p className="muted">{t('measurements.plan.intro', { date: formatDate(plan.anchor_on) })}</p>
      <table className="table table-cards table-compact plan-table">
        <caption className="visually-hidden">{t('measurements.plan.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('measurements.plan.questionnaire')}</th>
            {plan.waves.map((wave) => (
              <th scope="col" key={wave.wave}>
                {t(`measurements.wave.${wave.wave}`)} <span className="plan-due">{formatDate(wave.due_on)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...rows.entries()].map(([key, entries]) => {
            const first = entries[0]
            if (!first) return null
            return (
              <tr key={key}>
                <th scope="row" data-label={t('measurements.plan.questionnaire')}>
                  <span className="plan-entry-name">{localized(first.instrument_name, i18n.language)}</span>
                  <span className="muted plan-entry-who">{respondentLabel(first.respondent, t)}</span>
                </th>
                {plan.waves.map((wave) => {
                  const entry = entries.find((item) => item.wave === wave.wave)
                  return (
                    <td
                      key={wave.wave}
                      data-label={`${t(`measurements.wave.${wave.wave}`)} (${formatDate(wave.due_on)})`}
                    >
                      {entry ? <EntryCell familyId={familyId} entry={entry} canWrite={canWrite} /> : '—'}
                    </td>
                  )
                })}
              </tr>
            )
          })}
        </tbody>
      </table>
    </>
  )
}

function EntryCell({ familyId, entry, canWrite }: { familyId: string; entry: PlanEntry; canWrite: boolean }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const start = useStartMeasurement(familyId)
  const [key] = useState(newIdempotencyKey)
  const name = localized(entry.instrument_name, i18n.language)
  const who = respondentLabel(entry.respondent, t)
  const onStart = () =>
    start.mutate(
      {
        body: {
          instrument_code: entry.instrument_code,
          wave: entry.wave,
          ...(entry.respondent.kind === 'member' ? { respondent_member_id: entry.respondent.id } : {}),
        },
        idempotencyKey: key,
      },
      {
        onSuccess: (measurement) => void navigate(`/families/${familyId}/measurements/${measurement.id}`),
        onError: (error) => {
          const existing = isApiError(error, 409)
            ? (error.problem as { measurement_id?: string } | null)?.measurement_id
            : undefined
          if (existing) void navigate(`/families/${familyId}/measurements/${existing}`)
        },
      },
    )
  const label = { name, who, wave: t(`measurements.wave.${entry.wave}`) }
  return (
    <div className="plan-cell">
      <span className={`badge plan-status plan-status-${entry.status}`}>
        {t(`measurements.status.${entry.status}`)}
      </span>
      {entry.measurement_id ? (
        <Link
          className="button button-secondary button-small"
          to={`/families/${familyId}/measurements/${entry.measurement_id}`}
        >
          {entry.status === 'done' ? t('measurements.plan.view') : t('measurements.plan.resume')}
          <span className="visually-hidden"> {t('measurements.plan.which', label)}</span>
        </Link>
      ) : canWrite ? (
        <button
          type="button"
          className={entry.status === 'upcoming' ? 'button button-secondary button-small' : 'button button-small'}
          onClick={onStart}
          disabled={start.isPending}
        >
          {t('measurements.plan.start')}
          <span className="visually-hidden"> {t('measurements.plan.which', label)}</span>
        </button>
      ) : null}
      {start.isError && !isApiError(start.error, 409) ? (
        <Alert kind="error">
          <p>{errorText(start.error, t)}</p>
        </Alert>
      ) : null}
    </div>
  )
}
