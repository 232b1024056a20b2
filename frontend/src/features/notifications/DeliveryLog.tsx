import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DataTable } from '../../components/DataTable'
import { PagedList } from '../../components/PagedList'
import { formatDateTime } from '../../i18n/format'
import { kindColumn, statusColumn } from './columns'
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
        <DataTable
          caption={t('notifications.admin.logCaption')}
          rows={items}
          rowKey={(m) => m.id}
          columns={[
            { header: t('notifications.admin.created'), cell: (m) => formatDateTime(m.created_at) },
            kindColumn(t('notifications.admin.kind'), t),
            {
              header: t('notifications.admin.recipient'),
              cell: (m) => t(`notifications.recipientKind.${m.recipient_kind}`),
            },
            statusColumn(t),
            { header: t('notifications.admin.attempts'), cell: (m) => m.attempts },
            { header: t('notifications.admin.sentAt'), cell: (m) => formatDateTime(m.sent_at) },
          ]}
        />
      </PagedList>
    </section>
  )
}
