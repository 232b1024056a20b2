import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/States'
import type { NotificationSettings } from './types'

/** Which channels the organisation has switched on: without configuration a channel is off, and the app says so. */
export function ChannelStatus({ channels }: { channels: NotificationSettings['channels'] }) {
  const { t } = useTranslation()
  const allOn = channels.email && channels.sms
  return (
    <Alert kind={allOn ? 'success' : 'info'} title={t('notifications.settings.channels')}>
      <p>{channels.email ? t('notifications.settings.emailOn') : t('notifications.settings.emailOff')}</p>
      <p>
        {channels.sms
          ? t('notifications.settings.smsOn', {
              provider: channels.sms_provider === 'cm' ? 'CM.com' : channels.sms_provider,
            })
          : t('notifications.settings.smsOff')}
      </p>
    </Alert>
  )
}
