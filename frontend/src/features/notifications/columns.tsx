import type { TFunction } from 'i18next'
import type { Column } from '../../components/DataTable'
import { kindText, statusBadge, statusText } from './labels'
import type { FamilyMessage, Message } from './types'

type Sent =
  | Pick<Message, 'kind' | 'channel' | 'status' | 'reason'>
  | Pick<FamilyMessage, 'kind' | 'channel' | 'status' | 'reason'>

/** What was sent, with its channel below: the delivery log's and the family card's column. */
export function kindColumn<Row extends Sent>(header: string, t: TFunction): Column<Row> {
  return {
    header,
    cell: (m) => (
      <span>
        {kindText(m.kind, t)}
        <span className="notification-sub">{t(`notifications.channel.${m.channel}`)}</span>
      </span>
    ),
  }
}

/** The status badge, with why a message was held back below it. */
export function statusColumn<Row extends Sent>(t: TFunction): Column<Row> {
  return {
    header: t('notifications.family.status'),
    cell: (m) => (
      <span>
        <span className={statusBadge(m.status)}>{t(`notifications.status.${m.status}`)}</span>
        {statusText(m, t) ? <span className="notification-sub">{statusText(m, t)}</span> : null}
      </span>
    ),
  }
}
