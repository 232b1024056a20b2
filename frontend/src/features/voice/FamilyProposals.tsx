import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import './voice.css'
import { api } from '../../api/client'
import { unwrap } from '../../api/errors'
import { formatDate } from '../../i18n/format'

/** The family's own proposals and comments from their phones: items for the table (plan page, meeting agenda). */
export function FamilyProposals({ familyId, meetingId }: { familyId: string; meetingId?: string }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const key = ['voice', 'proposals', familyId]
  const proposals = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/families/{family_id}/proposals', { params: { path: { family_id: familyId } }, signal })),
  })
  const change = useMutation({
    mutationFn: ({ id, agenda }: { id: string; agenda: boolean }) =>
      unwrap(
        api.PATCH('/api/v1/families/{family_id}/proposals/{proposal_id}', {
          params: { path: { family_id: familyId, proposal_id: id } },
          body: agenda
            ? { status: 'on_agenda', meeting_id: meetingId ?? null }
            : { status: 'handled', answer: t('voice.handledAnswer') },
        }),
      ),
    // Putting it on the agenda adds an agenda item: the meeting's queries reload too.
    onSuccess: () => void client.invalidateQueries(),
  })
  const open = (proposals.data ?? []).filter((p) => p.status !== 'handled')
  return (
    <section className="card" aria-labelledby="voice-proposals">
      <h2 id="voice-proposals">{t('voice.proposalsTitle')}</h2>
      {open.length === 0 ? (
        <p>{t('voice.noProposals')}</p>
      ) : (
        <ul className="network-list">
          {open.map((p) => (
            <li key={p.id} className="network-item">
              <p className="network-who">
                <strong>
                  {p.kind === 'goal' ? t('voice.newGoal') : t('voice.comment', { goal: p.goal_text ?? '' })}
                </strong>{' '}
                “{p.text}”
              </p>
              <p className="muted">
                {p.member_name}, {formatDate(p.created_at)}
              </p>
              <div className="form-actions">
                {meetingId && p.meeting_id !== meetingId && (
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => change.mutate({ id: p.id, agenda: true })}
                  >
                    {t('voice.toAgenda')}
                  </button>
                )}
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => change.mutate({ id: p.id, agenda: false })}
                >
                  {t('voice.markHandled')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
