import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/errors'

/** Per network contact: their party, their personal link, and what the family agreed they may see. */
export function NetworkAccess({ familyId }: { familyId: string }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const key = ['voice', 'network', familyId]
  const [made, setMade] = useState<{ name: string; url: string; code: string } | null>(null)
  const access = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/families/{family_id}/network-access', { params: { path: { family_id: familyId } }, signal })),
  })
  const refresh = () => void client.invalidateQueries({ queryKey: key })
  const link = useMutation({
    mutationFn: (contactId: string) =>
      unwrap(
        api.POST('/api/v1/families/{family_id}/contacts/{contact_id}/links', {
          params: { path: { family_id: familyId, contact_id: contactId } },
        }),
      ),
    onSuccess: refresh,
  })
  const consent = useMutation({
    mutationFn: (v: { contactId: string; version: number; plan: boolean; summaries: boolean; checkin_trend: boolean }) =>
      unwrap(
        api.PUT('/api/v1/families/{family_id}/contacts/{contact_id}/consent', {
          params: { path: { family_id: familyId, contact_id: v.contactId }, header: { 'If-Match': `"${v.version}"` } },
          body: { plan: v.plan, summaries: v.summaries, checkin_trend: v.checkin_trend },
        }),
      ),
    onSuccess: refresh,
  })
  return (
    <section className="card" aria-labelledby="voice-network">
      <h2 id="voice-network">{t('voice.networkTitle')}</h2>
      {made && (
        <p role="status">
          {t('voice.linkMade', { name: made.name })} <code>{made.url}</code> — {t('voice.code')} <strong>{made.code}</strong>
        </p>
      )}
      <ul>
        {(access.data ?? []).map((row) => (
          <li key={row.contact_id}>
            <strong>{row.name}</strong> ({t(`voice.party.${row.party}`)}) — {row.link ? t(`voice.linkStatus.${row.link.status}`) : t('voice.noLink')}{' '}
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                link.mutate(row.contact_id, {
                  onSuccess: (created) => setMade({ name: row.name, url: `${location.origin}${created.path}`, code: created.code }),
                })
              }
            >
              {t('voice.makeLink')}
            </button>
            <fieldset>
              <legend>{t('voice.consentLegend', { name: row.name })}</legend>
              {(['plan', 'summaries', 'checkin_trend'] as const).map((field) => (
                <label key={field}>
                  <input
                    type="checkbox"
                    checked={row.consent[field]}
                    onChange={(event) =>
                      consent.mutate({ ...row.consent, contactId: row.contact_id, [field]: event.target.checked })
                    }
                  />{' '}
                  {t(`voice.consent.${field}`)}
                </label>
              ))}
            </fieldset>
          </li>
        ))}
      </ul>
    </section>
  )
}
