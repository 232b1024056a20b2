import type { ReactNode } from 'react'
import type { Role } from '../api/types'
import { NotFound } from '../components/NotFound'
import { useMe } from '../features/auth/AuthContext'

/** A page for some roles only; anyone else sees "not found", as for a page that does not exist. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const me = useMe()
  return roles.includes(me.role) ? children : <NotFound />
}
