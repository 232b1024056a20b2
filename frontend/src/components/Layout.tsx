import { type ReactNode, Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, NavLink, Outlet, useLocation } from 'react-router'
import { useAuth } from '../features/auth/AuthContext'
import { CheckinsNavItem } from '../features/checkins/NavItem'
import { type Language, setLanguage } from '../i18n'
import { OfflineBanner } from './OfflineBanner'
import { Loading } from './States'

export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  const other: Language = i18n.language === 'en' ? 'nl' : 'en'
  return (
    <button type="button" className="link-button" lang={other} onClick={() => void setLanguage(other)}>
      {t('language.switchTo')}
    </button>
  )
}

export function SkipLink() {
  const { t } = useTranslation()
  return (
    <a
      className="skip-link"
      href="#main"
      onClick={(event) => {
        event.preventDefault()
        document.getElementById('main')?.focus()
      }}
    >
      {t('layout.skipToContent')}
    </a>
  )
}

type NavEntry = { to: string; label: string; end?: boolean; active?: boolean }

/** Links in one drop-down menu (administration, your account), so the header stays one row at 1280 px. */
function NavMenu({ id, label, entries, note }: { id: string; label: string; entries: NavEntry[]; note?: ReactNode }) {
  const { pathname } = useLocation()
  // Open on the page where it was opened: navigating closes it.
  const [openAt, setOpenAt] = useState<string | null>(null)
  const open = openAt === pathname
  const setOpen = (next: boolean) => setOpenAt(next ? pathname : null)
  if (entries.length === 0) return null
  const active = entries.some((entry) => pathname.startsWith(entry.to))
  return (
    <li className="nav-menu">
      <button
        type="button"
        className={active ? 'nav-menu-button active' : 'nav-menu-button'}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      <ul id={id} className="nav-menu-list" hidden={!open}>
        {note ? <li className="nav-menu-note">{note}</li> : null}
        {entries.map((entry) => (
          <li key={entry.to}>
            <NavLink to={entry.to}>{entry.label}</NavLink>
          </li>
        ))}
      </ul>
    </li>
  )
}

/** The frame around every signed-in page: skip link, header with navigation, main, footer. */
export function Layout() {
  const { t } = useTranslation()
  const { me, signOut } = useAuth()
  const { pathname } = useLocation()
  const [menuOpenAt, setMenuOpenAt] = useState<string | null>(null)
  const menuOpen = menuOpenAt === pathname
  const setMenuOpen = (next: boolean) => setMenuOpenAt(next ? pathname : null)
  const role = me?.role
  const staff = role === 'admin' || role === 'coordinator'
  const inFamilies = pathname.startsWith('/families')
  // A researcher reaches only the research page (the API refuses everything else to that role).
  const researcher = role === 'researcher'
  const main: NavEntry[] = researcher
    ? [{ to: '/research', label: t('research.nav') }]
    : role === 'supporter'
      ? [
          { to: '/', label: t('workday.nav.today'), end: true },
          { to: '/families', label: t('workday.nav.families'), end: true, active: inFamilies },
        ]
      : [
          { to: '/', label: t('nav.families'), end: true, active: inFamilies },
          { to: '/team', label: t('workday.team.nav') },
          { to: '/meetings', label: t('meetings.nav') },
        ]
  const admin: NavEntry[] = [
    ...(staff ? [{ to: '/admin/users', label: t('nav.users') }] : []),
    ...(role === 'admin'
      ? [
          { to: '/admin/regions', label: t('nav.regions') },
          { to: '/admin/funders', label: t('funders.nav') },
          { to: '/admin/instruments', label: t('measurements.nav.instruments') },
          { to: '/admin/business-case', label: t('businessCase.editModel') },
          { to: '/admin/notifications', label: t('notifications.nav.admin') },
        ]
      : []),
  ]
  const results: NavEntry[] = [
    { to: '/outcomes', label: t('measurements.nav.cohort') },
    { to: '/business-case', label: t('businessCase.nav') },
    { to: '/research', label: t('research.nav') },
  ]
  const account: NavEntry[] = [
    ...(researcher ? [] : [{ to: '/settings/notifications', label: t('notifications.nav.settings') }]),
    { to: '/me/password', label: t('accounts.password.nav') },
  ]
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            <img src="/favicon.svg" alt="" width="28" height="28" />
            <span>Bondgenoot</span>
          </Link>
          <button
            type="button"
            className="button button-secondary button-small menu-button"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen(!menuOpen)}
          >
            {t('workday.nav.menu')}
          </button>
          <nav id="main-nav" aria-label={t('layout.mainNav')} className={menuOpen ? 'main-nav is-open' : 'main-nav'}>
            <ul>
              {main.map((entry) => (
                <li key={entry.to}>
                  <NavLink
                    to={entry.to}
                    end={entry.end}
                    className={({ isActive }) => (isActive || entry.active ? 'active' : undefined)}
                  >
                    {entry.label}
                  </NavLink>
                </li>
              ))}
              {researcher ? null : <CheckinsNavItem />}
              {researcher ? null : role === 'supporter' ? (
                <li>
                  <NavLink to="/me/work-engagement">{t('measurements.nav.workEngagement')}</NavLink>
                </li>
              ) : (
                <NavMenu id="results-menu" label={t('workday.nav.results')} entries={results} />
              )}
              <NavMenu id="admin-menu" label={t('workday.nav.admin')} entries={admin} />
              <NavMenu
                id="account-menu"
                label={t('workday.nav.account')}
                entries={account}
                note={
                  me ? (
                    <span className="user-name">
                      {me.full_name}
                      <span className="user-role">{t(`roles.${me.role}`)}</span>
                    </span>
                  ) : null
                }
              />
            </ul>
          </nav>
          <div className="user-menu">
            <LanguageSwitch />
            <button type="button" className="button button-secondary button-small" onClick={() => void signOut()}>
              {t('nav.logout')}
            </button>
          </div>
        </div>
      </header>
      <OfflineBanner />
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
