import { Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, NavLink, Outlet, useLocation } from 'react-router'
import { useAuth } from '../features/auth/AuthContext'
import { BusinessCaseNavItem } from '../features/businessCase/NavItem'
import { CheckinsNavItem } from '../features/checkins/NavItem'
import { NotificationsNavItems } from '../features/notifications/NavItems'
import { type Language, setLanguage } from '../i18n'
import { Loading } from './States'

export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  const other: Language = i18n.language === 'en' ? 'nl' : 'en'
  return (
    <button type="button" className="link-button" lang={other} onClick={() => setLanguage(other)}>
      {t('language.switchTo')}
    </button>
  )
}

export function SkipLink() {
  const { t } = useTranslation()
  return (
    <a className="skip-link" href="#main" onClick={(event) => {
      event.preventDefault()
      document.getElementById('main')?.focus()
    }}>
      {t('layout.skipToContent')}
    </a>
  )
}

/** The frame around every signed-in page: skip link, header with navigation, main, footer. */
export function Layout() {
  const { t } = useTranslation()
  const { me, signOut } = useAuth()
  const canManageUsers = me?.role === 'admin' || me?.role === 'coordinator'
  const inFamilies = useLocation().pathname.startsWith('/families')
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            <img src="/favicon.svg" alt="" width="28" height="28" />
            <span>Bondgenoot</span>
          </Link>
          <nav aria-label={t('layout.mainNav')} className="main-nav">
            <ul>
              <li>
                <NavLink to="/" end className={({ isActive }) => (isActive || inFamilies ? 'active' : undefined)}>
                  {t('nav.families')}
                </NavLink>
              </li>
              <CheckinsNavItem />
              {canManageUsers ? (
                <li>
                  <NavLink to="/meetings">{t('meetings.nav')}</NavLink>
                </li>
              ) : null}
              {canManageUsers ? (
                <li>
                  <NavLink to="/admin/users">{t('nav.users')}</NavLink>
                </li>
              ) : null}
              {me?.role === 'admin' ? (
                <li>
                  <NavLink to="/admin/regions">{t('nav.regions')}</NavLink>
                </li>
              ) : null}
              {me?.role === 'admin' ? (
                <li>
                  <NavLink to="/admin/funders">{t('funders.nav')}</NavLink>
                </li>
              ) : null}
              {me?.role === 'supporter' ? (
                <li>
                  <NavLink to="/me/work-engagement">{t('measurements.nav.workEngagement')}</NavLink>
                </li>
              ) : (
                <li>
                  <NavLink to="/outcomes">{t('measurements.nav.cohort')}</NavLink>
                </li>
              )}
              <BusinessCaseNavItem />
              {me?.role === 'admin' ? (
                <li>
                  <NavLink to="/admin/instruments">{t('measurements.nav.instruments')}</NavLink>
                </li>
              ) : null}
              <NotificationsNavItems />
            </ul>
          </nav>
          <div className="user-menu">
            {me ? (
              <span className="user-name">
                {me.full_name}
                <span className="user-role">{t(`roles.${me.role}`)}</span>
              </span>
            ) : null}
            <NavLink to="/me/password" className="user-menu-link">
              {t('accounts.password.nav')}
            </NavLink>
            <LanguageSwitch />
            <button type="button" className="button button-secondary button-small" onClick={() => void signOut()}>
              {t('nav.logout')}
            </button>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>{t('layout.footer')}</p>
      </footer>
    </>
  )
}
