import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/errors'
import { formatDate } from '../../i18n/format'

/** The family's own proposals and comments from their phones: items for the table (plan page, meeting agenda). */
export function FamilyProposals({ familyId }: { familyId: string }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const key = ['voice', 'proposals', familyId]
  const proposals = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/families/{family_id}/proposals', { params: { path: { family_id: familyId } }, signal })),
  })
  const handle = useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.PATCH('/api/v1/families/{family_id}/proposals/{proposal_id}', {
          params: { path: { family_id: familyId, proposal_id: id } },
          body: { status: 'handled', answer: t('voice.handledAnswer') },
        }),
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  })
  const open = (proposals.data ?? []).filter((p) => p.status !== 'handled')
  return (
    <section className="card" aria-labelledby="voice-proposals">
      <h2 id="voice-proposals">{t('voice.proposalsTitle')}</h2>
      {open.length === 0 ? (
        <p>{t('voice.noProposals')}</p>
      ) : (
        <ul>
          {open.map((p) => (
            <li key={p.id}>
              <strong>{p.kind === 'goal' ? t('voice.newGoal') : t('voice.comment', { goal: p.goal_text ?? '' })}</strong> “{p.text}” —{' '}
              {p.member_name}, {formatDate(p.created_at)}{' '}
              <button type="button" className="button button-secondary" onClick={() => handle.mutate(p.id)}>
                {t('voice.markHandled')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
