import { useTranslation } from 'react-i18next'
import { DataTable } from '../../components/DataTable'
import { PagedList } from '../../components/PagedList'
import { formatDateTime } from '../../i18n/format'
import { kindColumn, statusColumn } from './columns'
import { useFamilyMessages } from './queries'
import { Recipients } from './Recipients'
import './notifications.css'

/** The family page's "what was sent to whom": a self-contained card, newest first, with why a message was held back. */
export function FamilyNotifications({ familyId }: { familyId: string }) {
  const { t } = useTranslation()
  const query = useFamilyMessages(familyId)
  const items = query.data?.pages.flatMap((page) => page.items) ?? []
  return (
    <section className="card" aria-labelledby="family-notifications-heading">
      <h2 id="family-notifications-heading">{t('notifications.family.title')}</h2>
      <p className="muted">{t('notifications.family.intro')}</p>
      <Recipients familyId={familyId} />
      <h3>{t('notifications.family.sent')}</h3>
      <PagedList
        query={query}
        count={items.length}
        empty={t('notifications.family.empty')}
        more={t('notifications.family.more')}
      >
        <DataTable
          caption={t('notifications.family.caption')}
          rows={items}
          rowKey={(m) => m.id}
          columns={[
            { header: t('notifications.family.when'), cell: (m) => formatDateTime(m.sent_at ?? m.created_at) },
            {
              header: t('notifications.family.to'),
              cell: (m) => (
                <span>
                  {m.recipient_name ?? '—'}
                  <span className="notification-sub">{t(`notifications.recipientKind.${m.recipient_kind}`)}</span>
                </span>
              ),
            },
            kindColumn(t('notifications.family.what'), t),
            statusColumn(t),
          ]}
        />
      </PagedList>
    </section>
  )
}
