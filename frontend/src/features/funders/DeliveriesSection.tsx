import { useTranslation } from 'react-i18next'
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
        <table className="table table-cards table-compact">
          <caption className="visually-hidden">{t('funders.deliveries.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('funders.deliveries.createdAt')}</th>
              <th scope="col">{t('funders.deliveries.event')}</th>
              <th scope="col">{t('funders.deliveries.client')}</th>
              <th scope="col">{t('funders.deliveries.status')}</th>
              <th scope="col">{t('funders.deliveries.attempts')}</th>
              <th scope="col">{t('funders.deliveries.nextAttempt')}</th>
              <th scope="col">{t('funders.deliveries.lastResult')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id}>
                <th scope="row" data-label={t('funders.deliveries.createdAt')}>
                  {formatDateTime(d.created_at)}
                </th>
                <td data-label={t('funders.deliveries.event')}>
                  <span>
                    {eventLabel(d.event_type, t)}
                    <code className="funder-id">{d.webhook_id}</code>
                  </span>
                </td>
                <td data-label={t('funders.deliveries.client')}>
                  <span>
                    {clientNames.get(d.client_id) ?? d.client_id}
                    <span className="funder-url">{d.endpoint_url}</span>
                  </span>
                </td>
                <td data-label={t('funders.deliveries.status')}>
                  <span>
                    <span className={STATUS_BADGE[d.status]}>{t(`funders.status.${d.status}`)}</span>
                    {d.delivered_at ? <span className="funder-when">{formatDateTime(d.delivered_at)}</span> : null}
                  </span>
                </td>
                <td data-label={t('funders.deliveries.attempts')}>{d.attempts}</td>
                <td data-label={t('funders.deliveries.nextAttempt')}>
                  {d.status === 'pending' ? formatDateTime(d.next_attempt_at) : none}
                </td>
                <td data-label={t('funders.deliveries.lastResult')}>
                  {[
                    d.last_status_code ? t('funders.deliveries.httpStatus', { code: d.last_status_code }) : null,
                    d.last_error,
                  ]
                    .filter(Boolean)
                    .join(' · ') || none}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </PagedList>
    </section>
  )
}
