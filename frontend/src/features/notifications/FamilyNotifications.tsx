import { useTranslation } from 'react-i18next'
import { PagedList } from '../../components/PagedList'
import { formatDateTime } from '../../i18n/format'
import { kindText, statusBadge, statusText } from './labels'
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
        <table className="table table-cards table-compact">
          <caption className="visually-hidden">{t('notifications.family.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('notifications.family.when')}</th>
              <th scope="col">{t('notifications.family.to')}</th>
              <th scope="col">{t('notifications.family.what')}</th>
              <th scope="col">{t('notifications.family.status')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.id}>
                <th scope="row" data-label={t('notifications.family.when')}>
                  {formatDateTime(m.sent_at ?? m.created_at)}
                </th>
                <td data-label={t('notifications.family.to')}>
                  <span>
                    {m.recipient_name ?? '—'}
                    <span className="notification-sub">{t(`notifications.recipientKind.${m.recipient_kind}`)}</span>
                  </span>
                </td>
                <td data-label={t('notifications.family.what')}>
                  <span>
                    {kindText(m.kind, t)}
                    <span className="notification-sub">{t(`notifications.channel.${m.channel}`)}</span>
                  </span>
                </td>
                <td data-label={t('notifications.family.status')}>
                  <span>
                    <span className={statusBadge(m.status)}>{t(`notifications.status.${m.status}`)}</span>
                    {statusText(m, t) ? <span className="notification-sub">{statusText(m, t)}</span> : null}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </PagedList>
    </section>
  )
}
