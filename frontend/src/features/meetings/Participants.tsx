import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FamilyDetail } from '../../api/types'
import { ErrorState } from '../../components/States'
import { useReturnFocus } from './focus'
import { AddParticipant } from './AddParticipant'
import { useRecordAttendance, useRemoveParticipant, useUpdateParticipant } from './queries'
import { ATTENDANCE, INVITATION, type MeetingDetail, type Participant } from './types'

type Group = 'family' | 'network' | 'professionals'

function groupOf(p: Participant, family: FamilyDetail): Group {
  if (p.kind === 'member') return 'family'
  if (p.kind === 'contact')
    return family.contacts.find((c) => c.id === p.contact_id)?.kind === 'informal' ? 'network' : 'professionals'
  return 'professionals'
}

function roleText(p: Participant, t: TFunction): string {
  const role =
    p.kind === 'member' && p.role
      ? t(`memberRole.${p.role}`, { defaultValue: p.role })
      : p.kind === 'staff' && p.role
        ? t(`roles.${p.role}`, { defaultValue: p.role })
        : p.role
  return [role, p.organisation].filter(Boolean).join(' · ')
}

/** Everyone at the table by circle (family, network, professionals): invitation, attendance, who chairs, who is crucial. */
export function Participants({ meeting, family }: { meeting: MeetingDetail; family: FamilyDetail }) {
  const { t } = useTranslation()
  const open = meeting.status === 'planned'
  const attendance = useRecordAttendance(meeting.id)
  const update = useUpdateParticipant(meeting.id)
  const remove = useRemoveParticipant(meeting.id)
  const [adding, setAdding] = useState(false)
  const addButton = useReturnFocus<HTMLButtonElement>(adding)
  const busy = attendance.isPending || update.isPending || remove.isPending
  const error = attendance.error ?? update.error ?? remove.error
  const unmarked = meeting.participants.filter(
    (p) => p.attendance === null && (p.invitation === 'invited' || p.invitation === 'accepted'),
  )
  const groups: Group[] = ['family', 'network', 'professionals']
  // While a tick is being saved it shows at once; the server's answer (and the flags) follow.
  const shownAttendance = (p: Participant) =>
    (attendance.isPending
      ? attendance.variables.find((item) => item.participant_id === p.id)?.attendance
      : undefined) ?? p.attendance

  return (
    <section className="card" aria-labelledby="participants-heading">
      <div className="section-heading">
        <h2 id="participants-heading">{t('meetings.participants.title')}</h2>
        <p className="muted">
          {t('meetings.participants.counts', {
            invited: meeting.invited_count,
            present: meeting.present_count,
            count: meeting.participant_count,
          })}
        </p>
      </div>
      {error ? <ErrorState error={error} /> : null}
      {open && unmarked.length > 0 ? (
        <p>
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={busy}
            onClick={() => attendance.mutate(unmarked.map((p) => ({ participant_id: p.id, attendance: 'present' })))}
          >
            {t('meetings.participants.allPresent', { count: unmarked.length })}
          </button>
        </p>
      ) : null}
      {meeting.participants.length === 0 ? <p className="muted">{t('meetings.participants.none')}</p> : null}
      {groups.map((group) => {
        const people = meeting.participants.filter((p) => groupOf(p, family) === group)
        if (people.length === 0) return null
        return (
          <div key={group} className="participant-group">
            <h3>{t(`meetings.participants.group.${group}`)}</h3>
            <ul className="participant-list">
              {people.map((p) => (
                <li key={p.id} className="participant">
                  <div className="participant-who">
                    <p className="participant-name">
                      {p.name}
                      {p.is_chair ? (
                        <span className="badge badge-chair">{t('meetings.participants.chair')}</span>
                      ) : null}
                      {p.is_crucial ? (
                        <span className="badge badge-crucial">{t('meetings.participants.crucial')}</span>
                      ) : null}
                    </p>
                    {roleText(p, t) ? <p className="participant-role">{roleText(p, t)}</p> : null}
                  </div>
                  {open ? (
                    <div className="participant-controls">
                      <label className="visually-hidden" htmlFor={`invitation-${p.id}`}>
                        {t('meetings.participants.invitationOf', { name: p.name })}
                      </label>
                      <select
                        id={`invitation-${p.id}`}
                        className="select-small"
                        value={p.invitation}
                        disabled={busy}
                        onChange={(e) =>
                          update.mutate({
                            participantId: p.id,
                            body: { invitation: e.target.value as Participant['invitation'] },
                          })
                        }
                      >
                        {INVITATION.map((status) => (
                          <option key={status} value={status}>
                            {t(`meetings.invitation.${status}`)}
                          </option>
                        ))}
                      </select>
                      <fieldset className="segmented" disabled={busy}>
                        <legend className="visually-hidden">
                          {t('meetings.participants.attendanceOf', { name: p.name })}
                        </legend>
                        {ATTENDANCE.map((value) => (
                          <label
                            key={value}
                            className={
                              shownAttendance(p) === value
                                ? `segment segment-${value} segment-on`
                                : `segment segment-${value}`
                            }
                          >
                            <input
                              type="radio"
                              name={`attendance-${p.id}`}
                              value={value}
                              checked={shownAttendance(p) === value}
                              onChange={() => attendance.mutate([{ participant_id: p.id, attendance: value }])}
                            />
                            {t(`meetings.attendance.${value}`)}
                          </label>
                        ))}
                      </fieldset>
                      {p.is_chair ? null : (
                        <button
                          type="button"
                          className="link-button link-danger"
                          disabled={busy}
                          aria-label={t('meetings.participants.removeOf', { name: p.name })}
                          onClick={() => remove.mutate(p.id)}
                        >
                          {t('meetings.participants.remove')}
                        </button>
                      )}
                    </div>
                  ) : (
                    <p className="participant-state">
                      {p.attendance
                        ? t(`meetings.attendance.${p.attendance}`)
                        : t(`meetings.invitation.${p.invitation}`)}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )
      })}
      {open ? (
        adding ? (
          <AddParticipant meeting={meeting} family={family} onClose={() => setAdding(false)} />
        ) : (
          <button
            type="button"
            className="button button-secondary button-small"
            ref={addButton}
            onClick={() => setAdding(true)}
          >
            {t('meetings.participants.add')}
          </button>
        )
      ) : null}
    </section>
  )
}
