import type { TFunction } from 'i18next'
import type { Message } from './types'

const STATUS_BADGE: Record<Message['status'], string> = {
  queued: 'badge badge-intake',
  sent: 'badge badge-active',
  failed: 'badge badge-notification-failed',
  bounced: 'badge badge-notification-failed',
  skipped: 'badge badge-closed',
}

export function statusBadge(status: Message['status']): string {
  return STATUS_BADGE[status]
}

/** "Niet verstuurd — geen toestemming": the status, and why where the server said. */
export function statusText(message: Pick<Message, 'status' | 'reason'>, t: TFunction): string {
  const reason = message.reason ? t(`notifications.reason.${message.reason}`, { defaultValue: message.reason }) : null
  return reason && message.status !== 'sent' ? reason : ''
}

export function kindText(kind: string, t: TFunction): string {
  return t(`notifications.kind.${kind}`, { defaultValue: kind })
}
