import { useTranslation } from 'react-i18next'
import { Link, NavLink } from 'react-router'
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

/** A link from the family page to its cost events. */
export function CostEventsLink({ familyId }: { familyId: string }) {
  const { t } = useTranslation()
  return (
    <Link className="button button-secondary" to={`/families/${familyId}/kosten`}>
      {t('businessCase.events.link')}
    </Link>
  )
}
