import { useTranslation } from 'react-i18next'
import { DataTable } from '../../components/DataTable'
import { PagedList } from '../../components/PagedList'
import { formatDateTime } from '../../i18n/format'
import { eventLabel } from './labels'
import { useDeliveries } from './queries'
import type { Delivery } from './types'

const STATUS_BADGE: Record<Delivery['status'], string> = {
  pending: 'badge badge-intake',
  delivered: 'badge badge-active',
  failed: 'badge badge-failed',
}

/** Every webhook message with its status, attempts, next retry and last answer: what was sent, and whether it arrived. */
export function DeliveriesSection({ clientNames }: { clientNames: Map<string, string> }) {
  const { t } = useTranslation()
  const deliveries = useDeliveries()
  const items = deliveries.data?.pages.flatMap((page) => page.items) ?? []
  const none = t('funders.deliveries.none')
  return (
    <section className="card" aria-labelledby="deliveries-heading">
      <h2 id="deliveries-heading">{t('funders.deliveries.title')}</h2>
      <p className="muted">{t('funders.deliveries.intro')}</p>
      <PagedList
        query={deliveries}
        count={items.length}
        empty={t('funders.deliveries.empty')}
        more={t('funders.deliveries.more')}
      >
        <DataTable
          caption={t('funders.deliveries.caption')}
          rows={items}
          rowKey={(d) => d.id}
          columns={[
            { header: t('funders.deliveries.createdAt'), cell: (d) => formatDateTime(d.created_at) },
            {
              header: t('funders.deliveries.event'),
              cell: (d) => (
                <span>
                  {eventLabel(d.event_type, t)}
                  <code className="funder-id">{d.webhook_id}</code>
                </span>
              ),
            },
            {
              header: t('funders.deliveries.client'),
              cell: (d) => (
                <span>
                  {clientNames.get(d.client_id) ?? d.client_id}
                  <span className="funder-url">{d.endpoint_url}</span>
                </span>
              ),
            },
            {
              header: t('funders.deliveries.status'),
              cell: (d) => (
                <span>
                  <span className={STATUS_BADGE[d.status]}>{t(`funders.status.${d.status}`)}</span>
                  {d.delivered_at ? <span className="funder-when">{formatDateTime(d.delivered_at)}</span> : null}
                </span>
              ),
            },
            { header: t('funders.deliveries.attempts'), cell: (d) => d.attempts },
            {
              header: t('funders.deliveries.nextAttempt'),
              cell: (d) => (d.status === 'pending' ? formatDateTime(d.next_attempt_at) : none),
            },
            {
              header: t('funders.deliveries.lastResult'),
              cell: (d) =>
                [
                  d.last_status_code ? t('funders.deliveries.httpStatus', { code: d.last_status_code }) : null,
                  d.last_error,
                ]
                  .filter(Boolean)
                  .join(' · ') || none,
            },
          ]}
        />
      </PagedList>
    </section>
  )
}
