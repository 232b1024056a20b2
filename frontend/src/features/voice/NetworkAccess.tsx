import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/errors'
import { Alert, errorText } from '../../components/States'
import './voice.css'

/** Per network contact: their party, their personal link, and what the family agreed they may see. */
export function NetworkAccess({ familyId }: { familyId: string }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const key = ['voice', 'network', familyId]
  const [made, setMade] = useState<{ name: string; url: string; code: string } | null>(null)
  const access = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/families/{family_id}/network-access', { params: { path: { family_id: familyId } }, signal }),
      ),
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
    mutationFn: (v: {
      contactId: string
      version: number
      plan: boolean
      summaries: boolean
      checkin_trend: boolean
    }) =>
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
          {t('voice.linkMade', { name: made.name })} <code>{made.url}</code> — {t('voice.code')}{' '}
          <strong>{made.code}</strong>
        </p>
      )}
      <p className="muted">{t('voice.networkIntro')}</p>
      {consent.isError ? (
        <Alert kind="error">
          <p>{errorText(consent.error, t)}</p>
        </Alert>
      ) : null}
      <ul className="network-list">
        {(access.data ?? []).map((row) => (
          <li key={row.contact_id} className="network-item">
            <div className="network-head">
              <p className="network-who">
                <strong>{row.name}</strong> <span className="badge">{t(`voice.party.${row.party}`)}</span>
                <span className="muted">
                  {' '}
                  · {row.link ? t(`voice.linkStatus.${row.link.status}`) : t('voice.noLink')}
                </span>
              </p>
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={link.isPending}
                onClick={() =>
                  link.mutate(row.contact_id, {
                    onSuccess: (created) =>
                      setMade({ name: row.name, url: `${location.origin}${created.path}`, code: created.code }),
                  })
                }
              >
                {t('voice.makeLink')}
                <span className="visually-hidden"> {t('voice.forName', { name: row.name })}</span>
              </button>
            </div>
            <fieldset className="fieldset network-consent">
              <legend>{t('voice.consentLegend', { name: row.name })}</legend>
              <div className="checkbox-row">
                {(['plan', 'summaries', 'checkin_trend'] as const).map((field) => (
                  <label key={field} className="field-checkbox">
                    <input
                      type="checkbox"
                      checked={row.consent[field]}
                      disabled={consent.isPending}
                      onChange={(event) =>
                        consent.mutate({ ...row.consent, contactId: row.contact_id, [field]: event.target.checked })
                      }
                    />
                    <span>{t(`voice.consent.${field}`)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          </li>
        ))}
      </ul>
      {consent.isSuccess ? (
        <p className="muted" role="status">
          {t('voice.consentSaved')}
        </p>
      ) : null}
    </section>
  )
}
