import { useTranslation } from 'react-i18next'
import { localDetail } from '../../api/errors'
import { newIdempotencyKey } from '../../components/forms'
import { ErrorState } from '../../components/States'
import { useAddParticipant, useUpdateParticipant } from './queries'
import type { Flag, MeetingStatus, ParticipantCreate } from './types'

/** Crucial players who are missing, said plainly at the top of the meeting: who, and why they matter. */
export function MeetingFlags({
  flags,
  status,
  meetingId,
}: {
  flags: readonly Flag[]
  status: MeetingStatus
  meetingId?: string
}) {
  const { t, i18n } = useTranslation()
  if (flags.length === 0) return null
  return (
    <section className="alert alert-warning meeting-flags" aria-labelledby="flags-heading">
      <h2 id="flags-heading" className="alert-title">
        {status === 'held'
          ? t('meetings.flags.titleHeld', { count: flags.length })
          : t('meetings.flags.title', { count: flags.length })}
      </h2>
      <p>{status === 'held' ? t('meetings.flags.introHeld') : t('meetings.flags.intro')}</p>
      <ul>
        {flags.map((flag) => (
          <li key={`${flag.reason}-${flag.person.kind}-${flag.person.id ?? flag.person.name}`}>
            <strong>{localDetail(flag.message, i18n.language)}</strong>
            {flag.because.length > 0 ? (
              <span className="flag-because">
                {' '}
                {t('meetings.flags.because')} {flag.because.join('; ')}
              </span>
            ) : null}
            {meetingId && status === 'planned' && flag.reason === 'not_invited' ? (
              <InviteNow meetingId={meetingId} flag={flag} />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** "2 signalen" as a badge in lists. */
export function FlagBadge({ count }: { count: number }) {
  const { t } = useTranslation()
  if (count === 0) return null
  return <span className="badge badge-flag">{t('meetings.flags.badge', { count })}</span>
}

function invitation(flag: Flag): ParticipantCreate | null {
  const { kind, id, name } = flag.person
  if (kind === 'guest') return { kind, name, invitation: 'invited' }
  if (id === null) return null
  if (kind === 'member') return { kind, member_id: id, invitation: 'invited' }
  if (kind === 'contact') return { kind, contact_id: id, invitation: 'invited' }
  return { kind, user_id: id, invitation: 'invited' }
}

/** The fix for "not invited", right where it is said: put the person on the list, or turn their invitation on. */
function InviteNow({ meetingId, flag }: { meetingId: string; flag: Flag }) {
  const { t } = useTranslation()
  const add = useAddParticipant(meetingId)
  const update = useUpdateParticipant(meetingId)
  const body = invitation(flag)
  const participantId = flag.person.participant_id
  if (participantId === null && body === null) return null
  const error = add.error ?? update.error
  return (
    <>
      {' '}
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={add.isPending || update.isPending}
        onClick={() => {
          if (participantId !== null) update.mutate({ participantId, body: { invitation: 'invited' } })
          else if (body !== null) add.mutate({ body, idempotencyKey: newIdempotencyKey() })
        }}
      >
        {t('meetings.flags.invite', { name: flag.person.name })}
      </button>
      {error ? <ErrorState error={error} /> : null}
    </>
  )
}
