import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert, EmptyState, ErrorState, errorText, Loading } from '../../components/States'
import { formatDateTime } from '../../i18n/format'
import { eventLabel, scopeLabel } from './labels'
import { useClientWebhooks, useRevokeClient, useRotateSecret } from './queries'
import type { FunderClient, FunderClientWithSecret } from './types'

type Confirming = 'rotate' | 'revoke' | null

/** One funder client: what it may see, when it was used, rotate and revoke, and its webhook endpoints. */
export function ClientCard({
  client,
  regionNames,
  onRotated,
}: {
  client: FunderClient
  regionNames: Map<string, string>
  onRotated: (client: FunderClientWithSecret) => void
}) {
  const { t } = useTranslation()
  const [confirming, setConfirming] = useState<Confirming>(null)
  const [showHooks, setShowHooks] = useState(false)
  const rotate = useRotateSecret()
  const revoke = useRevokeClient()
  const revoked = client.revoked_at !== null
  const error = rotate.error ?? revoke.error
  const headingId = `client-${client.id}`
  const rows: [string, string][] = [
    [t('funders.list.clientId'), client.client_id],
    [t('funders.list.regions'), client.region_ids.map((id) => regionNames.get(id) ?? id).join(', ')],
    [t('funders.list.scopes'), client.scopes.map((s) => scopeLabel(s, t)).join(', ')],
    [t('funders.list.createdAt'), formatDateTime(client.created_at)],
    [t('funders.list.rotatedAt'), formatDateTime(client.secret_rotated_at)],
    [t('funders.list.lastUsed'), client.last_used_at ? formatDateTime(client.last_used_at) : t('funders.list.never')],
  ]

  return (
    <li className="entity funder-client" aria-labelledby={headingId}>
      <div className="entity-body">
        <h3 className="entity-title" id={headingId}>
          {client.name}{' '}
          <span className={revoked ? 'badge badge-closed' : 'badge badge-active'}>
            {revoked ? t('funders.list.revoked') : t('funders.list.active')}
          </span>
        </h3>
        <p className="entity-meta">{client.funder_name}</p>
        <dl className="details details-compact">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
          {revoked ? (
            <div>
              <dt>{t('funders.list.revoked')}</dt>
              <dd>{formatDateTime(client.revoked_at)}</dd>
            </div>
          ) : null}
        </dl>
        {error ? (
          <Alert kind="error">
            <p>{errorText(error, t)}</p>
          </Alert>
        ) : revoke.isSuccess ? (
          <Alert kind="success">
            <p>{t('funders.revoke.done', { name: client.name })}</p>
          </Alert>
        ) : null}
        {confirming ? (
          <div className="confirm">
            <p>{t(`funders.${confirming}.confirm`, { name: client.name })}</p>
            <button
              type="button"
              className={confirming === 'revoke' ? 'button button-danger' : 'button'}
              disabled={rotate.isPending || revoke.isPending}
              onClick={() => {
                const done = { onSettled: () => setConfirming(null) }
                if (confirming === 'rotate') rotate.mutate(client.id, { ...done, onSuccess: onRotated })
                else revoke.mutate(client.id, done)
              }}
            >
              {t(`funders.${confirming}.yes`)}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </button>
          </div>
        ) : (
          <div className="entity-actions">
            {revoked ? null : (
              <>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => setConfirming('rotate')}
                >
                  {t('funders.rotate.button')}
                  <span className="visually-hidden">: {client.name}</span>
                </button>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => setConfirming('revoke')}
                >
                  {t('funders.revoke.button')}
                  <span className="visually-hidden">: {client.name}</span>
                </button>
              </>
            )}
            <button
              type="button"
              className="link-button"
              aria-expanded={showHooks}
              aria-controls={`${headingId}-hooks`}
              onClick={() => setShowHooks(!showHooks)}
            >
              {showHooks ? t('funders.webhooks.hide') : t('funders.webhooks.show')}
              <span className="visually-hidden">: {client.name}</span>
            </button>
          </div>
        )}
        <div id={`${headingId}-hooks`}>{showHooks ? <ClientWebhooks client={client} /> : null}</div>
      </div>
    </li>
  )
}

function ClientWebhooks({ client }: { client: FunderClient }) {
  const { t } = useTranslation()
  const hooks = useClientWebhooks(client.id, true)
  if (hooks.isPending) return <Loading />
  if (hooks.isError) return <ErrorState error={hooks.error} onRetry={() => void hooks.refetch()} />
  const items = hooks.data.items
  return (
    <div className="funder-hooks">
      <h4>{t('funders.webhooks.title', { name: client.name })}</h4>
      {items.length === 0 ? (
        <EmptyState title={t('funders.webhooks.empty')} />
      ) : (
        <ul className="funder-hook-list">
          {items.map((hook) => (
            <li key={hook.id}>
              <p className="funder-url">{hook.url}</p>
              {hook.description ? <p className="muted">{hook.description}</p> : null}
              <p>
                {t('funders.webhooks.events')}: {hook.event_types.map((e) => eventLabel(e, t)).join(', ')}
              </p>
              <p className="muted">
                {hook.disabled_at
                  ? t('funders.webhooks.disabled', { date: formatDateTime(hook.disabled_at) })
                  : t('funders.webhooks.since', { date: formatDateTime(hook.created_at) })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
