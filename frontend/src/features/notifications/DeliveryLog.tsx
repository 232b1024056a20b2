import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PagedList } from '../../components/PagedList'
import { formatDateTime } from '../../i18n/format'
import { kindText, statusBadge, statusText } from './labels'
import { useDeliveryLog } from './queries'
import type { MessageStatus } from './types'

const STATUSES: MessageStatus[] = ['queued', 'sent', 'failed', 'bounced', 'skipped']

/** The organisation's delivery log for administrators: kinds, channels and outcomes, no names or addresses. */
export function DeliveryLog() {
  const { t } = useTranslation()
  const [status, setStatus] = useState<MessageStatus | null>(null)
  const query = useDeliveryLog(status)
  const items = query.data?.pages.flatMap((page) => page.items) ?? []
  return (
    <section className="card" aria-labelledby="delivery-log-heading">
      <h2 id="delivery-log-heading">{t('notifications.admin.log')}</h2>
      <p className="muted">{t('notifications.admin.logIntro')}</p>
      <div className="field">
        <label htmlFor="log-status">{t('notifications.admin.filter')}</label>
        <select
          id="log-status"
          value={status ?? ''}
          onChange={(e) => setStatus((e.target.value || null) as MessageStatus | null)}
        >
          <option value="">{t('notifications.admin.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`notifications.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <PagedList
        query={query}
        count={items.length}
        empty={t('notifications.admin.empty')}
        more={t('notifications.admin.more')}
      >
        <table className="table table-cards table-compact">
          <caption className="visually-hidden">{t('notifications.admin.logCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('notifications.admin.created')}</th>
              <th scope="col">{t('notifications.admin.kind')}</th>
              <th scope="col">{t('notifications.admin.recipient')}</th>
              <th scope="col">{t('notifications.family.status')}</th>
              <th scope="col">{t('notifications.admin.attempts')}</th>
              <th scope="col">{t('notifications.admin.sentAt')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.id}>
                <th scope="row" data-label={t('notifications.admin.created')}>
                  {formatDateTime(m.created_at)}
                </th>
                <td data-label={t('notifications.admin.kind')}>
                  <span>
                    {kindText(m.kind, t)}
                    <span className="notification-sub">{t(`notifications.channel.${m.channel}`)}</span>
                  </span>
                </td>
                <td data-label={t('notifications.admin.recipient')}>
                  {t(`notifications.recipientKind.${m.recipient_kind}`)}
                </td>
                <td data-label={t('notifications.family.status')}>
                  <span>
                    <span className={statusBadge(m.status)}>{t(`notifications.status.${m.status}`)}</span>
                    {statusText(m, t) ? <span className="notification-sub">{statusText(m, t)}</span> : null}
                  </span>
                </td>
                <td data-label={t('notifications.admin.attempts')}>{m.attempts}</td>
                <td data-label={t('notifications.admin.sentAt')}>{formatDateTime(m.sent_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </PagedList>
    </section>
  )
}
