import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { isApiError } from '../../api/errors'
import { newIdempotencyKey } from '../../components/forms'
import { Alert, errorText } from '../../components/States'
import { formatDate, formatDateTime } from '../../i18n/format'
import { useStartMeasurement } from '../measurements/queries'
import { respondentLabel } from '../measurements/respondent'
import { localized } from '../measurements/text'
import type { DebtItem, DueQuestionnaire, WorkMeeting } from './types'

export function OverdueActions({ items }: { items: DebtItem[] }) {
  const { t } = useTranslation()
  return (
    <section className="card workday-section" aria-labelledby="wd-actions">
      <h2 id="wd-actions">{t('workday.actions.title', { count: items.length })}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('workday.actions.empty')}</p>
      ) : (
        <ul className="wd-list">
          {items.map((item) => (
            <li key={item.action_id}>
              <Link to={`/families/${item.family_id}/plan`}>{item.text}</Link>
              <span className="muted"> · {item.family_name}</span>{' '}
              <span className="badge badge-warning">{t('workday.actions.late', { count: item.days })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

export function GoalsWithoutScore({ items, threshold }: { items: DebtItem[]; threshold: number }) {
  const { t } = useTranslation()
  return (
    <section className="card workday-section" aria-labelledby="wd-goals">
      <h2 id="wd-goals">{t('workday.goals.title', { count: items.length })}</h2>
      <p className="muted">{t('workday.goals.intro', { days: threshold })}</p>
      {items.length === 0 ? (
        <p className="muted">{t('workday.goals.empty')}</p>
      ) : (
        <ul className="wd-list">
          {items.map((item) => (
            <li key={item.goal_id}>
              <Link to={`/families/${item.family_id}/plan`}>{item.text}</Link>
              <span className="muted"> · {item.family_name}</span>{' '}
              <span className="badge badge-warning">{t('workday.goals.days', { count: item.days })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

export function Questionnaires({ items }: { items: DueQuestionnaire[] }) {
  const { t } = useTranslation()
  return (
    <section className="card workday-section" aria-labelledby="wd-questionnaires">
      <h2 id="wd-questionnaires">{t('workday.questionnaires.title', { count: items.length })}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('workday.questionnaires.empty')}</p>
      ) : (
        <ul className="wd-list">
          {items.map((item) => (
            <QuestionnaireItem
              key={`${item.family_id}-${item.instrument_code}-${item.wave}-${item.respondent.id}`}
              item={item}
            />
          ))}
        </ul>
      )}
    </section>
  )
}

function QuestionnaireItem({ item }: { item: DueQuestionnaire }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const start = useStartMeasurement(item.family_id)
  const [key] = useState(newIdempotencyKey)
  const name = localized(item.instrument_name, i18n.language)
  const open = (id: string) => void navigate(`/families/${item.family_id}/measurements/${id}`)
  const onStart = () =>
    start.mutate(
      {
        body: {
          instrument_code: item.instrument_code,
          wave: item.wave,
          ...(item.respondent.kind === 'member' ? { respondent_member_id: item.respondent.id } : {}),
        },
        idempotencyKey: key,
      },
      {
        onSuccess: (measurement) => open(measurement.id),
        onError: (error) => {
          const existing = isApiError(error, 409)
            ? (error.problem as { measurement_id?: string } | null)?.measurement_id
            : undefined
          if (existing) open(existing)
        },
      },
    )
  return (
    <li>
      <span className={`badge plan-status plan-status-${item.status}`}>{t(`measurements.status.${item.status}`)}</span>{' '}
      {name} · {t(`measurements.waveOf.${item.wave}`)}
      <span className="muted">
        {' '}
        · {item.family_name} · {respondentLabel(item.respondent, t)} · {formatDate(item.due_on)}
      </span>{' '}
      {item.measurement_id ? (
        <Link
          className="button button-secondary button-small"
          to={`/families/${item.family_id}/measurements/${item.measurement_id}`}
        >
          {t('workday.questionnaires.resume')}
          <span className="visually-hidden">
            {' '}
            {name}, {item.family_name}
          </span>
        </Link>
      ) : (
        <button type="button" className="button button-small" onClick={onStart} disabled={start.isPending}>
          {t('workday.questionnaires.start')}
          <span className="visually-hidden">
            {' '}
            {name}, {item.family_name}
          </span>
        </button>
      )}
      {start.isError && !isApiError(start.error, 409) ? (
        <Alert kind="error">
          <p>{errorText(start.error, t)}</p>
        </Alert>
      ) : null}
    </li>
  )
}

export function MeetingsThisWeek({ items }: { items: WorkMeeting[] }) {
  const { t } = useTranslation()
  return (
    <section className="card workday-section" aria-labelledby="wd-meetings">
      <h2 id="wd-meetings">{t('workday.meetings.title', { count: items.length })}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('workday.meetings.empty')}</p>
      ) : (
        <ul className="wd-list">
          {items.map((meeting) => (
            <li key={meeting.id}>
              <Link to={`/meetings/${meeting.id}`}>{formatDateTime(meeting.starts_at)}</Link>
              <span className="muted">
                {' '}
                · {meeting.family_display_name}
                {meeting.place ? ` · ${meeting.place}` : ''}
              </span>
              {meeting.flag_count > 0 ? (
                <span className="badge badge-warning">
                  {' '}
                  {t('workday.meetings.flagged', { count: meeting.flag_count })}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
