import { type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FamilyDetail } from '../../api/types'
import { ErrorSummary, Field } from '../../components/Field'
import { blankToNull, formErrors, newIdempotencyKey } from '../../components/forms'
import { useFocusFirstField } from '../plans/focus'
import { useAddParticipant } from './queries'
import type { MeetingDetail, ParticipantCreate } from './types'
import { useFormValues } from '../../components/useFormValues'

const PREFIX = 'participant-'
const FIELDS = ['person', 'name', 'organisation', 'role', 'email']

/** Add someone to the list: a family member or contact not yet on it, or a professional from outside (a guest). */
export function AddParticipant({
  meeting,
  family,
  onClose,
}: {
  meeting: MeetingDetail
  family: FamilyDetail
  onClose: () => void
}) {
  const { t } = useTranslation()
  const ref = useFocusFirstField<HTMLFormElement>()
  const add = useAddParticipant(meeting.id)
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey)
  const onList = new Set(meeting.participants.flatMap((p) => [p.member_id, p.contact_id].filter(Boolean)))
  const choices = [
    ...family.members.filter((m) => !onList.has(m.id)).map((m) => ({ value: `member:${m.id}`, label: m.display_name })),
    ...family.contacts
      .filter((c) => !onList.has(c.id))
      .map((c) => ({ value: `contact:${c.id}`, label: c.organisation ? `${c.name} (${c.organisation})` : c.name })),
  ]
  const [person, setPerson] = useState(choices[0]?.value ?? 'guest')
  const { values: guest, set: setGuestField } = useFormValues(() => ({
    name: '',
    organisation: '',
    role: '',
    email: '',
  }))
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const shown = formErrors(add.error, clientErrors, FIELDS, t)
  const labels = {
    person: t('meetings.participants.who'),
    name: t('meetings.participants.name'),
    organisation: t('meetings.participants.organisation'),
    role: t('meetings.participants.role'),
    email: t('meetings.participants.email'),
  }

  function submit(event: SyntheticEvent) {
    event.preventDefault()
    let body: ParticipantCreate
    if (person === 'guest') {
      if (guest.name.trim() === '') {
        setClientErrors({ name: t('form.required') })
        return
      }
      body = {
        kind: 'guest',
        name: guest.name.trim(),
        organisation: blankToNull(guest.organisation),
        role: blankToNull(guest.role),
        email: blankToNull(guest.email),
        invitation: 'invited',
      }
    } else {
      const [kind, id] = person.split(':') as ['member' | 'contact', string]
      body =
        kind === 'member'
          ? { kind, member_id: id, invitation: 'invited' }
          : { kind, contact_id: id, invitation: 'invited' }
    }
    setClientErrors({})
    add.mutate(
      { body, idempotencyKey },
      {
        onSuccess: () => {
          setIdempotencyKey(newIdempotencyKey())
          onClose()
        },
      },
    )
  }

  return (
    <form className="plan-form" onSubmit={submit} noValidate ref={ref}>
      <fieldset className="fieldset">
        <legend>{t('meetings.participants.addTitle')}</legend>
        <ErrorSummary errors={shown.fields} labels={labels} detail={shown.detail} fieldPrefix={PREFIX} />
        <Field id={`${PREFIX}person`} label={labels.person} required>
          {(props) => (
            <select {...props} value={person} onChange={(e) => setPerson(e.target.value)}>
              {choices.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
              <option value="guest">{t('meetings.participants.guest')}</option>
            </select>
          )}
        </Field>
        {person === 'guest' ? (
          <div className="form-grid">
            {(['name', 'organisation', 'role', 'email'] as const).map((field) => (
              <Field
                key={field}
                id={`${PREFIX}${field}`}
                label={labels[field]}
                error={shown.fields[field]}
                required={field === 'name'}
              >
                {(props) => (
                  <input
                    {...props}
                    type={field === 'email' ? 'email' : 'text'}
                    maxLength={200}
                    autoComplete="off"
                    value={guest[field]}
                    onChange={(e) => setGuestField(field, e.target.value)}
                  />
                )}
              </Field>
            ))}
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button" disabled={add.isPending}>
            {t('meetings.participants.addSubmit')}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  )
}
