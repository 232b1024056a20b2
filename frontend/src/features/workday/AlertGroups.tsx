import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Alert, errorText } from '../../components/States'
import { formatDateTime } from '../../i18n/format'
import { useAcknowledgeWithNote } from './queries'
import type { AlertGroup } from './types'

/** Open alerts per family member: their words, a tel: link to call back, and one button to handle them all. */
export function AlertGroups({ groups }: { groups: AlertGroup[] }) {
  const { t } = useTranslation()
  const [done, setDone] = useState<string | null>(null)
  return (
    <section className="card workday-section" aria-labelledby="wd-alerts">
      <h2 id="wd-alerts">{t('workday.alerts.title', { count: groups.reduce((n, g) => n + g.alerts.length, 0) })}</h2>
      {done ? (
        <Alert kind="success">
          <p>{t('workday.alerts.done', { name: done })}</p>
        </Alert>
      ) : null}
      {groups.length === 0 ? (
        <p className="muted">{t('workday.alerts.empty')}</p>
      ) : (
        <ul className="wd-list">
          {groups.map((group) => (
            <AlertGroupItem key={group.member_id} group={group} onDone={setDone} />
          ))}
        </ul>
      )}
    </section>
  )
}

function AlertGroupItem({ group, onDone }: { group: AlertGroup; onDone: (name: string) => void }) {
  const { t } = useTranslation()
  const acknowledge = useAcknowledgeWithNote()
  const [note, setNote] = useState('')
  const noteId = useId()
  const handle = async () => {
    for (const alert of group.alerts) await acknowledge.mutateAsync({ alertId: alert.id, note })
    onDone(group.member_name)
  }
  return (
    <li className="wd-alert">
      <h3 className="wd-alert-who">
        {group.member_name}{' '}
        <span className="muted">
          · <Link to={`/families/${group.family_id}`}>{group.family_name}</Link>
        </span>
      </h3>
      {group.phone ? (
        <p>
          <a className="button button-secondary button-small" href={`tel:${group.phone.replace(/[^\d+]/g, '')}`}>
            {t('workday.alerts.call', { name: group.member_name, phone: group.phone })}
          </a>
        </p>
      ) : (
        <p className="muted">{t('workday.alerts.noPhone')}</p>
      )}
      <ul className="wd-alert-items">
        {group.alerts.map((alert) => (
          <li key={alert.id}>
            <p className="muted">{formatDateTime(alert.checked_in_at)}</p>
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
            {alert.message ? <blockquote className="wd-message">“{alert.message}”</blockquote> : null}
            {alert.needs_text ? <p>{t('workday.alerts.needs', { text: alert.needs_text })}</p> : null}
          </li>
        ))}
      </ul>
      <div className="field">
        <label htmlFor={noteId}>
          {t('workday.alerts.note')} <span className="muted">{t('form.optional')}</span>
        </label>
        <textarea
          id={noteId}
          rows={2}
          maxLength={1000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      {acknowledge.error ? (
        <Alert kind="error">
          <p>{errorText(acknowledge.error, t)}</p>
        </Alert>
      ) : null}
      <button
        type="button"
        className="button"
        disabled={acknowledge.isPending}
        onClick={() => void handle().catch(() => undefined)}
      >
        {t('workday.alerts.acknowledge', { count: group.alerts.length })}
        <span className="visually-hidden"> {group.member_name}</span>
      </button>
    </li>
  )
}
