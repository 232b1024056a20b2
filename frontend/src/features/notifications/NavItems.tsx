import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import { useAuth } from '../auth/AuthContext'

/** The navigation's entries of the notifications: everyone's own settings, the administrator's messages page. */
export function NotificationsNavItems() {
  const { t } = useTranslation()
  const { me } = useAuth()
  if (!me) return null
  return (
    <>
      {me.role === 'admin' ? (
        <li>
          <NavLink to="/admin/notifications">{t('notifications.nav.admin')}</NavLink>
        </li>
      ) : null}
      <li>
        <NavLink to="/settings/notifications">{t('notifications.nav.settings')}</NavLink>
      </li>
    </>
  )
}
