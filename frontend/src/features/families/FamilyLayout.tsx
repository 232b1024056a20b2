import { Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink, Outlet, useParams } from 'react-router'
import { isApiError } from '../../api/errors'
import { NotFound } from '../../components/NotFound'
import { ErrorState, Loading } from '../../components/States'
import { AttentionStrip } from './AttentionStrip'
import { familyTabs } from './familyTabs'
import type { LayoutFamily } from './layoutFamily'
import { useFamily } from './queries'
import { StatusBadge } from './StatusBadge'
import './family-layout.css'

/**
 * The family workspace: loads the family once, and shows its name, status, tabs and "wat vraagt aandacht" above
 * every family page, which reads that family through useLayoutFamily.
 */
export function FamilyLayout() {
  const { familyId = '' } = useParams()
  const { t } = useTranslation()
  const query = useFamily(familyId)
  if (query.isPending) return <Loading label={t('family.loading')} />
  if (query.isError) {
    if (isApiError(query.error, 404) || isApiError(query.error, 422)) return <NotFound kind="family" />
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  }
  const { family } = query.data
  return (
    <>
      <div className="family-header">
        <p className="family-header-name">
          <strong>{family.display_name}</strong> <span className="muted">{family.reference}</span>{' '}
          <StatusBadge status={family.status} />
        </p>
        <nav aria-label={t('workday.family.tabs')} className="family-tabs">
          <ul>
            {familyTabs.map((tab) => (
              <li key={tab.path}>
                <NavLink to={tab.path ? `/families/${family.id}/${tab.path}` : `/families/${family.id}`} end>
                  {t(tab.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <AttentionStrip family={family} />
      </div>
      <Suspense fallback={<Loading />}>
        <Outlet context={{ ...query.data, reload: () => void query.refetch() } satisfies LayoutFamily} />
      </Suspense>
    </>
  )
}
