import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import { useAuth } from '../auth/AuthContext'

/** The business case in the main navigation, for coordinators and administrators. */
export function BusinessCaseNavItem() {
  const { t } = useTranslation()
  const { me } = useAuth()
  if (me?.role !== 'admin' && me?.role !== 'coordinator') return null
  return (
    <li>
      <NavLink to="/business-case">{t('businessCase.nav')}</NavLink>
    </li>
  )
}
