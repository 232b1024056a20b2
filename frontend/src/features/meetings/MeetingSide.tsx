import { type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../api/errors'
import { ConflictMessage } from '../../components/ConflictMessage'
import { ErrorSummary, Field } from '../../components/Field'
import { blankToNull, formErrors } from '../../components/forms'
import { Alert, errorText } from '../../components/States'
import { useFormValues } from '../../components/useFormValues'
import { checkWhenWhere, MeetingFields, WHEN_WHERE_FIELDS, type WhenWhere, whenWhereLabels } from './MeetingFields'
import { type LoadedMeeting, downloadInvitation, useCancelMeeting, useUpdateMeeting } from './queries'
import { amsterdamInputs, meetingWhen, wallTime } from './time'

/** When, where and who chairs; change the time or place, download the invitation, call the meeting off. */
export function MeetingSide({ loaded, onReload }: { loaded: LoadedMeeting; onReload: () => void }) {
  const { t } = useTranslation()
  const { meeting } = loaded
  const [editing, setEditing] = useState(false)
  const [downloadError, setDownloadError] = useState<unknown>(null)
  const rows: [string, React.ReactNode][] = [
    [t('meetings.details.when'), meetingWhen(meeting.starts_at, meeting.ends_at)],
    [t('meetings.details.place'), meeting.place ?? '—'],
    [
      t('meetings.details.video'),
      meeting.video_url ? (
        <a href={meeting.video_url} target="_blank" rel="noreferrer noopener">
          {t('meetings.details.videoLink')}
        </a>
      ) : (
        '—'
      ),
    ],
    [t('meetings.details.chair'), meeting.chair_name ?? '—'],
  ]
  return (
    <section className="card" aria-labelledby="details-heading">
      <h2 id="details-heading">{t('meetings.details.title')}</h2>
      {editing ? (
        <EditMeeting loaded={loaded} onClose={() => setEditing(false)} onReload={onReload} />
      ) : (
        <dl className="details meeting-details">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {downloadError ? (
        <Alert kind="error">
          <p>{errorText(downloadError, t)}</p>
        </Alert>
      ) : null}
      <div className="side-buttons">
        {meeting.status === 'planned' && !editing ? (
          <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
            {t('meetings.details.edit')}
          </button>
        ) : null}
        {meeting.status === 'held' ? null : (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setDownloadError(null)
              downloadInvitation(meeting.id).catch(setDownloadError)
            }}
          >
            {meeting.status === 'cancelled' ? t('meetings.details.downloadCancel') : t('meetings.details.download')}
          </button>
        )}
      </div>
      {meeting.status === 'planned' ? <p className="hint">{t('meetings.details.downloadHint')}</p> : null}
      {meeting.status === 'planned' ? <CancelMeeting meetingId={meeting.id} /> : null}
    </section>
  )
}

function EditMeeting({
  loaded,
  onClose,
  onReload,
}: {
  loaded: LoadedMeeting
  onClose: () => void
  onReload: () => void
}) {
  const { t } = useTranslation()
  const { meeting, etag } = loaded
  const start = amsterdamInputs(meeting.starts_at)
  const currentChair = meeting.participants.find((p) => p.is_chair)?.id ?? ''
  const form = useFormValues<WhenWhere & { chair: string }>(() => ({
    date: start.date,
    start: start.time,
    end: amsterdamInputs(meeting.ends_at).time,
    place: meeting.place ?? '',
    videoUrl: meeting.video_url ?? '',
    chair: currentChair,
  }))
  const value = form.values
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const update = useUpdateMeeting(meeting.id)
  const shown = formErrors(update.error, clientErrors, [...WHEN_WHERE_FIELDS, 'chair_participant_id'], t)
  const labels = { ...whenWhereLabels(t), chair_participant_id: t('meetings.form.chair') }

  function submit(event: SyntheticEvent) {
    event.preventDefault()
    const errors = checkWhenWhere(value, t)
    setClientErrors(errors)
    if (Object.keys(errors).length > 0) return
    update.mutate(
      {
        etag,
        body: {
          starts_at: wallTime(value.date, value.start),
          ends_at: wallTime(value.date, value.end || value.start),
          place: blankToNull(value.place),
          video_url: blankToNull(value.videoUrl),
          ...(value.chair && form.changed.includes('chair') ? { chair_participant_id: value.chair } : {}),
        },
      },
      { onSuccess: onClose },
    )
  }

  return (
    <form className="plan-form" onSubmit={submit} noValidate>
      {isApiError(update.error, 412) ? (
        <ConflictMessage
          onReload={() => {
            onClose()
            onReload()
          }}
        />
      ) : (
        <ErrorSummary errors={shown.fields} labels={labels} detail={shown.detail} fieldPrefix="edit-" />
      )}
      <MeetingFields value={value} onChange={form.update} errors={shown.fields} prefix="edit-" />
      <Field
        id="edit-chair_participant_id"
        label={labels.chair_participant_id}
        error={shown.fields.chair_participant_id}
        required
      >
        {(props) => (
          <select {...props} value={value.chair} onChange={(e) => form.set('chair', e.target.value)}>
            {currentChair ? null : <option value="">—</option>}
            {meeting.participants.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p className="hint">{t('meetings.details.editHint')}</p>
      <div className="form-actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}

function CancelMeeting({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation()
  const [confirming, setConfirming] = useState(false)
  const [reason, setReason] = useState('')
  const cancel = useCancelMeeting(meetingId)
  return (
    <div className="cancel-box">
      {cancel.error ? (
        <Alert kind="error">
          <p>{errorText(cancel.error, t)}</p>
        </Alert>
      ) : null}
      {confirming ? (
        <div className="confirm" role="group" aria-labelledby="cancel-confirm">
          <p id="cancel-confirm">{t('meetings.cancel.confirm')}</p>
          <Field id="cancel-reason" label={t('meetings.cancel.reason')}>
            {(props) => (
              <input
                {...props}
                type="text"
                maxLength={500}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </Field>
          <button
            type="button"
            className="button button-danger"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate(reason.trim() || null)}
          >
            {t('meetings.cancel.yes')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
            {t('meetings.cancel.no')}
          </button>
        </div>
      ) : (
        <button type="button" className="link-button link-danger" onClick={() => setConfirming(true)}>
          {t('meetings.cancel.button')}
        </button>
      )}
    </div>
  )
}
