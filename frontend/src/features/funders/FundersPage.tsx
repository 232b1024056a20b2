import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PageHeading } from '../../components/Page'
import { PagedList } from '../../components/PagedList'
import { ErrorState, Loading } from '../../components/States'
import { useRegions } from '../admin/queries'
import { ClientCard } from './ClientCard'
import { DeliveriesSection } from './DeliveriesSection'
import { NewClientForm } from './NewClientForm'
import { useFunderClients } from './queries'
import { SecretOnce } from './SecretOnce'
import type { FunderClientWithSecret } from './types'
import './funders.css'

/** Administration of funder API clients: register, secret shown once, rotate, revoke; webhooks and deliveries. */
export function FundersPage() {
  const { t } = useTranslation()
  const clients = useFunderClients()
  const regions = useRegions()
  const [revealed, setRevealed] = useState<{ client: FunderClientWithSecret; rotated: boolean } | null>(null)
  const items = useMemo(() => clients.data?.pages.flatMap((page) => page.items) ?? [], [clients.data])
  const regionNames = useMemo(() => new Map((regions.data?.items ?? []).map((r) => [r.id, r.name])), [regions.data])
  const clientNames = useMemo(() => new Map(items.map((c) => [c.client_id, c.name])), [items])
  const title = t('funders.title')

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('funders.intro')}</p>
      {revealed ? (
        <SecretOnce
          client={revealed.client}
          rotated={revealed.rotated}
          onDone={() => {
            setRevealed(null)
            document.getElementById('clients-heading')?.focus() // the box is gone: continue at the list
          }}
        />
      ) : null}
      <div className="two-columns">
        <section className="card" aria-labelledby="clients-heading">
          <h2 id="clients-heading" tabIndex={-1}>
            {t('funders.list.title')}
          </h2>
          <PagedList query={clients} count={items.length} empty={t('funders.list.empty')} more={t('funders.list.more')}>
            <ul className="entity-list">
              {items.map((client) => (
                <ClientCard
                  key={client.id}
                  client={client}
                  regionNames={regionNames}
                  onRotated={(rotated) => setRevealed({ client: rotated, rotated: true })}
                />
              ))}
            </ul>
          </PagedList>
        </section>
        {regions.isPending ? (
          <Loading />
        ) : regions.isError ? (
          <ErrorState error={regions.error} onRetry={() => void regions.refetch()} />
        ) : (
          <NewClientForm regions={regions.data.items} onCreated={(client) => setRevealed({ client, rotated: false })} />
        )}
      </div>
      <div className="funders-deliveries">
        <DeliveriesSection clientNames={clientNames} />
      </div>
    </>
  )
}
