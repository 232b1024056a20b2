import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { Loading } from '../../components/States'
import { useAuth } from './AuthContext'
import { claimDrafts } from './drafts'

export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, me } = useAuth()
  const location = useLocation()
  if (status === 'anonymous' || status === 'expired') {
    return (
      <Navigate
        to="/login"
        replace
        state={{ from: location.pathname + location.search, expired: status === 'expired' }}
      />
    )
  }
  if (status === 'unknown' || !me) {
    return (
      <main id="main" className="main" tabIndex={-1}>
        <Loading />
      </main>
    )
  }
  // Before any form mounts (also after a reload): drafts kept in this tab are only handed to the user who wrote them.
  claimDrafts(me.id)
  return children
}
