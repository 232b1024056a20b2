import { type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../components/forms'
import { ErrorState } from '../../components/States'
import { useAgenda } from './queries'
import type { AgendaItem, MeetingDetail } from './types'

/** The agenda: what the plan asks to discuss (goals due for review, open and not-yet-agreed actions), plus own items. */
export function Agenda({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation()
  const open = meeting.status === 'planned'
  const { add, fromPlan, update, remove } = useAgenda(meeting.id)
  const [title, setTitle] = useState('')
  const [titleError, setTitleError] = useState<string | null>(null)
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey)
  const [noting, setNoting] = useState<string | null>(null)
  const busy = add.isPending || fromPlan.isPending || update.isPending || remove.isPending
  const error = add.error ?? fromPlan.error ?? update.error ?? remove.error
  const items = meeting.agenda

  function submit(event: SyntheticEvent) {
    event.preventDefault()
    if (title.trim() === '') {
      setTitleError(t('form.required'))
      return
    }
    setTitleError(null)
    add.mutate(
      { title: title.trim(), idempotencyKey },
      {
        onSuccess: () => {
          setTitle('')
          setIdempotencyKey(newIdempotencyKey())
        },
      },
    )
  }

  return (
    <section className="card" aria-labelledby="agenda-heading">
      <div className="section-heading">
        <h2 id="agenda-heading">{t('meetings.agenda.title')}</h2>
        {open ? (
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={busy}
            onClick={() => fromPlan.mutate()}
          >
            {t('meetings.agenda.fromPlan')}
          </button>
        ) : null}
      </div>
      {error ? <ErrorState error={error} /> : null}
      {items.length === 0 ? <p className="muted">{t('meetings.agenda.none')}</p> : null}
      <ol className="agenda-list">
        {items.map((item, index) => (
          <li key={item.id} className={`agenda-item agenda-${item.kind}`}>
            <p className="agenda-title">
              <span className={`badge badge-agenda-${item.kind}`}>{t(`meetings.agenda.kind.${item.kind}`)}</span>{' '}
              {item.title}
            </p>
            {noting === item.id ? (
              <NoteForm
                item={item}
                pending={update.isPending}
                onSave={(note) => update.mutate({ item, body: { note } }, { onSuccess: () => setNoting(null) })}
                onCancel={() => setNoting(null)}
              />
            ) : item.note ? (
              <p className="agenda-note">{item.note}</p>
            ) : null}
            {open && noting !== item.id ? (
              <div className="entity-actions">
                <button
                  type="button"
                  className="link-button"
                  aria-label={`${t('meetings.agenda.note')}: ${item.title}`}
                  onClick={() => setNoting(item.id)}
                >
                  {t('meetings.agenda.note')}
                </button>
                {index > 0 ? (
                  <button
                    type="button"
                    className="link-button"
                    disabled={busy}
                    aria-label={`${t('meetings.agenda.up')}: ${item.title}`}
                    onClick={() => update.mutate({ item, body: { position: index } })}
                  >
                    {t('meetings.agenda.up')}
                  </button>
                ) : null}
                {index < items.length - 1 ? (
                  <button
                    type="button"
                    className="link-button"
                    disabled={busy}
                    aria-label={`${t('meetings.agenda.down')}: ${item.title}`}
                    onClick={() => update.mutate({ item, body: { position: index + 2 } })}
                  >
                    {t('meetings.agenda.down')}
                  </button>
                ) : null}
                <button
                  type="button"
                  className="link-button link-danger"
                  disabled={busy}
                  aria-label={`${t('common.delete')}: ${item.title}`}
                  onClick={() => remove.mutate(item.id)}
                >
                  {t('common.delete')}
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {open ? (
        <form className="inline-form" onSubmit={submit} noValidate>
          <div className={titleError ? 'field field-invalid' : 'field'}>
            <label htmlFor="agenda-new">{t('meetings.agenda.add')}</label>
            {titleError ? (
              <p className="field-error" id="agenda-new-error">
                {titleError}
              </p>
            ) : null}
            <div className="inline-row">
              <input
                id="agenda-new"
                type="text"
                maxLength={300}
                value={title}
                aria-invalid={titleError ? true : undefined}
                aria-describedby={titleError ? 'agenda-new-error' : undefined}
                onChange={(e) => setTitle(e.target.value)}
              />
              <button type="submit" className="button button-secondary" disabled={busy}>
                {t('meetings.agenda.addSubmit')}
              </button>
            </div>
          </div>
        </form>
      ) : null}
    </section>
  )
}

function NoteForm({
  item,
  pending,
  onSave,
  onCancel,
}: {
  item: AgendaItem
  pending: boolean
  onSave: (note: string | null) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const [note, setNote] = useState(item.note ?? '')
  return (
    <form
      className="agenda-note-form"
      onSubmit={(event) => {
        event.preventDefault()
        onSave(note.trim() || null)
      }}
    >
      <label htmlFor={`note-${item.id}`}>{t('meetings.agenda.noteLabel', { title: item.title })}</label>
      <textarea
        id={`note-${item.id}`}
        rows={3}
        maxLength={2000}
        // eslint-disable-next-line jsx-a11y/no-autofocus -- the note opens on request; typing starts at once
        autoFocus
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="form-actions">
        <button type="submit" className="button button-small" disabled={pending}>
          {t('common.save')}
        </button>
        <button type="button" className="button button-secondary button-small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
