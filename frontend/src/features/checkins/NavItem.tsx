import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import { useOpenAlertCount } from './queries'
import './checkins.css'

/** "Check-ins" in the main navigation, with the number of open alerts when there are any. */
export function CheckinsNavItem() {
  const { t } = useTranslation()
  const count = useOpenAlertCount().data?.open_alerts ?? 0
  return (
    <li>
      <NavLink to="/checkins">
        {t('checkins.nav')}
        {count > 0 ? (
          <span className="ck-nav-count">
            <span aria-hidden="true">{count}</span>
            <span className="visually-hidden">{`(${t('checkins.openCount', { count })})`}</span>
          </span>
        ) : null}
      </NavLink>
    </li>
  )
}
