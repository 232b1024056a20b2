import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SaveError } from '../../components/ConflictMessage'
import { Alert, errorText } from '../../components/States'
import { type LoadedMeeting, useCloseMeeting, useUpdateMeeting } from './queries'

/** The minutes, and closing the meeting: every decision reaches the plan at once, or nothing does. */
export function CloseMeeting({ loaded, onReload }: { loaded: LoadedMeeting; onReload: () => void }) {
  const { t } = useTranslation()
  const { meeting, etag } = loaded
  const [minutes, setMinutes] = useState(meeting.minutes ?? '')
  const [confirming, setConfirming] = useState(false)
  const [saved, setSaved] = useState(false)
  const update = useUpdateMeeting(meeting.id)
  const close = useCloseMeeting(meeting.id, meeting.family_id)
  const open = meeting.status === 'planned'
  if (meeting.status === 'cancelled') return null
  const changed = minutes.trim() !== (meeting.minutes ?? '')
  // The API closes only when everyone's attendance is known; say so before the chair presses the button.
  const unmarked = meeting.participants.filter((p) => p.attendance === null).map((p) => p.name)

  return (
    <section className="card" aria-labelledby="minutes-heading">
      <h2 id="minutes-heading">{open ? t('meetings.close.title') : t('meetings.close.minutesTitle')}</h2>
      <SaveError
        error={update.error}
        onReload={() => {
          update.reset()
          onReload()
        }}
      />
      {saved && !changed ? (
        <Alert kind="success">
          <p>{t('meetings.close.minutesSaved')}</p>
        </Alert>
      ) : null}
      <div className="field">
        <label htmlFor="meeting-minutes">{t('meetings.close.minutes')}</label>
        <p className="hint" id="meeting-minutes-hint">
          {t('meetings.close.minutesHint')}
        </p>
        <textarea
          id="meeting-minutes"
          aria-describedby="meeting-minutes-hint"
          rows={6}
          maxLength={20000}
          value={minutes}
          onChange={(e) => {
            setMinutes(e.target.value)
            setSaved(false)
          }}
        />
      </div>
      <p>
        <button
          type="button"
          className="button button-secondary"
          disabled={!changed || update.isPending}
          onClick={() =>
            update.mutate({ etag, body: { minutes: minutes.trim() || null } }, { onSuccess: () => setSaved(true) })
          }
        >
          {update.isPending ? t('common.saving') : t('meetings.close.saveMinutes')}
        </button>
      </p>
      {open ? (
        <div className="close-box">
          {close.error ? (
            <Alert kind="error" title={t('meetings.close.failed')}>
              <p>{errorText(close.error, t)}</p>
              <p>{t('meetings.close.nothingApplied')}</p>
            </Alert>
          ) : null}
          <p>{t('meetings.close.explain', { count: meeting.decisions.length })}</p>
          {unmarked.length > 0 ? (
            <p className="close-warning">
              {t('meetings.close.unmarked', { count: unmarked.length, names: unmarked.join(', ') })}
            </p>
          ) : null}
          {confirming ? (
            <div className="confirm" role="group" aria-labelledby="close-confirm">
              <p id="close-confirm">{t('meetings.close.confirm')}</p>
              <button
                type="button"
                className="button"
                disabled={close.isPending}
                onClick={() => close.mutate(minutes.trim() || null, { onSuccess: () => setConfirming(false) })}
              >
                {close.isPending ? t('meetings.close.closing') : t('meetings.close.yes')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
            </div>
          ) : (
            <button
              type="button"
              className="button"
              onClick={() => {
                close.reset()
                setConfirming(true)
              }}
            >
              {t('meetings.close.button')}
            </button>
          )}
        </div>
      ) : null}
    </section>
  )
}
